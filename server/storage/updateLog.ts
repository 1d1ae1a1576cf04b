import {
  closeSync,
  fdatasyncSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * The on-disk form of one Yjs document: an append-only log of Yjs updates.
 *
 *   file   = MAGIC record*
 *   record = u32le flags|length, u32le checksum, payload
 *
 * The top bit of the length word marks a record as *continued*: its payload and the following
 * records' up to the next one without the bit are one update, joined before it is applied. So an
 * update larger than the per-record limit (a big sketchnote's compacted state) is written as
 * several records of at most {@link DEFAULT_MAX_RECORD_BYTES}, and every record stays far below
 * the {@link MAX_RECORD_BYTES} the reader accepts. The checksum is crc32(payload), xor'ed with
 * {@link CONTINUED_CHECKSUM_MASK} for a continued record, so a flipped flag bit reads as damage.
 * Older versions refuse a file with continued records (length too large) instead of misreading it.
 *
 * Appends are written with a synchronous write() before the update is broadcast, so a process
 * crash (kill -9) cannot lose an update anyone has seen; fdatasync follows within
 * {@link SYNC_INTERVAL_MS} so a power cut loses at most that window. Compaction rewrites the file
 * via a temp file and an atomic rename, keeping the old file open until the new one is in place.
 */
export const MAGIC = Buffer.from('MSYLOG01', 'latin1');
const HEADER_BYTES = 8;
const RECORD_HEADER_BYTES = 8;
const CONTINUED_FLAG = 0x8000_0000;
const LENGTH_MASK = 0x7fff_ffff;
/** Xor'ed into the checksum of a continued record (see the file format above). */
const CONTINUED_CHECKSUM_MASK = 0x5a5a_5a5a;

/** Longest a written update may wait for fdatasync. */
const SYNC_INTERVAL_MS = 50;

/** A record longer than this is taken as a damaged length field, not as data. */
const MAX_RECORD_BYTES = 256 * 1024 * 1024;

/** Largest payload the writers put into one record; a longer update is split into continued records. */
const DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

/**
 * The file operations the logs use, in one object so tests can inject real-looking faults
 * (`vi.spyOn(logFileOps, 'writeSync')` throwing ENOSPC); production code always calls through it.
 */
export const logFileOps = {
  openSync,
  writeSync,
  fsyncSync,
  fdatasyncSync,
  ftruncateSync,
  fstatSync,
  closeSync,
  renameSync,
  unlinkSync,
};

/** How a log is written. */
export interface LogWriteOptions {
  /** Largest payload of one record (default {@link DEFAULT_MAX_RECORD_BYTES}); tests use small ones. */
  maxRecordBytes?: number;
}

/** Why a log could not be read whole. */
export class UpdateLogError extends Error {
  /** `truncated`: the tail is cut off (a torn write); `corrupted`: damage before the tail. */
  readonly kind: 'truncated' | 'corrupted';
  readonly file: string;
  /** Byte offset where the damage starts. */
  readonly offset: number;
  constructor(kind: 'truncated' | 'corrupted', file: string, offset: number, reason: string) {
    super(`${file}: ${kind} at byte ${offset} (${reason})`);
    this.name = 'UpdateLogError';
    this.kind = kind;
    this.file = file;
    this.offset = offset;
  }
}

/** The result of reading a log: every intact update, and where the intact part ends. */
export interface ParsedLog {
  updates: Uint8Array[];
  /** Bytes of the intact prefix (header and whole updates). */
  validBytes: number;
  /** Set when the file ends in a partial update: the intact prefix is still usable. */
  truncation?: UpdateLogError;
}

function checksumOf(payload: Uint8Array, continued: boolean): number {
  const sum = crc32(payload);
  return continued ? (sum ^ CONTINUED_CHECKSUM_MASK) >>> 0 : sum;
}

/**
 * Parses a log's bytes. A cut-off last update (also one whose continued records end early) is
 * reported as `truncation` (the rest is usable); a bad header or a checksum mismatch before the
 * end throws a `corrupted` {@link UpdateLogError}.
 */
export function parseLog(bytes: Uint8Array, file: string): ParsedLog {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < HEADER_BYTES) {
    if (MAGIC.subarray(0, buf.length).equals(buf)) {
      return {
        updates: [],
        validBytes: 0,
        truncation: new UpdateLogError('truncated', file, 0, 'header cut off'),
      };
    }
    throw new UpdateLogError('corrupted', file, 0, 'not a Mitschrift store file');
  }
  if (!buf.subarray(0, HEADER_BYTES).equals(MAGIC)) {
    throw new UpdateLogError('corrupted', file, 0, 'not a Mitschrift store file (wrong header)');
  }
  const updates: Uint8Array[] = [];
  /** Payloads of the continued records read so far, and where the first of them starts. */
  let pieces: Buffer[] = [];
  let updateStart = HEADER_BYTES;
  const cutOff = (reason: string): ParsedLog => ({
    updates,
    validBytes: updateStart,
    truncation: new UpdateLogError('truncated', file, updateStart, reason),
  });
  let offset = HEADER_BYTES;
  while (offset < buf.length) {
    if (buf.length - offset < RECORD_HEADER_BYTES) {
      return cutOff('record header cut off');
    }
    const word = buf.readUInt32LE(offset);
    const continued = (word & CONTINUED_FLAG) !== 0;
    const length = word & LENGTH_MASK;
    const checksum = buf.readUInt32LE(offset + 4);
    if (length > MAX_RECORD_BYTES) {
      throw new UpdateLogError('corrupted', file, offset, `record length ${length} is impossible`);
    }
    const end = offset + RECORD_HEADER_BYTES + length;
    if (end > buf.length) {
      return cutOff('last record cut off');
    }
    const payload = buf.subarray(offset + RECORD_HEADER_BYTES, end);
    if (checksumOf(payload, continued) !== checksum) {
      // A bad checksum on the very last record is a torn write; anywhere else it is damage.
      if (end === buf.length) {
        return cutOff('last record incomplete (checksum mismatch)');
      }
      throw new UpdateLogError('corrupted', file, offset, 'checksum mismatch');
    }
    pieces.push(payload);
    offset = end;
    if (!continued) {
      updates.push(new Uint8Array(pieces.length === 1 ? payload : Buffer.concat(pieces)));
      pieces = [];
      updateStart = offset;
    }
  }
  if (pieces.length > 0) {
    return cutOff('last update cut off (its continued records end early)');
  }
  return { updates, validBytes: offset };
}

/** Encodes one record (`continued`: the update goes on in the next record). */
export function encodeRecord(payload: Uint8Array, continued = false): Buffer {
  if (payload.byteLength > LENGTH_MASK) {
    throw new RangeError(`A record of ${payload.byteLength} bytes cannot be encoded.`);
  }
  const record = Buffer.allocUnsafe(RECORD_HEADER_BYTES + payload.byteLength);
  record.writeUInt32LE((payload.byteLength | (continued ? CONTINUED_FLAG : 0)) >>> 0, 0);
  record.writeUInt32LE(checksumOf(payload, continued), 4);
  record.set(payload, RECORD_HEADER_BYTES);
  return record;
}

/** Encodes one update as one record, or as continued records of at most `maxRecordBytes` each. */
export function encodeUpdate(update: Uint8Array, maxRecordBytes = DEFAULT_MAX_RECORD_BYTES): Buffer {
  if (!Number.isInteger(maxRecordBytes) || maxRecordBytes < 1 || maxRecordBytes > MAX_RECORD_BYTES) {
    throw new RangeError(`The record limit must be 1 to ${MAX_RECORD_BYTES} bytes, not ${maxRecordBytes}.`);
  }
  if (update.byteLength <= maxRecordBytes) {
    return encodeRecord(update);
  }
  const records: Buffer[] = [];
  for (let start = 0; start < update.byteLength; start += maxRecordBytes) {
    const end = Math.min(start + maxRecordBytes, update.byteLength);
    records.push(encodeRecord(update.subarray(start, end), end < update.byteLength));
  }
  return Buffer.concat(records);
}

/** Reads and parses a log file. */
export function readLogFile(file: string): ParsedLog {
  return parseLog(readFileSync(file), file);
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.byteLength) {
    written += logFileOps.writeSync(fd, bytes, written);
  }
}

function closeQuietly(fd: number): void {
  try {
    logFileOps.closeSync(fd);
  } catch {
    // Closing after a failed write may report that failure again; it is already being handled.
  }
}

function removeQuietly(file: string): void {
  try {
    logFileOps.unlinkSync(file);
  } catch {
    // Already gone, or the folder refuses: a stale temp file is removed at the next start.
  }
}

/** The temp file a rewrite of `file` writes before renaming it into place. */
function tempFileFor(file: string): string {
  return `${file}.tmp-${process.pid}`;
}

/**
 * Writes a whole log to `file`'s temp file and fsyncs it; returns its size. On failure the temp
 * file is removed and the error thrown; `file` itself is never touched.
 */
function writeTempLog(file: string, updates: readonly Uint8Array[], options: LogWriteOptions): number {
  const temp = tempFileFor(file);
  let fd: number | undefined;
  try {
    fd = logFileOps.openSync(temp, 'w', 0o600);
    writeAll(fd, MAGIC);
    let size = MAGIC.length;
    for (const update of updates) {
      const bytes = encodeUpdate(update, options.maxRecordBytes);
      writeAll(fd, bytes);
      size += bytes.length;
    }
    logFileOps.fsyncSync(fd);
    logFileOps.closeSync(fd);
    fd = undefined;
    return size;
  } catch (error) {
    if (fd !== undefined) {
      closeQuietly(fd);
    }
    removeQuietly(temp);
    throw error;
  }
}

/** Writes a whole log (header and the given updates) to `file` atomically: temp file, fsync, rename. */
export function writeLogAtomically(
  file: string,
  updates: readonly Uint8Array[],
  options: LogWriteOptions = {},
): void {
  writeTempLog(file, updates, options);
  try {
    logFileOps.renameSync(tempFileFor(file), file);
  } catch (error) {
    removeQuietly(tempFileFor(file));
    throw error;
  }
  syncDirectory(dirname(file));
}

/** fsyncs a directory so a rename or a new file in it survives a power cut (not possible on Windows). */
export function syncDirectory(dir: string): void {
  if (process.platform === 'win32') {
    return;
  }
  const fd = logFileOps.openSync(dir, 'r');
  try {
    logFileOps.fsyncSync(fd);
  } finally {
    logFileOps.closeSync(fd);
  }
}

/**
 * Removes the temp files that rewrites of `<name><suffix>` files in `dir` leave behind when the
 * process dies mid-compaction (`<name><suffix>.tmp-<pid>`); call it only under the workspace lock,
 * when no rewrite can be running. Returns the removed names.
 */
export function removeStaleTempFiles(dir: string, suffix: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const pattern = new RegExp(`^.+${suffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.tmp-\\d+$`);
  const removed: string[] = [];
  for (const entry of entries) {
    if (pattern.test(entry)) {
      removeQuietly(join(dir, entry));
      removed.push(entry);
    }
  }
  return removed;
}

/** An open log that takes appends. */
export class UpdateLogWriter {
  private fd: number;
  /** Bytes of whole records in the file (where a failed append is cut back to). */
  private size: number;
  private unsynced = false;
  /** Set when a failed append left a partial record that could not be cut off: appends would follow garbage. */
  private broken: unknown;
  private syncTimer: NodeJS.Timeout | undefined;
  /** Bytes written since the file was last compacted. */
  bytesSinceCompaction = 0;
  recordsSinceCompaction = 0;
  /** Hears about a failed fdatasync of the timer (which must not throw); without it, it is logged. */
  onBackgroundError: ((error: unknown) => void) | undefined;

  constructor(
    readonly file: string,
    private readonly options: LogWriteOptions = {},
  ) {
    this.fd = logFileOps.openSync(file, 'a', 0o600);
    this.size = logFileOps.fstatSync(this.fd).size;
  }

  /**
   * Appends one update with a synchronous write and schedules fdatasync. If the write fails, the
   * partial record is cut off again (so the file stays a valid log) and the error is thrown.
   */
  append(update: Uint8Array): void {
    if (this.broken !== undefined) {
      throw new Error(
        `${this.file} cannot take appends since an earlier write failed (${describeError(this.broken)}); it needs a rewrite.`,
      );
    }
    const bytes = encodeUpdate(update, this.options.maxRecordBytes);
    try {
      writeAll(this.fd, bytes);
    } catch (error) {
      try {
        logFileOps.ftruncateSync(this.fd, this.size);
      } catch {
        this.broken = error;
      }
      throw error;
    }
    this.size += bytes.length;
    this.unsynced = true;
    this.bytesSinceCompaction += bytes.length;
    this.recordsSinceCompaction += 1;
    this.syncTimer ??= setTimeout(() => this.backgroundSync(), SYNC_INTERVAL_MS);
  }

  /** Whether records were written since the last fdatasync. */
  get hasUnsynced(): boolean {
    return this.unsynced;
  }

  /** Forces written records to stable storage now (nothing to do when nothing was written). */
  sync(): void {
    if (this.syncTimer) {
      clearTimeout(this.syncTimer);
      this.syncTimer = undefined;
    }
    if (!this.unsynced) {
      return;
    }
    logFileOps.fdatasyncSync(this.fd);
    this.unsynced = false;
  }

  private backgroundSync(): void {
    this.syncTimer = undefined;
    try {
      this.sync();
    } catch (error) {
      try {
        if (this.onBackgroundError) {
          this.onBackgroundError(error);
        } else {
          console.error(`fdatasync of ${this.file} failed: ${describeError(error)}`);
        }
      } catch {
        // A timer must never throw: that would end the process.
      }
    }
  }

  /**
   * Replaces the whole log with `updates` (usually one merged state) and goes on appending to the
   * new file. The old file stays open and in use until the new one is written, fsynced and renamed
   * into place; if any of that fails, the temp file is removed, the old log is unchanged and the
   * error is thrown.
   */
  rewrite(updates: readonly Uint8Array[]): void {
    const size = writeTempLog(this.file, updates, this.options);
    try {
      logFileOps.renameSync(tempFileFor(this.file), this.file);
    } catch (error) {
      removeQuietly(tempFileFor(this.file));
      throw error;
    }
    // The new file is in place: appends must go there from now on.
    let fd: number;
    try {
      fd = logFileOps.openSync(this.file, 'a', 0o600);
    } catch (error) {
      // The open descriptor belongs to the replaced file; appends to it would be lost.
      this.broken = error;
      throw error;
    }
    const old = this.fd;
    this.fd = fd;
    this.size = size;
    this.unsynced = false;
    this.broken = undefined;
    this.bytesSinceCompaction = 0;
    this.recordsSinceCompaction = 0;
    closeQuietly(old);
    syncDirectory(dirname(this.file));
  }

  /** Syncs and closes the file; the descriptor is closed even when the sync fails (then it throws). */
  close(): void {
    try {
      this.sync();
    } finally {
      closeQuietly(this.fd);
    }
  }
}

/** A short description of a file-system error: its code and message. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}
