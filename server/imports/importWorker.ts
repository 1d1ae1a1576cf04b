import { parentPort } from 'node:worker_threads';
import { runImportJob, type ImportJob } from './importJobs.js';

/**
 * The entry of an import worker thread (started by importPool.ts, one per job): runs the job it is
 * sent and posts the outcome back. An unexpected error is posted as a 500 outcome naming it; the
 * pool's time and memory budget end the thread from outside.
 */
parentPort?.once('message', (job: ImportJob) => {
  try {
    parentPort?.postMessage(runImportJob(job));
  } catch (error) {
    parentPort?.postMessage({
      ok: false,
      status: 500,
      message: `The import failed: ${error instanceof Error ? error.message : String(error)}. Nothing was imported.`,
    });
  }
});
