import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const LOCK_FILE = 'mitschrift.lock';

const lockContentSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  origin: z.string().optional(),
  since: z.string(),
});
/** What the lock file says about the process that holds a workspace. */
export type LockContent = z.infer<typeof lockContentSchema>;

/** Another live process holds the workspace. */
export class WorkspaceLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockContent,
  ) {
    super(
      `The workspace ${dataDir} is in use by another Mitschrift process (pid ${holder.pid} on ${holder.host}` +
        `${holder.origin ? `, ${holder.origin}` : ''}, since ${holder.since}). Stop that process or use another --data folder.`,
    );
    this.name = 'WorkspaceLockedError';
  }
}

/** A held workspace lock. */
export interface WorkspaceLock {
  /** Records the core's address in the lock, so other commands can say where the workspace is served. */
  setOrigin(origin: string): void;
  release(): void;
}

/**
 * Takes the workspace's lock file, so two processes never write one workspace at once. A lock left
 * by a process that no longer runs on this host (after a crash) is taken over.
 */
export function lockWorkspace(dataDir: string): WorkspaceLock {
  const file = join(dataDir, LOCK_FILE);
  const content: LockContent = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(content));
      closeSync(fd);
      return {
        setOrigin(origin) {
          content.origin = origin;
          const fd2 = openSync(file, 'w', 0o600);
          writeSync(fd2, JSON.stringify(content));
          closeSync(fd2);
        },
        release() {
          try {
            unlinkSync(file);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
      const holder = readHolder(file);
      if (holder && holder.host === hostname() && isAlive(holder.pid)) {
        throw new WorkspaceLockedError(dataDir, holder);
      }
      if (holder && holder.host !== hostname()) {
        throw new WorkspaceLockedError(dataDir, holder);
      }
      // Stale (the holder died) or unreadable (it died while writing): take it over.
      try {
        unlinkSync(file);
      } catch {
        // Someone else removed it first; try again.
      }
    }
  }
  throw new Error(`Could not take the lock ${file}: it keeps changing.`);
}

/**
 * The live process on this host that holds the workspace (with its core's address once it listens),
 * or undefined: for commands that work beside a running core instead of refusing.
 */
export function workspaceHolder(dataDir: string): LockContent | undefined {
  const holder = readHolder(join(dataDir, LOCK_FILE));
  return holder && holder.host === hostname() && isAlive(holder.pid) ? holder : undefined;
}

function readHolder(file: string): LockContent | undefined {
  try {
    const parsed = lockContentSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
