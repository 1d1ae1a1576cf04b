import { closeSync, fdatasyncSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * The on-disk form of one Yjs document: an append-only log of Yjs updates.
 *
 *   file   = MAGIC record*
 *   record = u32le length, u32le crc32(payload), payload (a Yjs update)
 *
 * Appends are written with a synchronous write() before the update is broadcast, so a process
 * crash (kill -9) cannot lose an update anyone has seen; fdatasync follows within
 * {@link SYNC_INTERVAL_MS} so a power cut loses at most that window. Compaction rewrites the file
 * as one record via a temp file and an atomic rename.
 */
export const MAGIC = Buffer.from('MSYLOG01', 'latin1');
const HEADER_BYTES = 8;

/** Longest a written update may wait for fdatasync. */
export const SYNC_INTERVAL_MS = 50;

/** A record longer than this is taken as a damaged length field, not as data. */
const MAX_RECORD_BYTES = 256 * 1024 * 1024;

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

/** The result of reading a log: every intact record, and where the intact part ends. */
export interface ParsedLog {
  updates: Uint8Array[];
  /** Bytes of the intact prefix (header and whole records). */
  validBytes: number;
  /** Set when the file ends in a partial record: the intact prefix is still usable. */
  truncation?: UpdateLogError;
}

/**
 * Parses a log's bytes. A cut-off last record is reported as `truncation` (the rest is usable);
 * a bad header or a checksum mismatch before the end throws a `corrupted` {@link UpdateLogError}.
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
  let offset = HEADER_BYTES;
  while (offset < buf.length) {
    if (buf.length - offset < 8) {
      return {
        updates,
        validBytes: offset,
        truncation: new UpdateLogError('truncated', file, offset, 'record header cut off'),
      };
    }
    const length = buf.readUInt32LE(offset);
    const checksum = buf.readUInt32LE(offset + 4);
    if (length > MAX_RECORD_BYTES) {
      throw new UpdateLogError('corrupted', file, offset, `record length ${length} is impossible`);
    }
    const end = offset + 8 + length;
    if (end > buf.length) {
      return {
        updates,
        validBytes: offset,
        truncation: new UpdateLogError('truncated', file, offset, 'last record cut off'),
      };
    }
    const payload = buf.subarray(offset + 8, end);
    if (crc32(payload) !== checksum) {
      // A bad checksum on the very last record is a torn write; anywhere else it is damage.
      if (end === buf.length) {
        return {
          updates,
          validBytes: offset,
          truncation: new UpdateLogError(
            'truncated',
            file,
            offset,
            'last record incomplete (checksum mismatch)',
          ),
        };
      }
      throw new UpdateLogError('corrupted', file, offset, 'checksum mismatch');
    }
    updates.push(new Uint8Array(payload));
    offset = end;
  }
  return { updates, validBytes: offset };
}

/** Encodes one record. */
export function encodeRecord(update: Uint8Array): Buffer {
  const record = Buffer.allocUnsafe(8 + update.byteLength);
  record.writeUInt32LE(update.byteLength, 0);
  record.writeUInt32LE(crc32(update), 4);
  record.set(update, 8);
  return record;
}

/** Reads and parses a log file. */
export function readLogFile(file: string): ParsedLog {
  return parseLog(readFileSync(file), file);
}

/** Writes a whole log (header and the given updates) to `file` atomically: temp file, fsync, rename. */
export function writeLogAtomically(file: string, updates: readonly Uint8Array[]): void {
  const temp = `${file}.tmp-${process.pid}`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, MAGIC);
    for (const update of updates) {
      writeSync(fd, encodeRecord(update));
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  syncDirectory(dirname(file));
}

/** fsyncs a directory so a rename or a new file in it survives a power cut (not possible on Windows). */
export function syncDirectory(dir: string): void {
  if (process.platform === 'win32') {
    return;
  }
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** An open log that takes appends. */
export class UpdateLogWriter {
  private fd: number;
  private syncTimer: NodeJS.Timeout | undefined;
  /** Bytes written since the file was last compacted. */
  bytesSinceCompaction = 0;
  recordsSinceCompaction = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'a', 0o600);
  }

  /** Appends one update with a synchronous write and schedules fdatasync. */
  append(update: Uint8Array): void {
    const record = encodeRecord(update);
    let written = 0;
    while (written < record.length) {
      written += writeSync(this.fd, record, written);
    }
    this.bytesSinceCompaction += record.length;
    this.recordsSinceCompaction += 1;
    this.syncTimer ??= setTimeout(() => this.sync(), SYNC_INTERVAL_MS);
  }

  /** Forces written records to stable storage now. */
  sync(): void {
    if (this.syncTimer) {
      clearTimeout(this.syncTimer);
      this.syncTimer = undefined;
    }
    fdatasyncSync(this.fd);
  }

  /** Replaces the whole log with `updates` (usually one merged state) and reopens it for appends. */
  rewrite(updates: readonly Uint8Array[]): void {
    this.sync();
    closeSync(this.fd);
    writeLogAtomically(this.file, updates);
    this.fd = openSync(this.file, 'a', 0o600);
    this.bytesSinceCompaction = 0;
    this.recordsSinceCompaction = 0;
  }

  /** Syncs and closes the file. */
  close(): void {
    this.sync();
    closeSync(this.fd);
  }
}
