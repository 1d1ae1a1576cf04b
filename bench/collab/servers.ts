import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { sql, startPostgres, startRedis } from '../../test/helpers/scaleOutServices.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** The built CLI (override to benchmark a build made elsewhere). */
export const CLI = process.env['MITSCHRIFT_BENCH_CLI'] ?? join(ROOT, 'out/main/cli.js');
const STOCK_SERVER = join(ROOT, 'node_modules/@y/websocket-server/src/server.js');

/** A y-websocket server under test. */
export interface ServerUnderTest {
  label: string;
  /** Process ids whose CPU and memory are the server's. */
  pids: number[];
  /** y-websocket server URLs clients connect to (one per node; clients are spread over them). */
  urls: string[];
  /** The room name of a document (`pad/<id>` for ours, the same without `/` for the stock server). */
  room(kind: 'pad' | 'sketch', id: string): string;
  /** URL parameters of an editor's and a viewer's connection. */
  params(role: 'editor' | 'viewer'): Record<string, string>;
  stop(): Promise<void>;
}

/** A free loopback port (closed again at once; the server binds it a moment later). */
async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function waitForLine(child: ChildProcess, pattern: RegExp, what: string): Promise<RegExpExecArray> {
  let out = '';
  return new Promise((resolveMatch, reject) => {
    const onData = (d: Buffer): void => {
      out += d.toString();
      const m = pattern.exec(out);
      if (m) {
        child.stdout?.off('data', onData);
        resolveMatch(m);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}: ${out}`)));
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((r) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        r();
        return;
      }
      child.once('exit', () => r());
      child.kill('SIGTERM');
    });
}

/** The stock `@y/websocket-server` with its LevelDB persistence (YPERSISTENCE) in `dir`. */
export async function startStock(dir: string): Promise<ServerUnderTest> {
  const port = await freePort();
  const child = spawn(process.execPath, [STOCK_SERVER], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), YPERSISTENCE: join(dir, 'leveldb') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForLine(child, /running at/, 'the stock server');
  return {
    label: 'stock @y/websocket-server + LevelDB',
    pids: [child.pid!],
    urls: [`ws://127.0.0.1:${port}`],
    room: (kind, id) => `${kind}-${id}`,
    params: () => ({}),
    stop: stopper(child),
  };
}

/** Limits lifted for the benchmark: every client comes from 127.0.0.1. */
const BENCH_LIMITS = ['--max-connections', '5000', '--max-connections-per-address', '5000'];

interface ServeNode {
  child: ChildProcess;
  origin: string;
  token: string;
}

async function startServeNode(dataDir: string, extra: string[]): Promise<ServeNode> {
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--data', dataDir, ...BENCH_LIMITS, ...extra],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const m = await waitForLine(
    child,
    /Mitschrift listening on (http:\/\/[^/]+)\/\?token=([\w-]+)/,
    'mitschrift serve',
  );
  // Keep reading its output so a full pipe never blocks the core.
  child.stdout?.resume();
  child.stderr?.resume();
  return { child, origin: m[1]!, token: m[2]! };
}

function mitschriftServer(label: string, nodes: ServeNode[], viewToken: string): ServerUnderTest {
  return {
    label,
    pids: nodes.map((n) => n.child.pid!),
    urls: nodes.map((n) => `${n.origin.replace(/^http/, 'ws')}/yjs`),
    room: (kind, id) => `${kind}/${id}`,
    params: (role) => ({ token: role === 'viewer' ? viewToken : nodes[0]!.token }),
    stop: async () => {
      await Promise.all(nodes.map((n) => stopper(n.child)()));
    },
  };
}

/** Mitschrift's core (`mitschrift serve`, the built CLI), persistence on, in `dir`. */
export async function startMitschrift(dir: string): Promise<ServerUnderTest> {
  const node = await startServeNode(dir, []);
  const viewToken = readFileSync(join(dir, 'view-token'), 'utf8').trim();
  return mitschriftServer('Mitschrift serve', [node], viewToken);
}

/** Whether this build of `serve` has the scale-out flags (`--redis`, `--postgres`). */
export function serveHasScaleOut(): boolean {
  const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
  return /--redis/.test(help.stdout) && /--postgres/.test(help.stdout);
}

/** A Redis server and a PostgreSQL cluster of the benchmark's own, in `dir`. */
export interface Backing {
  redisUrl: string;
  postgresUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts redis-server and PostgreSQL (Debian's binaries) on free loopback ports, with the tests'
 * helpers (one place knows how, including running PostgreSQL as `nobody` when we are root).
 */
export async function startBacking(): Promise<Backing> {
  const redis = await startRedis();
  try {
    const postgres = await startPostgres();
    return {
      redisUrl: redis.url,
      postgresUrl: postgres.url,
      stop: async () => {
        await postgres.stop();
        await redis.stop();
      },
    };
  } catch (error) {
    await redis.stop();
    throw error;
  }
}

/** Two `serve` nodes sharing Redis and PostgreSQL (and so the same tokens, kept in PostgreSQL). */
export async function startTwoNodes(dir: string, backing: Backing): Promise<ServerUnderTest> {
  const flags = ['--redis', backing.redisUrl, '--postgres', backing.postgresUrl];
  const a = await startServeNode(join(dir, 'a'), flags);
  const b = await startServeNode(join(dir, 'b'), flags);
  const rows = await sql<{ value: string }>(
    backing.postgresUrl,
    "SELECT value FROM mitschrift_settings WHERE key = 'view-token'",
  );
  const viewToken = rows[0]?.value;
  if (viewToken === undefined) {
    throw new Error('the scaled-out nodes stored no view token in PostgreSQL');
  }
  return mitschriftServer('Mitschrift serve x2 + Redis + PostgreSQL', [a, b], viewToken);
}
