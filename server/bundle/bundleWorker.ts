import { parentPort } from 'node:worker_threads';
import { buildBundle } from './buildBundle.js';
import { BundleSpool } from './bundleSpool.js';
import type {
  BundleEntry,
  BundleInput,
  BundleProfile,
  BundleProgress,
  PseudonymEntry,
} from './bundleTypes.js';
import { writeBundleZip } from './writeBundle.js';

/**
 * The entry of a bundle worker thread (started by bundleThread.ts, one per export): makes every file
 * of a bundle from collected data, off the core's thread, so PDFs, sketch PNGs and photos never
 * hold up the pads and sketchnotes everyone is editing. It writes each file into the caller's
 * spool folder as it is made, reports progress, then either writes the ZIP itself (`zip`) or
 * answers the list of files (publishing uploads them from the spool). Cancelling terminates the
 * thread from outside; the caller removes the spool.
 */

/** What the thread is sent. */
export interface BundleJob {
  collected: BundleInput;
  profile: BundleProfile;
  /** The spool folder the files are written into (the caller's, which it removes). */
  spool: string;
  /** Write the ZIP to this path too. */
  zip?: string;
}

/** What the thread posts back. */
export type BundleMessage =
  | { type: 'progress'; progress: BundleProgress }
  | { type: 'done'; pseudonyms: PseudonymEntry[]; files: BundleEntry[] }
  | { type: 'failed'; message: string };

function post(message: BundleMessage): void {
  parentPort?.postMessage(message);
}

async function run(job: BundleJob): Promise<void> {
  try {
    const spool = BundleSpool.at(job.spool);
    const built = await buildBundle(job.collected, {
      profile: job.profile,
      spool,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    if (job.zip !== undefined) {
      await writeBundleZip(spool, built.files, job.zip, job.collected.now);
    }
    post({ type: 'done', pseudonyms: built.pseudonyms, files: built.files });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

parentPort?.once('message', (job: BundleJob) => void run(job));
