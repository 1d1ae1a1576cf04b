import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthResponseSchema } from '../../../shared/api/contract.js';
import { exportStatusSchema, type ExportStatus } from '../../../shared/api/bundleContract.js';
import { BundleSpool } from '../../../server/bundle/bundleSpool.js';
import { buildBundleInWorker } from '../../../server/bundle/bundleThread.js';
import { ExportCancelledError } from '../../../server/bundle/bundleTypes.js';
import { collectFromWorkspace } from '../../../server/bundle/workspaceSource.js';
import type { RunningCore } from '../../../server/core/coreTypes.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { makeBundleWorkspace } from './bundleWorkspace.js';

/**
 * Bundles are made in a worker thread: the core answers while an export runs, and a cancel ends
 * the worker (not just the waiting for it).
 */

let temp: ReturnType<typeof makeTempDir>;
let data: string;
let eventId: string;
beforeAll(() => {
  temp = makeTempDir('mitschrift-bundle-thread-');
  data = join(temp.dir, 'ws');
  eventId = makeBundleWorkspace(data).eventId;
});
afterAll(() => temp.cleanup());

const options = { profile: 'internal' as const, now: new Date('2026-05-10T12:00:00Z'), generator: 't' };

describe('bundle worker thread', () => {
  it('makes the files in a worker and hands them back with progress', { timeout: 120_000 }, async () => {
    const steps: number[] = [];
    let exited: number | undefined;
    const spool = BundleSpool.create(join(temp.dir, 'spool'));
    const built = await buildBundleInWorker(collectFromWorkspace(data, eventId, options), {
      profile: 'internal',
      spool,
      onProgress: (p) => steps.push(p.done),
      onExit: (code) => {
        exited = code;
      },
    });
    expect(built.files.map((f) => f.path)).toContain('dokumentation.pdf');
    // The worker wrote every file into the spool; only their names, sizes and hashes came back.
    for (const file of built.files) {
      expect(spool.read(file).byteLength).toBe(file.size);
    }
    expect(Buffer.from(spool.read({ path: 'dokumentation.pdf' }).subarray(0, 5)).toString()).toBe('%PDF-');
    expect(new Set(steps).size).toBeGreaterThan(2);
    for (let i = 0; i < 100 && exited === undefined; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(exited).toBeDefined();
  });

  it('ends the worker thread when cancelled', { timeout: 60_000 }, async () => {
    const controller = new AbortController();
    let exited: number | undefined;
    let progressAfterCancel = 0;
    const running = buildBundleInWorker(collectFromWorkspace(data, eventId, options), {
      profile: 'internal',
      spool: BundleSpool.create(join(temp.dir, 'spool')),
      signal: controller.signal,
      onProgress: () => {
        if (controller.signal.aborted) {
          progressAfterCancel += 1;
        }
        controller.abort();
      },
      onExit: (code) => {
        exited = code;
      },
    });
    await expect(running).rejects.toBeInstanceOf(ExportCancelledError);
    for (let i = 0; i < 100 && exited === undefined; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    // terminate() ends a thread with exit code 1.
    expect(exited).toBe(1);
    expect(progressAfterCancel).toBe(0);
  });
});

describe('export from the running core', () => {
  let core: RunningCore;
  beforeAll(async () => {
    core = await startLoopbackCore(data);
  });
  afterAll(async () => {
    await core.close();
  });

  const api = (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${core.origin}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${core.token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const status = async (id: string): Promise<ExportStatus> =>
    exportStatusSchema.parse(await (await api('GET', `/api/events/${eventId}/exports/${id}`)).json());

  it('answers /api/health while an export runs', { timeout: 180_000 }, async () => {
    const started = exportStatusSchema.parse(
      await (await api('POST', `/api/events/${eventId}/exports`, { profile: 'internal' })).json(),
    );
    let current = started;
    let answeredWhileRunning = 0;
    for (let i = 0; i < 1200 && current.state === 'running'; i++) {
      const health = await api('GET', '/api/health');
      expect(health.status).toBe(200);
      expect(healthResponseSchema.parse(await health.json()).ready).toBe(true);
      current = await status(started.id);
      if (current.state === 'running') {
        answeredWhileRunning += 1;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(current.state).toBe('done');
    expect(answeredWhileRunning).toBeGreaterThan(0);
  });

  it('cancel stops the export; no ZIP and no temporary file stay behind', { timeout: 60_000 }, async () => {
    const started = exportStatusSchema.parse(
      await (await api('POST', `/api/events/${eventId}/exports`, { profile: 'internal' })).json(),
    );
    const cancelled = await api('POST', `/api/events/${eventId}/exports/${started.id}/cancel`);
    expect(exportStatusSchema.parse(await cancelled.json()).state).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 1000));
    expect((await status(started.id)).state).toBe('cancelled');
    const dir = join(data, 'exports');
    const left = existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(started.id)) : [];
    expect(left).toEqual([]);
  });
});
