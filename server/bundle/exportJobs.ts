import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ExportStatus } from '../../shared/api/bundleContract.js';
import { newId } from '../../shared/event/ids.js';
import { BundleSpool } from './bundleSpool.js';
import { buildBundleInWorker } from './bundleThread.js';
import { ExportCancelledError, type BundleInput, type BundleProfile } from './bundleTypes.js';

/** Finished exports kept for download (older ones are removed with their files). */
const KEEP = 10;

interface Job {
  status: ExportStatus;
  controller: AbortController;
  file: string;
}

/**
 * The core's running and finished exports (the HTTP routes). An export works on data collected
 * beforehand (collectBundle.ts, synchronous), so it never holds a live document while it makes files;
 * the files and the ZIP (`<data>/exports/<id>.zip`) are made in a worker thread (bundleThread.ts),
 * so the core keeps answering meanwhile. Cancelling terminates the worker and removes what it
 * wrote. The folder is emptied when the core starts and closes.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'exports');
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Starts an export of collected data; answers at once with its first status. */
  start(collected: BundleInput, profile: BundleProfile): ExportStatus {
    const id = newId(randomBytes);
    const status: ExportStatus = {
      id,
      eventId: collected.eventId,
      profile,
      state: 'running',
      done: 0,
      total: 1,
      step: '',
      files: null,
      bytes: null,
      pseudonyms: [],
      error: null,
    };
    const job: Job = { status, controller: new AbortController(), file: join(this.dir, `${id}.zip`) };
    this.jobs.set(id, job);
    this.prune();
    void this.run(job, collected, profile);
    return { ...status };
  }

  private async run(job: Job, collected: BundleInput, profile: BundleProfile): Promise<void> {
    // The files wait in a spool folder beside the ZIPs until the worker has zipped them.
    const spool = BundleSpool.create(join(this.dir, 'spool'));
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const built = await buildBundleInWorker(collected, {
        profile,
        spool,
        zip: job.file,
        signal: job.controller.signal,
        onProgress: (p) => Object.assign(job.status, { done: p.done, total: p.total, step: p.step }),
      });
      Object.assign(job.status, {
        state: 'done',
        files: built.files.length,
        bytes: statSync(job.file).size,
        pseudonyms: built.pseudonyms.map(({ pseudonym, name, roles }) => ({ pseudonym, name, roles })),
      });
    } catch (error) {
      rmSync(job.file, { force: true });
      // The worker shares this process's pid, so its temporary ZIP has this name (writeBundle.ts).
      rmSync(`${job.file}.tmp-${process.pid}`, { force: true });
      if (error instanceof ExportCancelledError || job.controller.signal.aborted) {
        job.status.state = 'cancelled';
      } else {
        job.status.state = 'failed';
        job.status.error = error instanceof Error ? error.message : String(error);
      }
    } finally {
      spool.remove();
    }
  }

  /** The status of an export of that event, or undefined. */
  status(eventId: string, id: string): ExportStatus | undefined {
    const job = this.jobs.get(id);
    return job && job.status.eventId === eventId ? { ...job.status } : undefined;
  }

  /** Cancels a running export; an ended one is left as it is. */
  cancel(eventId: string, id: string): ExportStatus | undefined {
    const job = this.jobs.get(id);
    if (!job || job.status.eventId !== eventId) {
      return undefined;
    }
    if (job.status.state === 'running') {
      job.controller.abort();
      job.status.state = 'cancelled';
    }
    return { ...job.status };
  }

  /** The ZIP of a finished export. */
  file(eventId: string, id: string): string | undefined {
    const job = this.jobs.get(id);
    return job && job.status.eventId === eventId && job.status.state === 'done' ? job.file : undefined;
  }

  private prune(): void {
    const ended = [...this.jobs.values()].filter((j) => j.status.state !== 'running');
    for (const job of ended.slice(0, Math.max(0, ended.length - KEEP))) {
      rmSync(job.file, { force: true });
      this.jobs.delete(job.status.id);
    }
  }

  /** Cancels everything and removes the files (the core is closing). */
  close(): void {
    for (const job of this.jobs.values()) {
      job.controller.abort();
    }
    this.jobs.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
