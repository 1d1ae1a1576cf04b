import { rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { PublishErrorKind, PublishStatus } from '../../shared/api/publishContract.js';
import { newId } from '../../shared/event/ids.js';
import { BundleSpool } from '../bundle/bundleSpool.js';
import { buildBundleInWorker } from '../bundle/bundleThread.js';
import { ExportCancelledError, type BundleEntry, type BundleInput } from '../bundle/bundleTypes.js';
import { CkanClient, CkanError, PublishCancelledError } from './ckanClient.js';
import type { PublishConfig } from './publishConfig.js';
import { datasetFieldsOf, publishBundle } from './publishBundle.js';
import { chooseLicence, portalLicences } from './portalLicence.js';

/** Ended publications kept for their status. */
const KEEP = 10;

interface Job {
  status: PublishStatus;
  controller: AbortController;
}

/**
 * The core's publications (the HTTP routes): the bundle is made in a worker thread like an export
 * (bundleThread.ts), then sent to the portal from this thread (network I/O only) with the
 * workspace's settings and token (publishConfig.ts), file by file with each file's state in the
 * status. A dry run asks the portal what exists and stops before writing. Cancelling stops the
 * worker or the upload in flight; what reached the portal stays, and publishing again resumes.
 */
export class PublishJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly config: PublishConfig,
    /** Where bundles wait while they are uploaded (emptied now: nothing in it outlives a core). */
    private readonly spoolDir: string,
    /** Client settings for tests (fast retries). */
    private readonly client: { attempts?: number; backoffMs?: number; timeoutMs?: number } = {},
  ) {
    rmSync(spoolDir, { recursive: true, force: true });
  }

  /** Starts publishing collected data; answers at once with its first status. */
  start(collected: BundleInput, dryRun: boolean): PublishStatus {
    const status: PublishStatus = {
      id: newId(randomBytes),
      eventId: collected.eventId,
      dryRun,
      state: 'running',
      phase: 'bundle',
      done: 0,
      total: 1,
      step: '',
      files: [],
      dataset: null,
      datasetUrl: null,
      error: null,
    };
    const job: Job = { status, controller: new AbortController() };
    this.jobs.set(status.id, job);
    this.prune();
    void this.run(job, collected);
    return structuredClone(status);
  }

  private fail(job: Job, kind: PublishErrorKind, message: string): void {
    job.status.state = 'failed';
    job.status.error = { kind, message };
  }

  private async run(job: Job, collected: BundleInput): Promise<void> {
    const { status, controller } = job;
    const settings = this.config.settings();
    const token = this.config.token();
    if (settings.portal === '' || settings.organisation === '') {
      this.fail(
        job,
        'settings',
        'The portal address and the organisation are not set; the owner sets them in Settings.',
      );
      return;
    }
    if (!token && !status.dryRun) {
      this.fail(job, 'settings', "The portal's API token is not set; the owner sets it in Settings.");
      return;
    }
    const spool = BundleSpool.create(this.spoolDir);
    try {
      const built = await buildBundleInWorker(collected, {
        profile: settings.profile,
        spool,
        signal: controller.signal,
        onProgress: (p) => Object.assign(status, { done: p.done, total: p.total, step: p.step }),
      });
      const { files } = built;
      status.phase = 'portal';
      status.files = files.map((f) => ({
        path: f.path,
        bytes: f.size,
        action: null,
        state: 'waiting',
      }));
      const byPath = new Map(status.files.map((f) => [f.path, f]));
      const client = new CkanClient({
        portal: settings.portal,
        token: token?.token ?? '',
        signal: controller.signal,
        ...this.client,
      });
      const read = (file: BundleEntry): Uint8Array => spool.read(file);
      const fields = datasetFieldsOf(files, read);
      const licence = chooseLicence(await portalLicences(client), fields, settings.licence);
      const report = await publishBundle({
        client,
        org: settings.organisation,
        dataset: { ...fields, license_id: licence },
        files,
        read,
        dryRun: status.dryRun,
        maxBytes: Math.floor(settings.maxMb * 1024 * 1024),
        onPlan: (plan) => {
          status.dataset = plan.dataset;
          for (const { path, action } of plan.files) {
            const entry = byPath.get(path);
            if (entry) {
              entry.action = action;
              entry.state = action === 'unchanged' ? 'skipped' : 'waiting';
            }
          }
        },
        onFile: (path, state) => {
          const entry = byPath.get(path);
          if (entry) {
            entry.state = state;
          }
        },
      });
      status.dataset = report.dataset;
      status.datasetUrl = report.datasetUrl;
      status.state = 'done';
    } catch (error) {
      if (
        error instanceof PublishCancelledError ||
        error instanceof ExportCancelledError ||
        controller.signal.aborted
      ) {
        status.state = 'cancelled';
      } else if (error instanceof CkanError) {
        this.fail(job, error.kind, error.message);
      } else {
        this.fail(
          job,
          status.phase === 'bundle' ? 'bundle' : 'portal',
          error instanceof Error ? error.message : String(error),
        );
      }
    } finally {
      spool.remove();
    }
  }

  /** The status of a publication of that event, or undefined. */
  status(eventId: string, id: string): PublishStatus | undefined {
    const job = this.jobs.get(id);
    return job && job.status.eventId === eventId ? structuredClone(job.status) : undefined;
  }

  /** Cancels a running publication; an ended one is left as it is. */
  cancel(eventId: string, id: string): PublishStatus | undefined {
    const job = this.jobs.get(id);
    if (!job || job.status.eventId !== eventId) {
      return undefined;
    }
    if (job.status.state === 'running') {
      job.controller.abort();
      job.status.state = 'cancelled';
    }
    return structuredClone(job.status);
  }

  private prune(): void {
    const ended = [...this.jobs.values()].filter((j) => j.status.state !== 'running');
    for (const job of ended.slice(0, Math.max(0, ended.length - KEEP))) {
      this.jobs.delete(job.status.id);
    }
  }

  /** Cancels everything (the core is closing). */
  close(): void {
    for (const job of this.jobs.values()) {
      job.controller.abort();
    }
    this.jobs.clear();
  }
}
