import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { makeTempDir } from './tempDir.js';

/** Debian's binaries the scale-out tests start (PostgreSQL 15's own folder, as Debian installs it). */
const REDIS_SERVER = process.env['MITSCHRIFT_REDIS_SERVER'] ?? '/usr/bin/redis-server';
/** HAProxy, for the three-node test. */
export const HAPROXY = process.env['MITSCHRIFT_HAPROXY'] ?? '/usr/sbin/haproxy';
/** PostgreSQL's initdb and postgres. */
const PG_BIN = process.env['MITSCHRIFT_PG_BIN'] ?? debianPostgresBin();

/** Debian keeps each PostgreSQL major in /usr/lib/postgresql/<major>/bin; the newest is taken (15 here). */
function debianPostgresBin(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((entry) => /^\d+$/.test(entry))
        .map(Number)
        .sort((x, y) => y - x)
    : [];
  return join(root, String(majors[0] ?? 15), 'bin');
}

/**
 * Why the scale-out tests cannot run here (a binary is missing), or undefined when they can.
 * With MITSCHRIFT_REQUIRE_SCALEOUT=1 (CI) a missing binary is an error instead of a skip.
 */
export function scaleOutSkipReason(needs: { haproxy?: boolean } = {}): string | undefined {
  const missing = [REDIS_SERVER, join(PG_BIN, 'initdb'), join(PG_BIN, 'postgres')];
  if (needs.haproxy) {
    missing.push(HAPROXY);
  }
  const absent = missing.filter((file) => !existsSync(file));
  if (absent.length === 0) {
    return undefined;
  }
  const reason = `scale-out test skipped: ${absent.join(', ')} not installed (apt-get install redis-server haproxy postgresql)`;
  if (process.env['MITSCHRIFT_REQUIRE_SCALEOUT'] === '1') {
    throw new Error(`${reason}; MITSCHRIFT_REQUIRE_SCALEOUT=1 forbids skipping`);
  }
  console.warn(reason);
  return reason;
}

/** A free TCP port on loopback (asked from the kernel, then released for the service to take). */
export async function freePort(): Promise<number> {
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

async function poll(
  check: () => Promise<boolean>,
  what: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) {
      throw new Error(`${what} exited with ${child.exitCode}: ${output().slice(-2000)}`);
    }
    if (await check().catch(() => false)) {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start within 30 s: ${output().slice(-2000)}`);
}

function collect(child: ChildProcess): () => string {
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  return () => text;
}

/** A service process the test started, and how to end it. */
export interface Service {
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** PostgreSQL, which a test can also stop for a while and start again on the same port and data. */
export interface PostgresService extends Service {
  pause(): Promise<void>;
  resume(): Promise<void>;
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Starts `redis-server` on a free loopback port in a temp folder, without persistence. */
export async function startRedis(): Promise<Service> {
  const temp = makeTempDir('mitschrift-redis-');
  const port = await freePort();
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', temp.dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = collect(child);
  const url = `redis://127.0.0.1:${port}`;
  await poll(
    async () => {
      const client = new Redis(url, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      client.on('error', () => undefined);
      try {
        await client.connect();
        return (await client.ping()) === 'PONG';
      } finally {
        client.disconnect();
      }
    },
    'redis-server',
    child,
    output,
  );
  return {
    url,
    port,
    child,
    async stop() {
      await stopChild(child);
      temp.cleanup();
    },
  };
}

/**
 * PostgreSQL refuses to run as root (CI runs as root): then initdb and postgres run as `nobody`
 * (spawned with its uid and gid, owning the temp folder), otherwise as the current user.
 */
function serviceUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) {
    return undefined;
  }
  const uid = Number(execFileSync('id', ['-u', 'nobody']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'nobody']).toString().trim());
  return { uid, gid };
}

/** Starts a fresh PostgreSQL cluster (initdb) on a free loopback port in a temp folder. */
export async function startPostgres(): Promise<PostgresService> {
  const temp = makeTempDir('mitschrift-pg-');
  const user = serviceUser();
  const dataDir = join(temp.dir, 'data');
  mkdirSync(dataDir, { mode: 0o700 });
  const password = 'mitschrift-test';
  const passwordFile = join(temp.dir, 'password');
  writeFileSync(passwordFile, password + '\n', { mode: 0o600 });
  if (user) {
    chownSync(temp.dir, user.uid, user.gid);
    chownSync(dataDir, user.uid, user.gid);
    chownSync(passwordFile, user.uid, user.gid);
  }
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};
  const env = { ...process.env, LANG: 'C', LC_ALL: 'C', HOME: temp.dir };
  execFileSync(
    join(PG_BIN, 'initdb'),
    [
      '-D',
      dataDir,
      '-U',
      'mitschrift',
      '--pwfile',
      passwordFile,
      '-A',
      'scram-sha-256',
      '-E',
      'UTF8',
      '--no-sync',
    ],
    { ...asUser, env, stdio: 'pipe', cwd: temp.dir },
  );
  const port = await freePort();
  const url = `postgres://mitschrift:${password}@127.0.0.1:${port}/postgres`;
  const run = async (): Promise<ChildProcess> => {
    const child = spawn(
      join(PG_BIN, 'postgres'),
      [
        '-D',
        dataDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
      ],
      { ...asUser, env, stdio: ['ignore', 'pipe', 'pipe'], cwd: temp.dir },
    );
    const output = collect(child);
    await poll(
      async () => {
        const client = new pg.Client({ connectionString: url });
        client.on('error', () => undefined);
        try {
          await client.connect();
          await client.query('SELECT 1');
          return true;
        } finally {
          await client.end().catch(() => undefined);
        }
      },
      'postgres',
      child,
      output,
    );
    return child;
  };
  let child = await run();
  return {
    url,
    port,
    get child() {
      return child;
    },
    async pause() {
      // SIGINT: PostgreSQL's "fast" shutdown; the cluster stays for resume().
      await stopChild(child, 'SIGINT');
    },
    async resume() {
      child = await run();
    },
    async stop() {
      await stopChild(child, 'SIGINT');
      temp.cleanup();
    },
  };
}

/** Runs one SQL query against the test database. */
export async function sql<T extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
