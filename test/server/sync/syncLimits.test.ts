import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { RunningCore } from '../../../server/core/coreTypes.js';
import { encodeAwarenessUpdate } from '../../../server/sync/presence.js';
import { DEFAULT_SYNC_LIMITS, syncLimitsFrom, type SyncLimits } from '../../../server/sync/syncLimits.js';
import { connectSyncClient, waitFor, type SyncClient } from '../../helpers/syncClient.js';
import { makeTempDir } from '../../helpers/tempDir.js';

let temp: ReturnType<typeof makeTempDir> | undefined;
let core: RunningCore | undefined;
const clients: SyncClient[] = [];
const sockets: WebSocket[] = [];
const logged: string[] = [];
const logger = {
  info: () => undefined,
  warn: (m: string) => logged.push(m),
  error: (m: string) => logged.push(m),
};

afterEach(async () => {
  for (const c of clients.splice(0)) {
    c.destroy();
  }
  for (const s of sockets.splice(0)) {
    s.terminate();
  }
  await core?.close();
  core = undefined;
  temp?.cleanup();
  logged.length = 0;
});

async function start(limits: Partial<SyncLimits> = {}): Promise<RunningCore> {
  temp = makeTempDir('mitschrift-limits-');
  core = await startLoopbackCore(temp.dir, { logger, syncLimits: { ...DEFAULT_SYNC_LIMITS, ...limits } });
  return core;
}

/** A raw WebSocket on a document, as any program could open one. */
interface RawConn {
  ws: WebSocket;
  opened: Promise<void>;
  /** Resolves with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  /** The HTTP status if the upgrade was refused. */
  refused: Promise<number>;
}

function rawConnect(c: RunningCore, doc: string, token = c.token): RawConn {
  const ws = new WebSocket(`${c.origin.replace(/^http/, 'ws')}/yjs/${doc}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  sockets.push(ws);
  ws.on('error', () => undefined);
  return {
    ws,
    opened: new Promise((resolve) => ws.once('open', () => resolve())),
    closed: new Promise((resolve) =>
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    ),
    refused: new Promise((resolve) =>
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    ),
  };
}

function awarenessMessage(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(
    encoder,
    encodeAwarenessUpdate(entries.map((e) => ({ ...e, state: JSON.stringify(e.state) }))),
  );
  return encoding.toUint8Array(encoder);
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Names the observer sees in the awareness of `doc`. */
function namesSeen(observer: SyncClient): string[] {
  return [...observer.provider.awareness.getStates().values()].map(
    (state) => (state as { user?: { name?: string } }).user?.name ?? '',
  );
}

describe('presence has owners and limits', () => {
  it("refuses another connection's update for a client id it does not own", async () => {
    const c = await start();
    const anna = connectSyncClient(c.origin, c.token, 'pad/owned');
    const observer = connectSyncClient(c.origin, c.token, 'pad/owned');
    clients.push(anna, observer);
    await Promise.all([anna.synced, observer.synced]);
    anna.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    await waitFor(() => namesSeen(observer).includes('Anna'), 5_000, 'Anna to be seen');

    const attacker = rawConnect(c, 'pad/owned');
    await attacker.opened;
    attacker.ws.send(
      awarenessMessage([
        { clientId: anna.doc.clientID, clock: 1_000_000, state: { user: { name: 'Gefälscht' } } },
      ]),
    );
    // A marker the attacker may publish for itself: once it arrives, the spoof would have too.
    attacker.ws.send(awarenessMessage([{ clientId: 424242, clock: 1, state: { user: { name: 'Marker' } } }]));
    await waitFor(() => namesSeen(observer).includes('Marker'), 5_000, 'the marker');
    expect(namesSeen(observer)).toContain('Anna');
    expect(namesSeen(observer)).not.toContain('Gefälscht');
    expect(logged.some((line) => line.includes('belongs to another connection'))).toBe(true);
  });

  it('takes the echoes y-websocket clients send back without warnings, closes or rate-limit hits', async () => {
    const c = await start({ messagesPerSecond: 20, awarenessPerSecond: 20 });
    const room = Array.from({ length: 4 }, () => connectSyncClient(c.origin, c.token, 'pad/echo'));
    clients.push(...room);
    await Promise.all(room.map((client) => client.synced));
    // 4 people x 30 presence changes, fast: every client echoes every change of the others.
    for (let i = 0; i < 30; i++) {
      room.forEach((client, who) =>
        client.provider.awareness.setLocalStateField('user', { name: `P${who}-${i}` }),
      );
      await new Promise((r) => setTimeout(r, 5));
    }
    await waitFor(
      () => room.every((client) => namesSeen(client).filter((n) => n.endsWith('-29')).length === 4),
      10_000,
      "everyone to see everyone's last state",
    );
    expect(room.every((client) => client.provider.wsconnected)).toBe(true);
    expect(logged.filter((line) => /another connection|Rate limit|Closed/.test(line))).toEqual([]);
  });

  it("shares a read-only link's presence with no one, and counts a bad one as malformed", async () => {
    const c = await start();
    const editor = connectSyncClient(c.origin, c.token, 'pad/readalong');
    clients.push(editor);
    await editor.synced;
    editor.doc.getMap('x').set('a', 1);
    const observer = connectSyncClient(c.origin, c.token, 'pad/readalong');
    clients.push(observer);
    await observer.synced;
    const viewer = rawConnect(c, 'pad/readalong', c.viewToken);
    await viewer.opened;
    viewer.ws.send(awarenessMessage([{ clientId: 9002, clock: 1, state: { user: { name: 'Lesend' } } }]));
    // A marker from an editor: once it arrives, the read-only state would have too.
    editor.provider.awareness.setLocalStateField('user', { name: 'Marker' });
    await waitFor(() => namesSeen(observer).includes('Marker'), 5_000, 'the marker');
    expect(namesSeen(observer)).not.toContain('Lesend');
    // Anything but name, colours and caret is malformed; 20 of them close the connection.
    for (let i = 0; i < 20; i++) {
      viewer.ws.send(
        awarenessMessage([
          { clientId: 9002, clock: 2 + i, state: { user: { name: 'Zuschauer' }, liveStroke: { id: 'x' } } },
        ]),
      );
    }
    expect((await viewer.closed).code).toBe(4400);
  });

  it('closes a connection that sends a presence message over the size limit', async () => {
    const c = await start({ maxAwarenessBytes: 16 * 1024 });
    const conn = rawConnect(c, 'pad/big-presence');
    await conn.opened;
    conn.ws.send(
      awarenessMessage([{ clientId: 77, clock: 1, state: { user: { name: 'x'.repeat(20_000) } } }]),
    );
    const closed = await conn.closed;
    expect(closed.code).toBe(4413);
    expect(closed.reason).toMatch(/Presence limit/);
  });
});

describe('limits close only the offending connection, with a reason', () => {
  it('closes a connection over the message rate, and others keep syncing', async () => {
    const c = await start({ messagesPerSecond: 10 });
    const bystander = connectSyncClient(c.origin, c.token, 'pad/rate');
    const flood = rawConnect(c, 'pad/rate');
    clients.push(bystander);
    await Promise.all([bystander.synced, flood.opened]);
    const query = new Uint8Array([3]);
    for (let i = 0; i < 100; i++) {
      flood.ws.send(query);
    }
    const closed = await flood.closed;
    expect(closed.code).toBe(4429);
    expect(closed.reason).toMatch(/Rate limit/);
    const other = connectSyncClient(c.origin, c.token, 'pad/rate');
    clients.push(other);
    await other.synced;
    bystander.doc.getMap('m').set('still', 'syncing');
    await waitFor(() => other.doc.getMap('m').get('still') === 'syncing', 5_000, 'others to keep syncing');
  });

  it('refuses connections past the per-address and total limits with 503, and counts closed ones out', async () => {
    const c = await start({ maxConnectionsPerAddress: 3 });
    const first = [rawConnect(c, 'pad/n1'), rawConnect(c, 'pad/n2'), rawConnect(c, 'pad/n3')];
    await Promise.all(first.map((conn) => conn.opened));
    const fourth = rawConnect(c, 'pad/n4');
    expect(await fourth.refused).toBe(503);
    expect(logged.some((line) => line.includes('connections from one address'))).toBe(true);
    first[0]!.ws.close();
    await first[0]!.closed;
    await new Promise((r) => setTimeout(r, 50));
    const again = rawConnect(c, 'pad/n5');
    await again.opened;
  });

  it('refuses connections past the total limit with 503', async () => {
    const c = await start({ maxConnections: 2 });
    const open = [rawConnect(c, 'pad/t1'), rawConnect(c, 'pad/t2')];
    await Promise.all(open.map((conn) => conn.opened));
    expect(await rawConnect(c, 'pad/t3').refused).toBe(503);
  });

  it('refuses an update that would pass the document size, and keeps the document as it was', async () => {
    const c = await start({ maxDocumentBytes: 64 * 1024 });
    const observer = connectSyncClient(c.origin, c.token, 'sketch/huge');
    clients.push(observer);
    await observer.synced;
    observer.doc.getMap('small').set('ok', 'klein');
    const big = new Y.Doc();
    big.getMap('big').set('blob', 'x'.repeat(100_000));
    const conn = rawConnect(c, 'sketch/huge');
    await conn.opened;
    conn.ws.send(updateMessage(Y.encodeStateAsUpdate(big)));
    const closed = await conn.closed;
    expect(closed.code).toBe(4413);
    expect(closed.reason).toMatch(/Document size limit/);
    const fresh = connectSyncClient(c.origin, c.token, 'sketch/huge');
    clients.push(fresh);
    await fresh.synced;
    await waitFor(() => fresh.doc.getMap('small').get('ok') === 'klein', 5_000, 'the small edit');
    expect(fresh.doc.getMap('big').has('blob')).toBe(false);
  });

  it('closes a connection whose message is over the message size', async () => {
    const c = await start({ maxMessageBytes: 64 * 1024 });
    const conn = rawConnect(c, 'pad/msgsize');
    await conn.opened;
    conn.ws.send(new Uint8Array(100 * 1024));
    expect((await conn.closed).code).toBe(1009);
  });
});

describe('malformed updates', () => {
  it('count towards the disconnect limit, log one line each without a stack, and leave the document intact', async () => {
    const c = await start();
    const writer = connectSyncClient(c.origin, c.token, 'pad/garbage');
    clients.push(writer);
    await writer.synced;
    writer.doc.getText('t').insert(0, 'Heile Welt');
    const conn = rawConnect(c, 'pad/garbage');
    await conn.opened;
    const errors: unknown[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      for (let i = 0; i < 25; i++) {
        conn.ws.send(updateMessage(new Uint8Array([0xff, 0xff, 0xff, 0x07, i, 1, 2, 3])));
      }
      const closed = await conn.closed;
      expect(closed.code).toBe(4400);
      expect(closed.reason).toMatch(/malformed/);
    } finally {
      console.error = originalError;
    }
    expect(errors).toEqual([]);
    const lines = logged.filter((line) => line.includes('malformed message'));
    expect(lines.length).toBeGreaterThanOrEqual(19);
    expect(lines.every((line) => !line.includes('\n    at '))).toBe(true);
    const fresh = connectSyncClient(c.origin, c.token, 'pad/garbage');
    clients.push(fresh);
    await fresh.synced;
    await waitFor(() => fresh.doc.getText('t').toString() === 'Heile Welt', 5_000, 'the document intact');
  });
});

describe('limit settings', () => {
  it('take flags over environment variables over defaults, and name a bad value', () => {
    expect(syncLimitsFrom({}, {})).toEqual(DEFAULT_SYNC_LIMITS);
    const limits = syncLimitsFrom(
      { 'max-connections': '50' },
      { MITSCHRIFT_MAX_CONNECTIONS: '20', MITSCHRIFT_MESSAGES_PER_SECOND: '99' },
    );
    expect(limits.maxConnections).toBe(50);
    expect(limits.messagesPerSecond).toBe(99);
    expect(() => syncLimitsFrom({ 'max-connections': 'viele' }, {})).toThrow(
      /--max-connections must be a whole number/,
    );
    expect(() => syncLimitsFrom({}, { MITSCHRIFT_MAX_MESSAGE_BYTES: '10' })).toThrow(
      /MITSCHRIFT_MAX_MESSAGE_BYTES must be at least/,
    );
  });
});
