import { z } from 'zod';

/**
 * Runs the core in its own process (Electron's `utilityProcess`, entry `server/core/coreProcess.ts`)
 * so a core failure cannot take the window down, and restarts it when it ends unexpectedly: on the
 * same port with the same token, so the window's origin and cookie stay valid and y-websocket
 * reconnects by itself. Restarts back off and stop after too many in a short time; then the shell
 * is told (it shows a dialog). Written against a small structural adapter so it is tested in Node.
 */

/** The part of a child process the supervisor uses (Electron's UtilityProcess has it; tests fake it). */
export interface CoreChild {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/** How to start the core process. */
interface CoreLaunch {
  dataDir: string;
  host: string;
  /** 0 picks a free port on the first start; restarts reuse the port the first start got. */
  port: number;
  token: string;
  rendererDir?: string;
  /** `memory`: the core keeps the portal token only in memory; the shell keeps it encrypted. */
  publishTokenStorage?: 'file' | 'memory';
  /** The portal token handed to each start (kept up to date from the core's reports). */
  publishToken?: string;
}

/** The running core as the shell sees it. */
export interface SupervisedCore {
  origin: string;
  joinUrl: string;
  dataDir: string;
  /** Asks the core to flush and exit; kills it after a timeout. */
  close(): Promise<void>;
}

/** What the supervisor needs besides the launch settings. */
export interface SupervisorOptions {
  fork: () => CoreChild;
  launch: CoreLaunch;
  /** Waits before restart 1, 2, 3 …; the last one repeats. */
  restartDelaysMs?: readonly number[];
  /** More restarts than this within {@link restartWindowMs} is fatal. */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** How long a shutdown may take before the process is killed. */
  shutdownTimeoutMs?: number;
  /** Called when the core reports a new portal token (null: cleared), to keep it with safeStorage. */
  onPublishToken?: (token: string | null) => void;
  /** Called when a restarted core listens again. */
  onRestarted?: (origin: string) => void;
  /** Called once when the supervisor gives up (the shell shows a dialog and quits). */
  onFatal: (message: string) => void;
  now?: () => number;
  log?: (message: string) => void;
}

/** The core's report of a new (or cleared) portal token. */
const publishTokenReportSchema = z.object({
  type: z.literal('publish-token'),
  token: z.string().min(8).max(2000).nullable(),
});

const reportSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('listening'), origin: z.string().url(), joinUrl: z.string().url() }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);

/** Starts the core process and keeps it running; resolves once the first start listens. */
export function superviseCore(options: SupervisorOptions): Promise<SupervisedCore> {
  const delays = options.restartDelaysMs ?? [500, 1000, 2000, 4000, 8000];
  const maxRestarts = options.maxRestarts ?? 5;
  const windowMs = options.restartWindowMs ?? 60_000;
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;
  const now = options.now ?? (() => Date.now());
  const log = options.log ?? ((message: string) => console.error(message));
  const launch = { ...options.launch };
  const restarts: number[] = [];
  let child: CoreChild | null = null;
  let closing = false;
  let fatal = false;
  /** Set once the first start listened: only a core that ran is restarted. */
  let running = false;
  let exited: Promise<void> = Promise.resolve();

  /** Forks one core process; resolves with its report of listening, rejects with its failure. */
  const startOnce = (): Promise<{ origin: string; joinUrl: string }> =>
    new Promise((resolvePromise, reject) => {
      const current = options.fork();
      child = current;
      let settled = false;
      exited = new Promise<void>((resolveExit) => {
        current.on('exit', (code) => {
          resolveExit();
          if (child === current) {
            child = null;
          }
          if (!settled) {
            settled = true;
            reject(new Error(`The core process ended (exit code ${code}) before it was listening.`));
          }
          if (!closing && running) {
            log(`The core process ended unexpectedly (exit code ${code}); restarting it.`);
            scheduleRestart();
          }
        });
      });
      current.on('message', (message) => {
        const tokenReport = publishTokenReportSchema.safeParse(message);
        if (tokenReport.success) {
          // Restarts hand the new token over again; the shell stores it encrypted.
          const { token } = tokenReport.data;
          if (token === null) {
            delete launch.publishToken;
          } else {
            launch.publishToken = token;
          }
          options.onPublishToken?.(token);
          return;
        }
        const report = reportSchema.safeParse(message);
        if (!report.success || settled) {
          return;
        }
        settled = true;
        if (report.data.type === 'listening') {
          resolvePromise(report.data);
        } else {
          reject(new Error(report.data.message));
        }
      });
      current.postMessage({ type: 'start', ...launch });
    });

  const scheduleRestart = (): void => {
    if (fatal || closing) {
      return;
    }
    const t = now();
    while (restarts.length > 0 && t - (restarts[0] ?? t) > windowMs) {
      restarts.shift();
    }
    if (restarts.length >= maxRestarts) {
      fatal = true;
      options.onFatal(
        `The core stopped ${restarts.length + 1} times within ${Math.round(windowMs / 1000)} s; Mitschrift gives up restarting it.`,
      );
      return;
    }
    const delay = delays[Math.min(restarts.length, delays.length - 1)] ?? 1000;
    restarts.push(t);
    setTimeout(() => {
      if (closing || fatal) {
        return;
      }
      startOnce().then(
        (report) => options.onRestarted?.(report.origin),
        (error: unknown) => {
          // Its exit schedules the next try (or gives up).
          log(`Restarting the core failed: ${error instanceof Error ? error.message : String(error)}`);
        },
      );
    }, delay).unref?.();
  };

  return startOnce().then((first) => {
    // Restarts must come back where the window already is: same port, same token.
    launch.port = Number(new URL(first.origin).port);
    running = true;
    return {
      origin: first.origin,
      joinUrl: first.joinUrl,
      dataDir: launch.dataDir,
      close: async () => {
        closing = true;
        const current = child;
        if (current === null) {
          return;
        }
        current.postMessage({ type: 'shutdown' });
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolveTimeout) => {
          timer = setTimeout(() => {
            log('The core did not shut down in time; ending it.');
            current.kill();
            resolveTimeout();
          }, shutdownTimeoutMs);
        });
        await Promise.race([exited, timeout]);
        clearTimeout(timer);
      },
    };
  });
}
