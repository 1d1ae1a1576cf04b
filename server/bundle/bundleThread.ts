import { Worker } from 'node:worker_threads';
import { workerEntry } from '../core/workerEntry.js';
import {
  ExportCancelledError,
  type BundleEntry,
  type BundleInput,
  type BundleProfile,
  type BundleProgress,
  type PseudonymEntry,
} from './bundleTypes.js';
import type { BundleSpool } from './bundleSpool.js';
import type { BundleJob, BundleMessage } from './bundleWorker.js';

/** What a bundle made in a worker gives back. */
export interface ThreadedBundle {
  pseudonyms: PseudonymEntry[];
  /** The files, in the spool. */
  files: BundleEntry[];
}

/** What {@link buildBundleInWorker} needs besides the data. */
export interface ThreadOptions {
  profile: BundleProfile;
  /** The spool the worker writes the files into (bundleSpool.ts; the caller removes it). */
  spool: BundleSpool;
  /** Write the ZIP there too (in the worker). */
  zip?: string;
  onProgress?: (progress: BundleProgress) => void;
  /** Aborting terminates the worker at once; the promise rejects with ExportCancelledError. */
  signal?: AbortSignal;
  /** Called once the worker thread has ended (finished, failed or terminated), with its exit code. */
  onExit?: (code: number) => void;
}

/**
 * Makes a bundle in a worker thread (bundleWorker.ts): the core's HTTP exports and publications
 * run here, so the core answers every other request meanwhile. The CLI builds in-process instead
 * (nothing else runs there). A cancel terminates the thread, which stops mid-PDF, not between steps.
 */
export function buildBundleInWorker(collected: BundleInput, options: ThreadOptions): Promise<ThreadedBundle> {
  if (options.signal?.aborted) {
    return Promise.reject(new ExportCancelledError());
  }
  const { url, execArgv } = workerEntry('bundleWorker', import.meta.url);
  const worker = new Worker(url, { execArgv, stdin: false });
  return new Promise<ThreadedBundle>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (!settled) {
        settled = true;
        options.signal?.removeEventListener('abort', onAbort);
        fn();
        void worker.terminate();
      }
    };
    const onAbort = (): void => settle(() => reject(new ExportCancelledError()));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: BundleMessage) => {
      switch (message.type) {
        case 'progress':
          if (!settled) {
            options.onProgress?.(message.progress);
          }
          return;
        case 'done':
          settle(() => resolve({ pseudonyms: message.pseudonyms, files: message.files }));
          return;
        case 'failed':
          settle(() => reject(new Error(message.message)));
      }
    });
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => {
      settle(() => reject(new Error(`The bundle worker stopped (exit code ${code}) without an answer.`)));
      options.onExit?.(code);
    });
    const job: BundleJob = {
      collected,
      profile: options.profile,
      spool: options.spool.dir,
      ...(options.zip === undefined ? {} : { zip: options.zip }),
    };
    worker.postMessage(job);
  });
}
