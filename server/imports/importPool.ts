import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { ImportJob, ImportJobValue, ImportOutcome } from './importJobs.js';
import type { ImportErrorCode } from '../../shared/event/importProblemCodes.js';
import { workerEntry } from '../core/workerEntry.js';

/**
 * Runs imports (parsing and converting an uploaded file) in worker threads, so that no file can
 * hold up the event loop that serves every pad and sketch: each job gets a fresh thread with a
 * memory budget (`resourceLimits`) and a time budget, after which the thread is terminated and the
 * caller gets {@link ImportBudgetError}. A fresh thread per job also hands every byte a big import
 * used back when it ends. At most {@link ImportBudget.concurrency} threads run at once; more jobs
 * wait in a short queue, and beyond that the pool answers "busy".
 *
 * The worker's code is `importWorker` beside this file (found by server/core/workerEntry.ts).
 */

/** The limits of one import. */
export interface ImportBudget {
  /** Wall-clock time for reading one file, from the moment its worker has loaded. */
  timeoutMs: number;
  /** V8's old-generation heap limit of the worker thread. */
  maxOldGenerationSizeMb: number;
  /** Young-generation limit (keeps a burst of short-lived strings within the budget too). */
  maxYoungGenerationSizeMb: number;
  /** Jobs running at once. */
  concurrency: number;
  /** Jobs waiting beyond those; more are refused as busy. */
  queue: number;
}

/** The budget of the core and the CLI: ten seconds and 512 MB per file, two at a time. */
export const DEFAULT_IMPORT_BUDGET: ImportBudget = {
  timeoutMs: 10_000,
  maxOldGenerationSizeMb: 512,
  maxYoungGenerationSizeMb: 48,
  concurrency: 2,
  queue: 8,
};

/** An import stopped by its budget, or refused because too many run; `status` is for HTTP. */
export class ImportBudgetError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The stable code the UI shows its own text for (IMPORT_ERROR_CODES). */
    readonly code: ImportErrorCode,
  ) {
    super(message);
    this.name = 'ImportBudgetError';
  }
}

/** An import that the worker refused (a broken file): status and message for the caller. */
export class ImportRefusedError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details?: string[],
  ) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

const outcomeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    status: z.number().int().min(400).max(599),
    message: z.string(),
    details: z.array(z.string()).optional(),
  }),
]);

/** How long a worker may take to load its code before the job fails (from source, tsx compiles first). */
const WORKER_START_MS = 60_000;

/** A queue of jobs under one budget. */
export class ImportPool {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly budget: ImportBudget = DEFAULT_IMPORT_BUDGET) {}

  /**
   * Runs a job in a worker thread and resolves with its value. Rejects with
   * {@link ImportRefusedError} for a file the job refused, {@link ImportBudgetError} when the
   * budget ended it or the pool is busy.
   */
  async run<K extends ImportJob['kind']>(job: ImportJob & { kind: K }): Promise<ImportJobValue[K]> {
    if (this.running >= this.budget.concurrency) {
      if (this.waiting.length >= this.budget.queue) {
        throw new ImportBudgetError(
          'Import refused: too many imports are running at once. Try again in a moment; nothing was imported.',
          503,
          'import-busy',
        );
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    try {
      const outcome = await this.runInWorker(job);
      if (!outcome.ok) {
        throw new ImportRefusedError(outcome.message, outcome.status, outcome.details);
      }
      return outcome.value as ImportJobValue[K];
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private runInWorker(job: ImportJob): Promise<ImportOutcome> {
    const { url, execArgv } = workerEntry('importWorker', import.meta.url);
    const limit =
      this.budget.timeoutMs >= 1000
        ? `${Math.round(this.budget.timeoutMs / 100) / 10} s`
        : `${this.budget.timeoutMs} ms`;
    return new Promise<ImportOutcome>((resolve, reject) => {
      const worker = new Worker(url, {
        execArgv,
        resourceLimits: {
          maxOldGenerationSizeMb: this.budget.maxOldGenerationSizeMb,
          maxYoungGenerationSizeMb: this.budget.maxYoungGenerationSizeMb,
        },
        stdin: false,
      });
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const settle = (fn: () => void): void => {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          clearTimeout(startup);
          fn();
          void worker.terminate();
        }
      };
      // A thread that cannot even load its code (a broken build, a machine out of memory).
      const startup = setTimeout(() => {
        settle(() =>
          reject(new Error(`The import worker did not start within ${WORKER_START_MS / 1000} s.`)),
        );
      }, WORKER_START_MS);
      const onMessage = (message: unknown): void => {
        if (typeof message === 'object' && message !== null && 'ready' in message) {
          // The file's time starts now: loading the worker's code is not the file's fault.
          clearTimeout(startup);
          timer = setTimeout(() => {
            settle(() =>
              reject(
                new ImportBudgetError(
                  `Import stopped: the file takes too long to read (over ${limit}). Nothing was imported.`,
                  422,
                  'import-too-slow',
                ),
              ),
            );
          }, this.budget.timeoutMs);
          worker.postMessage(job);
          return;
        }
        const parsed = outcomeSchema.safeParse(message);
        settle(() =>
          parsed.success
            ? resolve(parsed.data as ImportOutcome)
            : reject(new Error('The import worker answered something that is not an import outcome.')),
        );
      };
      worker.on('message', onMessage);
      worker.once('error', (error: Error & { code?: string }) => {
        settle(() =>
          reject(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new ImportBudgetError(
                  `Import stopped: the file needs more than ${this.budget.maxOldGenerationSizeMb} MB of memory to read. Nothing was imported.`,
                  413,
                  'import-out-of-memory',
                )
              : error,
          ),
        );
      });
      worker.once('exit', (code) => {
        settle(() => reject(new Error(`The import worker stopped (exit code ${code}) without an answer.`)));
      });
    });
  }
}

let shared: ImportPool | undefined;

/** The process's pool (the core's routes and the CLI share it). */
export function importPool(): ImportPool {
  shared ??= new ImportPool();
  return shared;
}
