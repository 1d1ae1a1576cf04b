import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServe, type CliProcess } from '../../helpers/cliProcess.js';
import { connectSyncClient, waitFor, type SyncClient } from '../../helpers/syncClient.js';
import { makeTempDir } from '../../helpers/tempDir.js';

let temp: ReturnType<typeof makeTempDir>;
const running: CliProcess[] = [];
const clients: SyncClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) {
    c.destroy();
  }
  for (const p of running.splice(0)) {
    if (p.child.exitCode === null) {
      p.child.kill('SIGKILL');
      await p.exited;
    }
  }
  temp?.cleanup();
});

async function serve(port = 0): Promise<Awaited<ReturnType<typeof startServe>>> {
  const proc = await startServe(['--port', String(port), '--data', temp.dir]);
  running.push(proc);
  return proc;
}

function connect(origin: string, token: string, doc: string): SyncClient {
  const client = connectSyncClient(origin, token, doc);
  clients.push(client);
  return client;
}

function words(client: SyncClient): string[] {
  return client.doc.getArray<string>('notes').toArray();
}

describe('clients resync', () => {
  it('after the core is killed and restarted: every client reconnects and nothing is lost', async () => {
    temp = makeTempDir('mitschrift-resync-');
    const first = await serve();
    const room = Array.from({ length: 5 }, () => connect(first.origin, first.token, 'pad/restart'));
    await Promise.all(room.map((c) => c.synced));
    room.forEach((c, i) => c.doc.getArray<string>('notes').push([`vorher-${i}`]));
    await waitFor(() => room.every((c) => words(c).length === 5), 10_000, 'the first edits');

    first.child.kill('SIGKILL');
    await first.exited;
    // Everyone goes on writing while the core is down.
    room.forEach((c, i) => c.doc.getArray<string>('notes').push([`waehrenddessen-${i}`]));
    await waitFor(() => room.every((c) => !c.provider.wsconnected), 10_000, 'the clients to notice');

    const again = await serve(first.port);
    await waitFor(
      () => room.every((c) => c.provider.synced && words(c).length === 10),
      20_000,
      'every client to resync',
    );
    const state = Y.encodeStateAsUpdate(room[0]!.doc);
    for (const c of room) {
      expect(Y.encodeStateAsUpdate(c.doc)).toEqual(state);
    }
    // And it is on disk: a new client of a restarted core gets all ten.
    again.child.kill('SIGTERM');
    await again.exited;
    for (const c of clients.splice(0)) {
      c.destroy();
    }
    const third = await serve();
    const reader = connect(third.origin, third.token, 'pad/restart');
    await reader.synced;
    expect(words(reader).sort()).toEqual(
      [0, 1, 2, 3, 4].flatMap((i) => [`vorher-${i}`, `waehrenddessen-${i}`]).sort(),
    );
  });

  it('a client offline for a long time merges its edits with everyone else’s on return', async () => {
    temp = makeTempDir('mitschrift-offline-');
    const core = await serve();
    const traveller = connect(core.origin, core.token, 'pad/offline');
    const stayers = Array.from({ length: 3 }, () => connect(core.origin, core.token, 'pad/offline'));
    await Promise.all([traveller, ...stayers].map((c) => c.synced));
    const text = (c: SyncClient): Y.Text => c.doc.getText('t');
    text(traveller).insert(0, 'Protokoll: ');
    await waitFor(() => stayers.every((c) => text(c).length === 11), 10_000, 'the heading');

    // Offline (as after an hour on a train): many edits on both sides, in the same places.
    traveller.provider.disconnect();
    for (let i = 0; i < 300; i++) {
      text(traveller).insert(text(traveller).length, `t${i} `);
      const stayer = stayers[i % 3]!;
      text(stayer).insert(11, `s${i} `);
      if (i % 50 === 49) {
        text(stayer).delete(11, 3);
        text(traveller).delete(0, 1);
      }
    }
    traveller.doc.getMap('meta').set('title', 'Unterwegs geschrieben');
    await waitFor(
      () => stayers.every((c) => text(c).toString() === text(stayers[0]!).toString()),
      10_000,
      'the stayers to agree',
    );

    traveller.provider.connect();
    await waitFor(
      () =>
        [traveller, ...stayers].every(
          (c) => c.provider.synced && text(c).toString() === text(traveller).toString(),
        ),
      15_000,
      'everyone to converge',
    );
    const merged = text(traveller).toString();
    expect(merged).toContain('t299 ');
    expect(merged).toContain('s298 ');
    expect(stayers.every((c) => c.doc.getMap('meta').get('title') === 'Unterwegs geschrieben')).toBe(true);
  });
});
