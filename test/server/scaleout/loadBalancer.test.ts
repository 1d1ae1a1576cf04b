import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type CliProcess } from '../../helpers/cliProcess.js';
import {
  HAPROXY,
  freePort,
  scaleOutSkipReason,
  startPostgres,
  startRedis,
  type Service,
} from '../../helpers/scaleOutServices.js';
import { connectSyncClient, waitFor, type SyncClient } from '../../helpers/syncClient.js';
import { makeTempDir } from '../../helpers/tempDir.js';

type Node = CliProcess & { origin: string; token: string; port: number };

const skip = scaleOutSkipReason({ haproxy: true });

/**
 * The README's HAProxy configuration (section "Several nodes behind a load balancer"), with the
 * test's ports, a smaller maxconn (a test shell's file limit) and round robin instead of leastconn, so successive connections provably land on
 * different nodes.
 */
function haproxyConfig(port: number, nodes: readonly number[]): string {
  return [
    'global',
    '  maxconn 2000',
    'defaults',
    '  mode http',
    '  timeout connect 5s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout tunnel 1h',
    '  timeout http-keep-alive 10s',
    'frontend mitschrift',
    `  bind 127.0.0.1:${port}`,
    '  default_backend nodes',
    'backend nodes',
    '  balance roundrobin',
    ...nodes.map((p, i) => `  server node${i + 1} 127.0.0.1:${p} check inter 2s`),
    '',
  ].join('\n');
}

/** A GET through the balancer; resolves status and headers (redirects are not followed). */
function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolveGet, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolveGet({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.skipIf(skip !== undefined)('scale-out: three nodes behind HAProxy', () => {
  let redis: Service;
  let postgres: Service;
  let haproxy: ChildProcess | undefined;
  let haproxyOutput = '';
  let lbPort = 0;
  const nodes: Node[] = [];
  const temps: { cleanup(): void }[] = [];
  const clients: SyncClient[] = [];

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    nodes.push(
      ...(await Promise.all(
        [0, 1, 2].map(() => {
          const temp = makeTempDir('mitschrift-node-');
          temps.push(temp);
          return startServe(['--data', temp.dir, '--postgres', postgres.url, '--redis', redis.url]);
        }),
      )),
    );
    const temp = makeTempDir('mitschrift-haproxy-');
    temps.push(temp);
    lbPort = await freePort();
    const config = join(temp.dir, 'haproxy.cfg');
    writeFileSync(
      config,
      haproxyConfig(
        lbPort,
        nodes.map((n) => n.port),
      ),
    );
    // -db: stay in the foreground, so the test owns the process.
    haproxy = spawn(HAPROXY, ['-f', config, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
    haproxy.stdout?.on('data', (d: Buffer) => (haproxyOutput += d.toString()));
    haproxy.stderr?.on('data', (d: Buffer) => (haproxyOutput += d.toString()));
    for (let i = 0; i < 100; i++) {
      if (haproxy.exitCode !== null) {
        throw new Error(`haproxy exited: ${haproxyOutput}`);
      }
      const ok = await get(lbPort, '/api/health', { Authorization: `Bearer ${nodes[0]?.token}` }).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) {
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) {
      c.destroy();
    }
    if (haproxy && haproxy.exitCode === null) {
      const exited = new Promise((r) => haproxy?.once('exit', r));
      haproxy.kill('SIGTERM');
      await exited;
    }
    for (const node of nodes) {
      if (node.child.exitCode === null) {
        node.child.kill('SIGTERM');
        await node.exited;
      }
    }
    await Promise.all([redis?.stop(), postgres?.stop()]);
    for (const temp of temps) {
      temp.cleanup();
    }
  }, 60_000);

  it('a client through the balancer sees the edits of clients on every node, and a cookie set by one node opens the others', async () => {
    const token = nodes[0]?.token ?? '';
    expect(nodes.map((n) => n.token)).toEqual([token, token, token]);
    const lbOrigin = `http://127.0.0.1:${lbPort}`;
    const name = 'pad/balanced';
    const viaBalancer = [0, 1, 2].map(() => {
      const c = connectSyncClient(lbOrigin, token, name);
      clients.push(c);
      return c;
    });
    const direct = nodes.map((node) => {
      const c = connectSyncClient(node.origin, token, name);
      clients.push(c);
      return c;
    });
    await Promise.all([...viaBalancer, ...direct].map((c) => c.synced));
    for (const [i, c] of direct.entries()) {
      c.doc.getMap('edits').set(`node${i + 1}`, i + 1);
    }
    for (const [i, c] of viaBalancer.entries()) {
      c.doc.getMap('edits').set(`balanced${i}`, i);
    }
    const keys = ['node1', 'node2', 'node3', 'balanced0', 'balanced1', 'balanced2'];
    for (const c of [...viaBalancer, ...direct]) {
      await waitFor(() => keys.every((k) => c.doc.getMap('edits').has(k)), 20_000, 'every edit everywhere');
    }

    // The link's token is traded for a cookie named after the balancer's port; round robin sends
    // the next requests to every node in turn, and each accepts it.
    const traded = await get(lbPort, `/?token=${token}`);
    expect(traded.status).toBe(303);
    const setCookie = String(traded.headers['set-cookie'] ?? '');
    expect(setCookie).toContain(`mitschrift_${lbPort}=`);
    const cookie = setCookie.split(';')[0] ?? '';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await get(lbPort, '/api/session', { Cookie: cookie })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
  }, 60_000);
});
