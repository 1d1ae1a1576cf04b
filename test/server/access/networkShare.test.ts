import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { shareStatusSchema, type NetworkInterface } from '../../../shared/api/shareContract.js';
import type { RunningCore } from '../../../server/core/coreTypes.js';
import { connectSyncClient } from '../../helpers/syncClient.js';
import { makeTempDir } from '../../helpers/tempDir.js';

/**
 * Issue 10, "Im Netzwerk freigeben": a second listener on a chosen interface beside the private
 * loopback one. The venue's network is played by 127.0.0.2, listed as an external interface (tests
 * talk to loopback only).
 */

const VENUE: NetworkInterface[] = [
  {
    name: 'lo',
    addresses: [{ address: '127.0.0.1', family: 'IPv4', internal: true, linkLocal: false }],
  },
  {
    name: 'venue0',
    addresses: [
      { address: '127.0.0.2', family: 'IPv4', internal: false, linkLocal: false },
      { address: 'fe80::1', family: 'IPv6', internal: false, linkLocal: true },
    ],
  },
];

let temp: ReturnType<typeof makeTempDir>;
let core: RunningCore;

function owner(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${core.origin}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${core.token}`, 'Content-Type': 'application/json' },
  });
}

async function status(res: Response) {
  const body: unknown = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  return shareStatusSchema.parse(body);
}

/** Polls the owner's share status until `done` holds (bounded). */
async function statusWhen(done: (s: ReturnType<typeof shareStatusSchema.parse>) => boolean) {
  for (let i = 0; i < 100; i++) {
    const now = await status(await owner('/api/share'));
    if (done(now)) {
      return now;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('The share status never reached the expected state.');
}

function openSocket(origin: string, doc: string, token: string): Promise<WebSocket | number> {
  return new Promise((resolvePromise) => {
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/yjs/${doc}?token=${token}`);
    ws.on('open', () => resolvePromise(ws));
    ws.on('unexpected-response', (_req, res) => resolvePromise(res.statusCode ?? 0));
    ws.on('error', () => resolvePromise(0));
  });
}

beforeAll(async () => {
  temp = makeTempDir('mitschrift-share-');
  core = await startLoopbackCore(join(temp.dir, 'data'), { networkInterfaces: () => VENUE });
  // A pad someone wrote, so a read-along connection may open it.
  const writer = connectSyncClient(core.origin, core.token, 'pad/hallo');
  await writer.synced;
  writer.doc.getMap('x').set('a', 1);
  await new Promise((r) => setTimeout(r, 100));
  writer.destroy();
});

afterAll(async () => {
  await core.close();
  temp.cleanup();
});

describe('network share', () => {
  it('lists the interfaces and says that only this computer reaches a loopback core', async () => {
    const before = await status(await owner('/api/share'));
    expect(before.sharing).toBeNull();
    expect(before.joinBase).toBeNull();
    expect(before.interfaces.map((i) => i.name)).toEqual(['lo', 'venue0']);
    expect(before.connected.view).toEqual({ devices: 0, connections: 0 });
    // Only the owner decides about sharing.
    const asViewer = await fetch(`${core.origin}/api/share`, {
      headers: { Authorization: `Bearer ${core.viewToken}` },
    });
    expect(asViewer.status).toBe(403);
  });

  it('refuses addresses that are not this computer’s, loopback or link-local, naming the problem', async () => {
    for (const [address, words] of [
      ['10.9.9.9', 'No network interface'],
      ['127.0.0.1', 'this computer only'],
      ['fe80::1', 'link-local'],
    ] as const) {
      const res = await owner('/api/share', { method: 'POST', body: JSON.stringify({ address }) });
      expect(res.status, address).toBe(400);
      expect(((await res.json()) as { error: string }).error).toContain(words);
    }
    const malformed = await owner('/api/share', { method: 'POST', body: '{"address": 7}' });
    expect(malformed.status).toBe(400);
    expect((await status(await owner('/api/share'))).sharing).toBeNull();
  });

  it('serves participants on the chosen interface, never the owner, counts them, and closes them on stop', async () => {
    const started = await status(
      await owner('/api/share', { method: 'POST', body: JSON.stringify({ address: '127.0.0.2' }) }),
    );
    expect(started.sharing).toMatchObject({ interface: 'venue0', address: '127.0.0.2' });
    const shared = started.sharing!.origin;
    expect(shared).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
    expect(started.joinBase).toBe(shared);

    // The owner's token stays on this computer: refused through the share, as link and as socket.
    expect(
      (await fetch(`${shared}/api/events`, { headers: { Authorization: `Bearer ${core.token}` } })).status,
    ).toBe(403);
    expect((await fetch(`${shared}/?token=${core.token}`, { redirect: 'manual' })).status).toBe(403);
    expect(await openSocket(shared, 'workspace', core.token)).toBe(403);
    // A read-along link works through it; the loopback listener keeps serving the owner.
    const session = await fetch(`${shared}/api/session`, {
      headers: { Authorization: `Bearer ${core.viewToken}` },
    });
    expect(((await session.json()) as { role: string }).role).toBe('view');
    expect((await owner('/api/events')).status).toBe(200);

    const sockets = [
      await openSocket(shared, 'pad/hallo', core.viewToken!),
      await openSocket(shared, 'pad/hallo', core.viewToken!),
    ];
    for (const ws of sockets) {
      expect(ws).toBeInstanceOf(WebSocket);
    }
    const counted = await statusWhen((s) => s.connected.view.connections === 2);
    expect(counted.connected.view).toEqual({ devices: 1, connections: 2 });
    expect(counted.connected.edit).toEqual({ devices: 0, connections: 0 });

    // "Freigabe beenden": the port closes and so does every connection that came through it.
    const closed = sockets.map(
      (ws) => new Promise<void>((r) => (ws instanceof WebSocket ? ws.once('close', () => r()) : r())),
    );
    const stopped = await status(await owner('/api/share/stop', { method: 'POST' }));
    expect(stopped.sharing).toBeNull();
    expect(stopped.joinBase).toBeNull();
    await Promise.all(closed);
    await expect(fetch(`${shared}/api/session`)).rejects.toThrow();
    await statusWhen((s) => s.connected.view.connections === 0);
    // Stopping twice is harmless.
    expect((await status(await owner('/api/share/stop', { method: 'POST' }))).sharing).toBeNull();
  });
});

describe('join links under a public URL', () => {
  it('starts every link with the host name given to serve', async () => {
    const other = makeTempDir('mitschrift-share-public-');
    const hosted = await startLoopbackCore(join(other.dir, 'data'), {
      publicUrl: 'https://barcamp.example.org',
    });
    try {
      const res = await fetch(`${hosted.origin}/api/share`, {
        headers: { Authorization: `Bearer ${hosted.token}` },
      });
      expect((await status(res)).joinBase).toBe('https://barcamp.example.org');
    } finally {
      await hosted.close();
      other.cleanup();
    }
  });
});
