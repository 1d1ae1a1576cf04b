import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  jitterReconnects,
  MAX_RECONNECT_DELAY_MS,
  reconnectDelayMs,
} from '../../../renderer/src/sync/reconnectJitter.js';
import { mulberry32 } from '../../../shared/random.js';
import { waitFor } from '../../helpers/syncClient.js';

const providers: WebsocketProvider[] = [];
afterEach(() => {
  for (const p of providers.splice(0)) {
    p.destroy();
  }
});

describe('reconnects back off with jitter', () => {
  it('doubles from 200 ms up to the cap, keeping a random half', () => {
    const random = mulberry32(7);
    for (let attempt = 1; attempt <= 12; attempt++) {
      const base = Math.min(200 * 2 ** (attempt - 1), MAX_RECONNECT_DELAY_MS);
      const delays = Array.from({ length: 50 }, () => reconnectDelayMs(attempt, random));
      expect(Math.min(...delays)).toBeGreaterThanOrEqual(base / 2);
      expect(Math.max(...delays)).toBeLessThanOrEqual(base);
      // Spread out: 50 clients do not share one moment.
      expect(new Set(delays.map((d) => Math.round(d))).size).toBeGreaterThan(25);
    }
  });

  it("sets a y-websocket provider's wait on every close, never above its own backoff", async () => {
    const waits: number[] = [];
    for (const r of [0, 0.999]) {
      // Nothing listens on port 9 on loopback: every attempt is refused at once.
      const provider = new WebsocketProvider('ws://127.0.0.1:9', 'pad/x', new Y.Doc(), {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        connect: false,
      });
      providers.push(provider);
      jitterReconnects(provider, () => r);
      provider.connect();
      await waitFor(() => provider.wsUnsuccessfulReconnects >= 1, 5_000, 'a refused attempt');
      waits.push(provider.maxBackoffTime);
      provider.disconnect();
    }
    // y-websocket's own wait after the first failure is 200 ms: jitter keeps 100 to 200 of it.
    expect(waits[0]).toBe(100);
    expect(waits[1]).toBeGreaterThan(199);
    expect(waits[1]).toBeLessThanOrEqual(200);
  });
});
