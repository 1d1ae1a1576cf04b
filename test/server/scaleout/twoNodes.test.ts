import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listEvents } from '../../../shared/docs/workspaceIndex.js';
import { startServe, type CliProcess } from '../../helpers/cliProcess.js';
import {
  scaleOutSkipReason,
  sql,
  startPostgres,
  startRedis,
  type Service,
} from '../../helpers/scaleOutServices.js';
import { connectSyncClient, waitFor, type SyncClient } from '../../helpers/syncClient.js';
import { makeTempDir } from '../../helpers/tempDir.js';

type Node = CliProcess & { origin: string; token: string; port: number };

const skip = scaleOutSkipReason();

/** Everything PostgreSQL holds of a document, merged into a fresh Y.Doc. */
async function storedDoc(url: string, name: string): Promise<Y.Doc> {
  const rows = await sql<{ data: Buffer }>(
    url,
    `SELECT snapshot AS data FROM mitschrift_documents WHERE name = $1 AND snapshot IS NOT NULL
     UNION ALL SELECT data FROM mitschrift_updates WHERE doc = $1`,
    [name],
  );
  const doc = new Y.Doc({ gc: false });
  for (const row of rows) {
    Y.applyUpdate(doc, new Uint8Array(row.data));
  }
  return doc;
}

describe.skipIf(skip !== undefined)('scale-out: two nodes with real Redis and PostgreSQL', () => {
  let redis: Service;
  let postgres: Service;
  const nodes: Node[] = [];
  const temps: { cleanup(): void }[] = [];
  const clients: SyncClient[] = [];

  async function startNode(port = 0): Promise<Node> {
    const temp = makeTempDir('mitschrift-node-');
    temps.push(temp);
    const node = await startServe([
      '--data',
      temp.dir,
      '--port',
      String(port),
      '--postgres',
      postgres.url,
      '--redis',
      redis.url,
    ]);
    nodes.push(node);
    return node;
  }

  function client(node: Node, name: string): SyncClient {
    const c = connectSyncClient(node.origin, node.token, name);
    clients.push(c);
    return c;
  }

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  }, 60_000);

  afterAll(async () => {
    for (const c of clients) {
      c.destroy();
    }
    for (const node of nodes) {
      if (node.child.exitCode === null && node.child.signalCode === null) {
        node.child.kill('SIGTERM');
        await node.exited;
      }
    }
    await Promise.all([redis?.stop(), postgres?.stop()]);
    for (const temp of temps) {
      temp.cleanup();
    }
  }, 60_000);

  it('an edit on node A reaches a client on node B, presence too, and both nodes share the tokens', async () => {
    const a = await startNode();
    const b = await startNode();
    expect(b.token).toBe(a.token);
    const onA = client(a, 'pad/crossnode');
    const onB = client(b, 'pad/crossnode');
    await Promise.all([onA.synced, onB.synced]);
    const latencies: number[] = [];
    const seenAt = new Map<string, number>();
    onB.doc.getMap('probe').observe((event) => {
      for (const key of event.keysChanged) {
        seenAt.set(key, performance.now());
      }
    });
    for (let i = 0; i < 50; i++) {
      const started = performance.now();
      onA.doc.getMap('probe').set(`k${i}`, i);
      await waitFor(() => seenAt.has(`k${i}`), 10_000, `k${i} on node B`);
      latencies.push((seenAt.get(`k${i}`) ?? 0) - started);
    }
    latencies.sort((x, y) => x - y);
    console.info(
      `cross-node latency (edit on A observed on B, through PostgreSQL commit and Redis, 50 edits one at a time): median ${latencies[25]?.toFixed(1)} ms, p90 ${latencies[45]?.toFixed(1)} ms, max ${latencies[49]?.toFixed(1)} ms`,
    );
    // And back, from B to A.
    onB.doc.getText('t').insert(0, 'from B');
    await waitFor(() => onA.doc.getText('t').toString() === 'from B', 10_000, 'B to A');

    onA.provider.awareness.setLocalStateField('user', { name: 'Ada on A' });
    await waitFor(
      () =>
        [...onB.provider.awareness.getStates().values()].some(
          (s) => (s['user'] as { name?: string } | undefined)?.name === 'Ada on A',
        ),
      10_000,
      'presence of A on B',
    );

    // Over HTTP: an event created on A is listed by B (committed before A answered).
    const created = await fetch(`${a.origin}/api/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${a.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Tag der offenen Verwaltung' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    let listed: string[] = [];
    for (let i = 0; i < 100 && !listed.includes(id); i++) {
      const res = await fetch(`${b.origin}/api/events`, { headers: { Authorization: `Bearer ${b.token}` } });
      listed = ((await res.json()) as { events: { id: string }[] }).events.map((e) => e.id);
      if (!listed.includes(id)) {
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    expect(listed).toContain(id);
    const stored = await storedDoc(postgres.url, 'workspace');
    expect(listEvents(stored).map((e) => e.id)).toContain(id);
  }, 60_000);

  it('kill -9 of a node under load loses no acknowledged edit, and its clients resync after the restart', async () => {
    const a = await startNode();
    const b = await startNode();
    const name = 'pad/killed';
    const writers = [client(a, name), client(a, name), client(a, name)];
    const observer = client(b, name);
    await Promise.all([...writers.map((w) => w.synced), observer.synced]);
    // Acknowledged: node A shows an update to others only after PostgreSQL committed it, so
    // whatever the observer on node B has seen was acknowledged.
    const acked = new Set<string>();
    observer.doc.getMap('edits').observe((event) => {
      for (const key of event.keysChanged) {
        acked.add(key);
      }
    });
    let sent = 0;
    let writing = true;
    const load = (async () => {
      for (let i = 0; writing && i < 100_000; i++) {
        for (const [w, writer] of writers.entries()) {
          writer.doc.getMap('edits').set(`w${w}-${i}`, i);
          sent += 1;
        }
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    await waitFor(() => acked.size >= 600, 30_000, '600 acknowledged edits');
    a.child.kill('SIGKILL');
    await a.exited;
    writing = false;
    await load;
    const ackedAtKill = new Set(acked);
    const stored = (await storedDoc(postgres.url, name)).getMap('edits');
    const lost = [...ackedAtKill].filter((key) => !stored.has(key));
    console.info(
      `kill -9 under load: sent ${sent}, acknowledged (seen on the other node) ${ackedAtKill.size}, persisted ${stored.size}, acknowledged but lost ${lost.length}`,
    );
    expect(lost).toEqual([]);
    expect(stored.size).toBeGreaterThanOrEqual(ackedAtKill.size);

    // The node comes back on its port; its clients reconnect by themselves and resync what they sent.
    const restarted = await startNode(a.port);
    const sentKeys = new Set(writers.flatMap((w) => [...w.doc.getMap('edits').keys()]));
    expect(sentKeys.size).toBe(sent);
    await waitFor(
      () => [...sentKeys].every((key) => observer.doc.getMap('edits').has(key)),
      30_000,
      'resync',
    ).catch(async (error: unknown) => {
      const inPg = (await storedDoc(postgres.url, name)).getMap('edits').size;
      console.error(`in PostgreSQL: ${inPg}`);
      const missing = [...sentKeys].filter((key) => !observer.doc.getMap('edits').has(key));
      console.error(
        `missing on the observer: ${missing.length}; writers connected: ${writers.map((w) => w.provider.wsconnected).join(',')}\n${restarted.stdout()}\n${restarted.stderr()}`,
      );
      throw error;
    });
    const after = (await storedDoc(postgres.url, name)).getMap('edits');
    expect([...sentKeys].filter((key) => !after.has(key))).toEqual([]);
    console.info(
      `after the restart: all ${sentKeys.size} sent edits are in PostgreSQL and on the other node`,
    );
  }, 90_000);
});
