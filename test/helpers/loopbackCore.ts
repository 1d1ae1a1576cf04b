import type { CoreOptions, RunningCore } from '../../server/core/coreTypes.js';
import { startCore } from '../../server/core/startCore.js';

/** A logger that keeps the test output clean (tests that check log lines pass their own). */
const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Starts the core in this process on loopback, on a free port unless one is given (a restart on the
 * same port), quiet unless a logger is given: the one way the server tests start a core.
 */
export function startLoopbackCore(
  dataDir: string,
  options: Partial<Omit<CoreOptions, 'host' | 'dataDir'>> = {},
): Promise<RunningCore> {
  return startCore({ host: '127.0.0.1', port: 0, logger: quietLogger, ...options, dataDir });
}
