import { vi } from 'vitest';
import { logFileOps } from '../../server/storage/updateLog.js';

/** A file operation of the logs that a test can make fail. */
type FaultyOp = 'write' | 'fdatasync' | 'fsync' | 'open' | 'rename';

/** An injected fault: which operation, on which files, with which error code. */
interface Fault {
  op: FaultyOp;
  matches: (path: string) => boolean;
  code: string;
  /** How many more calls fail (Infinity: until healed). */
  remaining: number;
  /** For writes: how many bytes reach the file before the error (a write torn by a full disk). */
  partialBytes: number;
}

/** Fault injection into the update logs' file operations (`logFileOps`), plus a record of what was done. */
export interface FileFaults {
  /**
   * Makes `op` fail with `code` (ENOSPC, EIO) for files whose path matches, `times` times or until
   * healed; a failing write first writes `partialBytes` of its buffer.
   */
  fail(
    op: FaultyOp,
    matches: (path: string) => boolean,
    code?: string,
    times?: number,
    partialBytes?: number,
  ): void;
  /** Removes every fault. */
  heal(): void;
  /** Every operation in order, as `<op>:<path>` (`fdatasync:/…/workspace.ylog`). */
  readonly events: string[];
  /** How many calls failed on purpose. */
  readonly failures: number;
  /** Removes the spies. */
  restore(): void;
}

const MESSAGES: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EIO: 'i/o error',
};

/** A file-system error as Node throws it (`code`, `syscall`, the usual message). */
function fsError(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(
    `${code}: ${MESSAGES[code] ?? 'injected fault'}, ${syscall}${path ? ` '${path}'` : ''}`,
  );
  error.code = code;
  error.syscall = syscall;
  return error;
}

/** Spies on the logs' file operations; nothing fails until {@link FileFaults.fail} is called. */
export function injectFileFaults(): FileFaults {
  const real = { ...logFileOps };
  const paths = new Map<number, string>();
  const faults: Fault[] = [];
  const events: string[] = [];
  let failures = 0;

  const check = (op: FaultyOp, path: string, syscall: string, beforeThrow?: (fault: Fault) => void): void => {
    events.push(`${op}:${path}`);
    const fault = faults.find((f) => f.op === op && f.remaining > 0 && f.matches(path));
    if (fault) {
      fault.remaining -= 1;
      failures += 1;
      beforeThrow?.(fault);
      throw fsError(fault.code, syscall, path);
    }
  };
  const pathOf = (fd: number): string => paths.get(fd) ?? `fd ${fd}`;

  const spies = [
    vi.spyOn(logFileOps, 'openSync').mockImplementation((path, flags, mode) => {
      check('open', String(path), 'open');
      const fd = real.openSync(path, flags, mode);
      paths.set(fd, String(path));
      return fd;
    }),
    vi.spyOn(logFileOps, 'closeSync').mockImplementation((fd) => {
      paths.delete(fd);
      real.closeSync(fd);
    }),
    vi.spyOn(logFileOps, 'writeSync').mockImplementation(((
      fd: number,
      buffer: Uint8Array,
      offset?: number,
    ) => {
      check('write', pathOf(fd), 'write', (fault) => {
        if (fault.partialBytes > 0) {
          real.writeSync(
            fd,
            buffer,
            offset ?? 0,
            Math.min(fault.partialBytes, buffer.byteLength - (offset ?? 0)),
          );
        }
      });
      return real.writeSync(fd, buffer, offset);
    }) as typeof logFileOps.writeSync),
    vi.spyOn(logFileOps, 'fdatasyncSync').mockImplementation((fd) => {
      check('fdatasync', pathOf(fd), 'fdatasync');
      real.fdatasyncSync(fd);
    }),
    vi.spyOn(logFileOps, 'fsyncSync').mockImplementation((fd) => {
      check('fsync', pathOf(fd), 'fsync');
      real.fsyncSync(fd);
    }),
    vi.spyOn(logFileOps, 'renameSync').mockImplementation((from, to) => {
      check('rename', String(to), 'rename');
      real.renameSync(from, to);
    }),
  ];

  return {
    fail(op, matches, code = 'ENOSPC', times = Infinity, partialBytes = 0) {
      faults.push({ op, matches, code, remaining: times, partialBytes });
    },
    heal() {
      faults.length = 0;
    },
    events,
    get failures() {
      return failures;
    },
    restore() {
      for (const spy of spies) {
        spy.mockRestore();
      }
    },
  };
}
