import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { BundleEntry, BundleFile } from './bundleTypes.js';
import { sha256 } from './metadata.js';

const SPOOL_PREFIX = '.mitschrift-bundle-';
const SPOOL_PID = /^\.mitschrift-bundle-(\d+)-/;

/** Whether a process with this id runs (on this machine: the spool folders are local). */
function processRuns(pid: number): boolean {
  if (pid === process.pid) {
    return true;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Where a bundle's files wait between being made and being zipped, moved into place or uploaded:
 * a private folder on disk (inside the workspace or beside the output, never a RAM-backed tmpfs),
 * so an event of 25 sessions with 300-dpi sketchnotes and photos (a gigabyte of files) never sits
 * in memory. Each file is written as soon as it is made; only its path, size and SHA-256 stay.
 */
export class BundleSpool {
  private constructor(readonly dir: string) {}

  /**
   * A new, empty spool folder inside `parent` (created, mode 0700), named after this process
   * (`.mitschrift-bundle-<pid>-…`) so that a later run can tell it was left behind.
   */
  static create(parent: string): BundleSpool {
    mkdirSync(parent, { recursive: true, mode: 0o700 });
    return new BundleSpool(mkdtempSync(join(parent, `${SPOOL_PREFIX}${process.pid}-`)));
  }

  /**
   * Removes spool folders in `parent` left by processes that no longer run (a publish or export
   * killed half-way); the folders of running ones stay. Returns how many were removed.
   */
  static removeStale(parent: string): number {
    let names: string[];
    try {
      names = readdirSync(parent);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      const pid = SPOOL_PID.exec(name)?.[1];
      if (pid !== undefined && !processRuns(Number(pid))) {
        rmSync(join(parent, name), { recursive: true, force: true });
        removed += 1;
      }
    }
    return removed;
  }

  /** A spool folder another thread created (the bundle worker writes into the caller's). */
  static at(dir: string): BundleSpool {
    return new BundleSpool(dir);
  }

  private fileOf(path: string): string {
    const parts = path.split('/');
    if (parts.some((part) => part === '' || part === '.' || part === '..')) {
      throw new Error(`A bundle file path must be relative and plain, not "${path}".`);
    }
    return join(this.dir, ...parts);
  }

  /** Writes a made file to disk; answers what stays of it in memory. */
  add(file: BundleFile): BundleEntry {
    const target = this.fileOf(file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.bytes);
    return {
      path: file.path,
      mediaType: file.mediaType,
      title: file.title,
      ...(file.sessionId === undefined ? {} : { sessionId: file.sessionId }),
      size: file.bytes.byteLength,
      sha256: sha256(file.bytes),
    };
  }

  /** A spooled file's bytes. */
  read(entry: Pick<BundleEntry, 'path'>): Uint8Array {
    return readFileSync(this.fileOf(entry.path));
  }

  /** Moves the whole folder to `out` (same file system: the CLI spools beside its output). */
  moveTo(out: string): void {
    rmSync(out, { recursive: true, force: true });
    renameSync(this.dir, out);
  }

  /** Deletes the folder and everything in it. */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
