import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  BUCKET_MS,
  fromWorkerSchema,
  toWorkerSchema,
  type ClientSpec,
  type FromWorker,
  type SendTimes,
} from './protocol.js';

/**
 * A client worker of the collab benchmark: a child process holding many real y-websocket clients
 * (WebsocketProvider over `ws`, as a Node program or the browser would use them). Editors make one
 * edit per second; every client records when it observes others' edits (Yjs clock of the item and
 * the time), and the parent joins these with the editors' send times.
 *
 * Clock: `performance.timeOrigin + performance.now()`: the system clock with sub-millisecond
 * resolution, comparable between processes on the same machine.
 */

const now = (): number => performance.timeOrigin + performance.now();

interface Client {
  spec: ClientSpec;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Arrivals of remote items: client id, clock, time (flat triples). */
  arrivals: number[];
  /** Remote items observed per sender client id (highest clock + 1 seen). */
  seen: Map<number, number>;
  sends: SendTimes | null;
  timer: NodeJS.Timeout | null;
}

let clients: Client[] = [];
/** Arrivals are recorded only from the first edit on (a joined document's history is not an edit). */
let recording = false;
// Every provider adds a process 'exit' listener; a worker holds hundreds.
process.setMaxListeners(0);

function post(message: FromWorker): void {
  process.send?.(fromWorkerSchema.parse(message));
}

function open(spec: ClientSpec, index: number): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(spec.serverUrl, spec.room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: spec.params,
    disableBc: true,
  });
  provider.awareness.setLocalStateField('user', {
    name: `${spec.role === 'editor' ? 'Editor' : 'Viewer'} ${process.pid}-${index}`,
    color: '#ffd6a5',
  });
  const client: Client = { spec, doc, provider, arrivals: [], seen: new Map(), sends: null, timer: null };
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.local || !recording) {
      return;
    }
    const at = now();
    for (const [id, after] of tr.afterState) {
      if (id === doc.clientID) {
        continue;
      }
      const before = tr.beforeState.get(id) ?? 0;
      for (let clock = before; clock < after; clock++) {
        client.arrivals.push(id, clock, at);
      }
      if (after > before) {
        client.seen.set(id, after);
      }
    }
  });
  return client;
}

function edit(client: Client, random: () => number): void {
  const { doc } = client;
  const clock = Y.getState(doc.store, doc.clientID);
  if (client.sends === null) {
    client.sends = { clientId: doc.clientID, room: client.spec.room, firstClock: clock, times: [] };
  }
  client.sends.times.push(now());
  if (client.spec.content === 'text') {
    const text = doc.getText('bench');
    text.insert(Math.floor(random() * (text.length + 1)), 'abcdefghij'[client.sends.times.length % 10]!);
  } else {
    const points = Array.from({ length: 24 }, () => Math.round(random() * 1000));
    doc.getMap('strokes').set(`${doc.clientID}-${clock}`, { tool: 'fineliner', points });
  }
}

async function handle(raw: unknown): Promise<void> {
  const message = toWorkerSchema.parse(raw);
  switch (message.type) {
    case 'open': {
      const start = now();
      const opened = message.clients.map((spec, i) => open(spec, i));
      clients.push(...opened);
      const syncedMs = await Promise.all(
        opened.map(
          (client) =>
            new Promise<number>((resolve) => {
              const timeout = setTimeout(() => resolve(NaN), message.timeoutMs);
              const done = (): void => {
                clearTimeout(timeout);
                resolve(now() - start);
              };
              if (client.provider.synced) {
                done();
                return;
              }
              client.provider.once('sync', (synced: boolean) => synced && done());
            }),
        ),
      );
      post({
        type: 'opened',
        syncedMs: syncedMs.filter(Number.isFinite),
        failed: syncedMs.filter((ms) => !Number.isFinite(ms)).length,
      });
      return;
    }
    case 'type': {
      recording = true;
      const interval = 1000 / message.ratePerSecond;
      let edits = 0;
      const editors = clients.filter((c) => c.spec.role === 'editor');
      let seed = process.pid;
      const random = (): number => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed / 2147483648;
      };
      await new Promise<void>((resolve) => {
        for (const client of editors) {
          const phase = random() * interval;
          client.timer = setTimeout(() => {
            edit(client, random);
            edits += 1;
            client.timer = setInterval(() => {
              edit(client, random);
              edits += 1;
            }, interval);
          }, phase);
        }
        setTimeout(() => {
          for (const client of editors) {
            if (client.timer) {
              clearTimeout(client.timer);
              clearInterval(client.timer);
            }
          }
          resolve();
        }, message.durationMs);
      });
      post({ type: 'typed', edits });
      return;
    }
    case 'sends':
      post({ type: 'sends', sends: clients.flatMap((c) => (c.sends ? [c.sends] : [])) });
      return;
    case 'latencies': {
      const byRoom = new Map<string, SendTimes[]>();
      for (const s of message.sends) {
        byRoom.set(s.room, [...(byRoom.get(s.room) ?? []), s]);
      }
      const complete = (client: Client): boolean =>
        (byRoom.get(client.spec.room) ?? []).every(
          (s) =>
            s.clientId === client.doc.clientID ||
            (client.seen.get(s.clientId) ?? 0) >= s.firstClock + s.times.length,
        );
      const deadline = Date.now() + message.timeoutMs;
      while (!clients.every(complete) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const sendsById = new Map(message.sends.map((s) => [s.clientId, s]));
      const histogram = new Map<number, number>();
      let observed = 0;
      let missing = 0;
      for (const client of clients) {
        const a = client.arrivals;
        for (let i = 0; i < a.length; i += 3) {
          const s = sendsById.get(a[i]!);
          const sent = s?.times[a[i + 1]! - s.firstClock];
          if (sent === undefined) {
            continue;
          }
          const bucket = Math.max(0, Math.round((a[i + 2]! - sent) / BUCKET_MS));
          histogram.set(bucket, (histogram.get(bucket) ?? 0) + 1);
          observed += 1;
        }
        for (const s of byRoom.get(client.spec.room) ?? []) {
          if (s.clientId !== client.doc.clientID) {
            const seenUpTo = client.seen.get(s.clientId) ?? s.firstClock;
            missing += Math.max(0, s.firstClock + s.times.length - Math.max(seenUpTo, s.firstClock));
          }
        }
      }
      post({ type: 'latencies', histogram: [...histogram], observed, missing });
      return;
    }
    case 'close':
      for (const client of clients) {
        client.provider.destroy();
        client.doc.destroy();
      }
      clients = [];
      recording = false;
      post({ type: 'closed' });
      return;
    case 'exit':
      process.exit(0);
  }
}

process.on('message', (raw) => {
  handle(raw).catch((error: unknown) =>
    post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
post({ type: 'ready' });
