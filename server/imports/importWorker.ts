import { parentPort } from 'node:worker_threads';
import { runImportJob, type ImportJob } from './importJobs.js';

/**
 * The entry of an import worker thread (started by importPool.ts, one per job): says it is ready,
 * runs the job it is then sent and posts the outcome back. An unexpected error is posted as a 500 outcome naming it; the
 * pool's time and memory budget end the thread from outside.
 */
async function answer(job: ImportJob): Promise<void> {
  try {
    parentPort?.postMessage(await runImportJob(job));
  } catch (error) {
    parentPort?.postMessage({
      ok: false,
      status: 500,
      message: `The import failed: ${error instanceof Error ? error.message : String(error)}. Nothing was imported.`,
    });
  }
}

// Loaded: the pool sends the job now and starts its clock (start-up is not the file's time).
parentPort?.postMessage({ ready: true });
parentPort?.once('message', (job: ImportJob) => void answer(job));
