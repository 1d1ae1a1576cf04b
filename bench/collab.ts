import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { mulberry32 } from '../shared/random.js';
import { startCpuWindow, round, type CpuWindow } from './collab/procStats.js';
import {
  BUCKET_MS,
  fromWorkerSchema,
  type ClientSpec,
  type FromWorker,
  type SendTimes,
  type ToWorker,
} from './collab/protocol.js';
import {
  CLI,
  serveHasScaleOut,
  startBacking,
  startMitschrift,
  startStock,
  startTwoNodes,
  type ServerUnderTest,
} from './collab/servers.js';
import type { BenchOptions, Benchmark, BenchRow } from './types.js';

const WORKERS = 2;
/** Size of the history the joiners load (the issue's 976 KiB pad). */
const HISTORY_BYTES = 976 * 1024;
const SKETCH_SCENARIO = '250 editors + 250 viewers of one sketchnote';

/** One client worker process and a way to ask it something. */
interface Worker {
  child: ChildProcess;
  request<T extends FromWorker['type']>(
    message: ToWorker,
    answer: T,
  ): Promise<Extract<FromWorker, { type: T }>>;
}

async function startWorker(): Promise<Worker> {
  const child = fork(join(import.meta.dirname, 'collab/worker.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting: { type: string; resolve(m: FromWorker): void; reject(e: Error): void }[] = [];
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  child.on('message', (raw) => {
    const message = fromWorkerSchema.parse(raw);
    if (message.type === 'ready') {
      ready();
      return;
    }
    const next = waiting.shift();
    if (!next) {
      return;
    }
    if (message.type === 'error') {
      next.reject(new Error(`worker: ${message.message}`));
    } else if (message.type !== next.type) {
      next.reject(new Error(`worker answered ${message.type}, expected ${next.type}`));
    } else {
      next.resolve(message);
    }
  });
  child.once('exit', (code) => {
    for (const w of waiting.splice(0)) {
      w.reject(new Error(`worker exited with ${code}`));
    }
  });
  await isReady;
  return {
    child,
    request(message, answer) {
      return new Promise((resolve, reject) => {
        waiting.push({ type: answer, resolve: resolve as (m: FromWorker) => void, reject });
        child.send(message);
      });
    },
  };
}

/** p50/p95/p99 from merged histograms (buckets of BUCKET_MS). */
function percentiles(histograms: [number, number][][]): { p50: number; p95: number; p99: number; n: number } {
  const merged = new Map<number, number>();
  for (const h of histograms) {
    for (const [bucket, count] of h) {
      merged.set(bucket, (merged.get(bucket) ?? 0) + count);
    }
  }
  const sorted = [...merged].sort((a, b) => a[0] - b[0]);
  const n = sorted.reduce((s, [, c]) => s + c, 0);
  const at = (q: number): number => {
    const target = Math.ceil(q * n);
    let seen = 0;
    for (const [bucket, count] of sorted) {
      seen += count;
      if (seen >= target) {
        return round(bucket * BUCKET_MS, 1);
      }
    }
    return NaN;
  };
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN, 0);
}

/** One scenario's figures for one server. */
interface ScenarioResult {
  scenario: string;
  server: string;
  clients: number;
  /** Propagation latency (local insert → remote observe), ms. */
  latency?: { p50: number; p95: number; p99: number; n: number; missing: number };
  /** Time from opening to each client's first sync, ms. */
  synced: { p50: number; p95: number; max: number; failed: number };
  /** The measured window (typing, or the join). */
  cpu: CpuWindow;
  note?: string;
}

interface Context {
  workers: Worker[];
  typingMs: number;
  dir: string;
}

/** Spreads clients over the workers (and, for several nodes, over the nodes). */
function spread(specs: ClientSpec[], n: number): ClientSpec[][] {
  const parts: ClientSpec[][] = Array.from({ length: n }, () => []);
  specs.forEach((spec, i) => parts[i % n]!.push(spec));
  return parts;
}

async function openAll(ctx: Context, specs: ClientSpec[]): Promise<ScenarioResult['synced']> {
  const parts = spread(specs, ctx.workers.length);
  const answers = await Promise.all(
    ctx.workers.map((w, i) => w.request({ type: 'open', clients: parts[i]!, timeoutMs: 60_000 }, 'opened')),
  );
  const all = answers.flatMap((a) => a.syncedMs);
  return {
    p50: quantile(all, 0.5),
    p95: quantile(all, 0.95),
    max: quantile(all, 1),
    failed: answers.reduce((s, a) => s + a.failed, 0),
  };
}

async function closeAll(ctx: Context): Promise<void> {
  await Promise.all(ctx.workers.map((w) => w.request({ type: 'close' }, 'closed')));
}

/** Opens `specs`, lets every editor type once a second for the typing window, measures. */
async function typingScenario(
  ctx: Context,
  name: string,
  server: ServerUnderTest,
  specs: ClientSpec[],
  note?: string,
): Promise<ScenarioResult> {
  const own = [process.pid, ...ctx.workers.map((w) => w.child.pid!)];
  try {
    const synced = await openAll(ctx, specs);
    await new Promise((r) => setTimeout(r, 1000));
    const window = startCpuWindow(server.pids, own);
    await Promise.all(
      ctx.workers.map((w) =>
        w.request({ type: 'type', durationMs: ctx.typingMs, ratePerSecond: 1 }, 'typed'),
      ),
    );
    const cpu = window();
    const sends: SendTimes[] = (
      await Promise.all(ctx.workers.map((w) => w.request({ type: 'sends' }, 'sends')))
    ).flatMap((a) => a.sends);
    const answers = await Promise.all(
      ctx.workers.map((w) => w.request({ type: 'latencies', sends, timeoutMs: 15_000 }, 'latencies')),
    );
    const latency = {
      ...percentiles(answers.map((a) => a.histogram)),
      missing: answers.reduce((s, a) => s + a.missing, 0),
    };
    return {
      scenario: name,
      server: server.label,
      clients: specs.length,
      latency,
      synced,
      cpu,
      ...(note ? { note } : {}),
    };
  } finally {
    await closeAll(ctx);
  }
}

function editors(
  server: ServerUnderTest,
  kind: 'pad' | 'sketch',
  id: string,
  n: number,
  node = 0,
): ClientSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    serverUrl: server.urls[(node + i) % server.urls.length]!,
    room: server.room(kind, id),
    params: server.params('editor'),
    role: 'editor' as const,
    content: kind === 'pad' ? ('text' as const) : ('strokes' as const),
  }));
}

function viewers(server: ServerUnderTest, kind: 'pad' | 'sketch', id: string, n: number): ClientSpec[] {
  return editors(server, kind, id, n).map((spec) => ({
    ...spec,
    role: 'viewer' as const,
    params: server.params('viewer'),
  }));
}

/** Whether a viewer's token may open `room` on the server (our view token may not open sketchnotes before the roles change). */
async function viewerMayOpen(server: ServerUnderTest, room: string): Promise<boolean> {
  const query = new URLSearchParams(server.params('viewer')).toString();
  const ws = new WebSocket(`${server.urls[0]}/${room}${query ? `?${query}` : ''}`);
  return new Promise((resolve) => {
    ws.once('open', () => {
      ws.close();
      resolve(true);
    });
    ws.once('unexpected-response', () => resolve(false));
    ws.once('error', () => resolve(false));
  });
}

/** A Y.Doc whose encoded state is about `bytes`: words typed and deleted at random places. */
function historyDoc(bytes: number): Y.Doc {
  const random = mulberry32(976);
  const doc = new Y.Doc();
  const text = doc.getText('bench');
  const words = ['Bürgerhaushalt ', 'Radverkehr ', 'Beteiligung ', 'offene Daten ', 'Schule ', 'Quartier '];
  for (let round = 0; ; round++) {
    doc.transact(() => {
      for (let i = 0; i < 500; i++) {
        const at = Math.floor(random() * (text.length + 1));
        if (random() < 0.15 && text.length > 20) {
          text.delete(Math.min(at, text.length - 5), 3);
        } else {
          text.insert(at, words[Math.floor(random() * words.length)]!);
        }
      }
    });
    if (round % 5 === 4 && Y.encodeStateAsUpdate(doc).length >= bytes) {
      return doc;
    }
  }
}

function connectInParent(server: ServerUnderTest, room: string, doc: Y.Doc): WebsocketProvider {
  return new WebsocketProvider(server.urls[0]!, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: server.params('editor'),
    disableBc: true,
  });
}

async function until(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** 100 clients join a pad with ~1 MB of history at once (a holder keeps it loaded). */
async function joinScenario(ctx: Context, server: ServerUnderTest, history: Y.Doc): Promise<ScenarioResult> {
  const room = server.room('pad', 'history');
  const holderDoc = new Y.Doc();
  Y.applyUpdate(holderDoc, Y.encodeStateAsUpdate(history));
  const holder = connectInParent(server, room, holderDoc);
  const probeDoc = new Y.Doc();
  let probe: WebsocketProvider | undefined;
  try {
    await until(() => holder.synced, 30_000, 'the history to upload');
    // A second client sees the whole history once the server has it.
    probe = connectInParent(server, room, probeDoc);
    const expected = history.getText('bench').length;
    await until(() => probeDoc.getText('bench').length === expected, 30_000, 'the history to arrive');
    probe.destroy();
    await new Promise((r) => setTimeout(r, 1000));
    const window = startCpuWindow(server.pids, [process.pid, ...ctx.workers.map((w) => w.child.pid!)]);
    const specs = viewers(server, 'pad', 'history', 100).map((s) => ({
      ...s,
      params: server.params('editor'),
    }));
    const synced = await openAll(ctx, specs);
    const cpu = window();
    return {
      scenario: '100 clients join a 976 KiB pad at once',
      server: server.label,
      clients: 100,
      synced,
      cpu,
      note: `history: ${Math.round(Y.encodeStateAsUpdate(history).length / 1024)} KiB encoded`,
    };
  } finally {
    probe?.destroy();
    holder.destroy();
    await closeAll(ctx);
  }
}

type Starter = (dir: string) => Promise<ServerUnderTest>;

async function withServer<T>(
  ctx: Context,
  start: Starter,
  run: (s: ServerUnderTest) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(ctx.dir, 'server-'));
  const server = await start(dir);
  try {
    return await run(server);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function row(r: ScenarioResult): BenchRow {
  return {
    scenario: r.scenario,
    server: r.server.startsWith('stock') ? 'stock' : r.server.includes('x2') ? 'ours x2' : 'ours',
    clients: r.clients,
    'p50 ms': r.latency?.p50 ?? '-',
    'p95 ms': r.latency?.p95 ?? '-',
    'p99 ms': r.latency?.p99 ?? '-',
    missing: r.latency?.missing ?? '-',
    'synced max ms': r.synced.max,
    'server CPU %': r.cpu.serverCpuPercent,
    'server CPU-s': r.cpu.serverCpuSeconds,
    'RSS MiB': r.cpu.serverPeakRssMiB,
    'other cores': r.cpu.otherCores,
  };
}

/**
 * Load benchmark of the sync endpoint: real y-websocket clients in 2 worker processes against the
 * stock `@y/websocket-server` (LevelDB persistence) and `mitschrift serve` (persistence on), the
 * same scenarios in the same run, one server at a time.
 */
export const collabBenchmark: Benchmark = {
  description:
    'sync under load: real y-websocket clients in 2 workers, stock @y/websocket-server + LevelDB vs mitschrift serve',
  async run(options: BenchOptions) {
    if (!existsSync(CLI)) {
      throw new Error(`Build first (npm run build): ${CLI} is missing.`);
    }
    const typingMs = options.quick ? 6_000 : 20_000;
    const dir = mkdtempSync(join(tmpdir(), 'mitschrift-bench-collab-'));
    const workers = await Promise.all(Array.from({ length: WORKERS }, () => startWorker()));
    const ctx: Context = { workers, typingMs, dir };
    const results: ScenarioResult[] = [];
    const skipped: { scenario: string; reason: string }[] = [];
    const servers: [string, Starter][] = [
      ['stock', startStock],
      ['ours', startMitschrift],
    ];
    const log = (r: ScenarioResult): void => {
      results.push(r);
      console.info(JSON.stringify(row(r)));
    };
    try {
      for (const [, start] of servers) {
        log(
          await withServer(ctx, start, (s) =>
            typingScenario(ctx, '250 editors on one pad, 1 char/s each', s, editors(s, 'pad', 'one', 250)),
          ),
        );
      }
      for (const [, start] of servers) {
        log(
          await withServer(ctx, start, (s) =>
            typingScenario(
              ctx,
              '25 pads x 10 editors',
              s,
              Array.from({ length: 25 }, (_, p) => editors(s, 'pad', `room${p}`, 10)).flat(),
            ),
          ),
        );
      }
      const history = historyDoc(HISTORY_BYTES);
      for (const [, start] of servers) {
        log(await withServer(ctx, start, (s) => joinScenario(ctx, s, history)));
      }
      for (const [, start] of servers) {
        log(
          await withServer(ctx, start, async (s) => {
            // Viewers may only open a document that exists (a read-only link never creates one):
            // an editor opens it first and stays.
            const creator = connectInParent(s, s.room('sketch', 'projector'), new Y.Doc());
            try {
              await until(() => creator.synced, 10_000, 'the sketchnote to open');
              creator.doc.getMap('strokes').set('first', 1);
              await new Promise((r) => setTimeout(r, 300));
              if (await viewerMayOpen(s, s.room('sketch', 'projector'))) {
                const specs = [
                  ...editors(s, 'sketch', 'projector', 250),
                  ...viewers(s, 'sketch', 'projector', 250),
                ];
                return await typingScenario(ctx, SKETCH_SCENARIO, s, specs);
              }
            } finally {
              creator.destroy();
            }
            // Our view token opens sketchnotes only with the per-event roles: until then the same
            // load (strokes) on a pad, which the view token may read.
            const padCreator = connectInParent(s, s.room('pad', 'projector'), new Y.Doc());
            try {
              await until(() => padCreator.synced, 10_000, 'the pad to open');
              padCreator.doc.getMap('strokes').set('first', 1);
              await new Promise((r) => setTimeout(r, 300));
              const specs = [
                ...editors(s, 'pad', 'projector', 250).map((e) => ({ ...e, content: 'strokes' as const })),
                ...viewers(s, 'pad', 'projector', 250),
              ];
              return await typingScenario(
                ctx,
                SKETCH_SCENARIO,
                s,
                specs,
                'the view token cannot open a sketchnote in this build: the same strokes on a pad',
              );
            } finally {
              padCreator.destroy();
            }
          }),
        );
      }
      const redisScenario = 'two nodes joined by Redis: 25 pads x 10 editors spread over both';
      if (!serveHasScaleOut()) {
        skipped.push({
          scenario: redisScenario,
          reason: 'this build of mitschrift serve has no --redis/--postgres (scale-out not merged yet)',
        });
      } else {
        const backing = await startBacking();
        try {
          log(
            await withServer(
              ctx,
              (d) => startTwoNodes(d, backing),
              (s) =>
                typingScenario(
                  ctx,
                  redisScenario,
                  s,
                  Array.from({ length: 25 }, (_, p) => editors(s, 'pad', `spread${p}`, 10, p)).flat(),
                ),
            ),
          );
        } finally {
          await backing.stop();
        }
      }
    } finally {
      for (const w of workers) {
        w.child.send({ type: 'exit' } satisfies ToWorker);
      }
      rmSync(dir, { recursive: true, force: true });
    }
    for (const s of skipped) {
      console.info(`skipped: ${s.scenario}: ${s.reason}`);
    }
    return {
      rows: results.map(row),
      quick: options.quick,
      typingSeconds: typingMs / 1000,
      workers: WORKERS,
      cores: cpus().length,
      loadAverageAtEnd: loadavg().map((l) => round(l, 2)),
      clock: 'performance.timeOrigin + performance.now() in each process (same machine)',
      results,
      skipped,
    };
  },
};
