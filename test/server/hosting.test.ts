import { afterEach, describe, expect, it } from 'vitest';
import { healthResponseSchema } from '../../shared/api/contract.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, startServe, type CliProcess } from '../helpers/cliProcess.js';
import { connectSyncClient, waitFor, type SyncClient } from '../helpers/syncClient.js';
import { makeTempDir } from '../helpers/tempDir.js';

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

async function serve(args: string[] = []): Promise<Awaited<ReturnType<typeof startServe>>> {
  const proc = await startServe(['--port', '0', '--data', temp.dir, ...args]);
  running.push(proc);
  return proc;
}

function connect(origin: string, token: string, doc: string): SyncClient {
  const client = connectSyncClient(origin, token, doc);
  clients.push(client);
  return client;
}

describe('standalone hosting', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'writes every document on %s: edits made just before are there after a restart',
    async (signal) => {
      temp = makeTempDir('mitschrift-hosting-');
      const first = await serve();
      const docs = ['pad/p1', 'sketch/s1', 'event/e1'];
      const writers = docs.map((doc) => connect(first.origin, first.token, doc));
      const readers = docs.map((doc) => connect(first.origin, first.token, doc));
      await Promise.all([...writers, ...readers].map((c) => c.synced));
      writers.forEach((w, i) => {
        for (let n = 0; n < 200; n++) {
          w.doc.getMap('m').set(`k${n}`, `${docs[i]}-${n}`);
        }
      });
      // Once another client has them the core has applied them; stop at once, no grace period.
      await waitFor(() => readers.every((r) => r.doc.getMap('m').size === 200), 10_000, 'the edits');
      first.child.kill(signal);
      expect((await first.exited).code).toBe(0);
      expect(first.stdout()).toContain(`Stopped on ${signal}.`);
      for (const c of clients.splice(0)) {
        c.destroy();
      }

      const again = await serve();
      const check = docs.map((doc) => connect(again.origin, again.token, doc));
      await Promise.all(check.map((c) => c.synced));
      check.forEach((c, i) => {
        expect(c.doc.getMap('m').size).toBe(200);
        expect(c.doc.getMap('m').get('k199')).toBe(`${docs[i]}-199`);
      });
    },
  );

  it('reports ready, open documents, connections and failed documents in /api/health', async () => {
    temp = makeTempDir('mitschrift-hosting-');
    const core = await serve();
    const a = connect(core.origin, core.token, 'pad/health');
    const b = connect(core.origin, core.token, 'pad/health');
    await Promise.all([a.synced, b.synced]);
    const owner = healthResponseSchema.parse(
      await (
        await fetch(`${core.origin}/api/health`, { headers: { Authorization: `Bearer ${core.token}` } })
      ).json(),
    );
    expect(owner).toMatchObject({ ok: true, ready: true, connections: 2, failedDocuments: [] });
    expect(owner.documentsOpen).toBeGreaterThanOrEqual(1);
    const viewToken = readFileSync(join(temp.dir, 'view-token'), 'utf8').trim();
    const viewer = healthResponseSchema.parse(
      await (
        await fetch(`${core.origin}/api/health`, { headers: { Authorization: `Bearer ${viewToken}` } })
      ).json(),
    );
    expect(viewer.ready).toBe(true);
    expect(viewer.connections).toBeUndefined();
    expect(viewer.documentsOpen).toBeUndefined();
  });

  it('writes one JSON object per line with --log-format json, and names a bad format', async () => {
    temp = makeTempDir('mitschrift-hosting-');
    const core = runCli(['serve', '--port', '0', '--data', temp.dir, '--log-format', 'json']);
    running.push(core);
    let listening: RegExpExecArray | null = null;
    await waitFor(
      () =>
        (listening = /"msg":"Mitschrift listening on (http:\/\/[^/]+)\/\?token=([\w-]+)"/.exec(
          core.stdout(),
        )) !== null,
      30_000,
      'the listening line',
    );
    const [, origin, token] = listening as unknown as [string, string, string];
    const client = connect(origin, token, 'pad/logs');
    await client.synced;
    core.child.kill('SIGTERM');
    expect((await core.exited).code).toBe(0);
    const lines = (core.stdout() + core.stderr()).split('\n').filter((line) => line.trim() !== '');
    const entries = lines.map((line) => JSON.parse(line) as { time: string; level: string; msg: string });
    for (const entry of entries) {
      expect(entry.level).toMatch(/^(info|warn|error)$/);
      expect(Number.isNaN(Date.parse(entry.time))).toBe(false);
    }
    expect(entries.some((e) => e.msg.startsWith('Mitschrift listening on http://'))).toBe(true);
    expect(entries.some((e) => e.msg === 'Stopped on SIGTERM.')).toBe(true);

    const bad = runCli(['serve', '--port', '0', '--data', temp.dir, '--log-format', 'xml']);
    running.push(bad);
    expect((await bad.exited).code).toBe(2);
    expect(bad.stderr()).toContain('--log-format must be text or json, not "xml"');
  });
});
