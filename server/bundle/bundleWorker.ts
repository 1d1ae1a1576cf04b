import { parentPort } from 'node:worker_threads';
import { buildBundle } from './buildBundle.js';
import type {
  BundleFile,
  BundleInput,
  BundleProfile,
  BundleProgress,
  PseudonymEntry,
} from './bundleTypes.js';
import { writeBundleZip } from './writeBundle.js';

/**
 * The entry of a bundle worker thread (started by bundleThread.ts, one per export): makes every file
 * of a bundle from collected data, off the core's thread, so PDFs, sketch PNGs and photos never
 * hold up the pads and sketchnotes everyone is editing. It reports progress, then either writes
 * the ZIP itself (`zip`) or hands the files back (publishing uploads them). Cancelling terminates
 * the thread from outside.
 */

/** What the thread is sent. */
export interface BundleJob {
  collected: BundleInput;
  profile: BundleProfile;
  /** Write the ZIP to this path; without it the files are sent back. */
  zip?: string;
}

/** What the thread posts back. */
export type BundleMessage =
  | { type: 'progress'; progress: BundleProgress }
  | { type: 'done'; fileCount: number; pseudonyms: PseudonymEntry[]; files?: BundleFile[] }
  | { type: 'failed'; message: string };

function post(message: BundleMessage, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(message, transfer);
}

async function run(job: BundleJob): Promise<void> {
  try {
    const built = await buildBundle(job.collected, {
      profile: job.profile,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    if (job.zip !== undefined) {
      await writeBundleZip(built.files, job.zip, job.collected.now);
      post({ type: 'done', fileCount: built.files.length, pseudonyms: built.pseudonyms });
      return;
    }
    // Each file's bytes move to the main thread without a copy (their own buffers, so transferable).
    const files = built.files.map((f) => ({ ...f, bytes: f.bytes.slice() }));
    post(
      { type: 'done', fileCount: files.length, pseudonyms: built.pseudonyms, files },
      files.map((f) => f.bytes.buffer as ArrayBuffer),
    );
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

parentPort?.once('message', (job: BundleJob) => void run(job));
