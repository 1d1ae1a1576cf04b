import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { z } from 'zod';
import { revisionSourceSchema, type RevisionSource } from '../../shared/api/padContract.js';
import { UpdateLogWriter, readLogFile, syncDirectory, writeLogAtomically } from '../storage/updateLog.js';

/**
 * The history of one pad, kept beside the document in `<data>/pads/<padId>.revisions` — not in the
 * Yjs document, which would grow with it and carry it to every phone. The file has the same
 * framing as the document logs (server/storage/updateLog.ts: header, then length-prefixed,
 * CRC32-checked records, appended with a synchronous write and fdatasync'd within 50 ms).
 *
 * Each record is `varUint version, varString JSON meta, varUint8Array bytes`:
 * - a revision: meta {kind:'rev', rev, time, authors, source, fromRev?}, bytes = a Yjs snapshot
 *   (Y.encodeSnapshot) whose state vector is the pad's at that moment and whose delete set holds
 *   only the deletions since the previous revision. Delete sets only grow, so the revision's full
 *   snapshot is the union of the deltas so far; storing the whole delete set every time would make
 *   the file grow with the square of the session's length.
 * - a saved (named) revision: meta {kind:'saved', rev, label, time, by}, no bytes.
 *
 * The pad document is kept with gc:false, so `Y.createDocFromSnapshot` can rebuild any revision.
 */

const RECORD_VERSION = 1;

type DeleteSet = ReturnType<typeof Y.createDeleteSet>;
type DeleteItem = { clock: number; len: number };

const revisionMetaSchema = z.object({
  kind: z.literal('rev'),
  rev: z.number().int().nonnegative(),
  time: z.number().int().positive(),
  authors: z.array(z.string()),
  source: revisionSourceSchema,
  fromRev: z.number().int().nonnegative().optional(),
});

const savedMetaSchema = z.object({
  kind: z.literal('saved'),
  rev: z.number().int().nonnegative(),
  label: z.string(),
  time: z.number().int().positive(),
  by: z.string(),
});

/** One revision as stored. */
export interface RevisionEntry {
  rev: number;
  /** Milliseconds since 1970. */
  time: number;
  /** User ids of whoever changed the pad since the previous revision. */
  authors: string[];
  source: RevisionSource;
  fromRev?: number;
  /** The pad's state vector at this revision. */
  sv: Map<number, number>;
  /** Deletions since the previous revision. */
  dsDelta: DeleteSet;
}

/** A saved (named) revision. */
export interface SavedEntry {
  rev: number;
  label: string;
  time: number;
  by: string;
}

/** A revision file that cannot be read (beyond a cut-off tail, which is repaired). */
class RevisionLogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RevisionLogError';
  }
}

/** The file that holds a pad's revisions. */
export function revisionFileFor(dataDir: string, padId: string): string {
  return join(dataDir, 'pads', `${encodeURIComponent(padId)}.revisions`);
}

function encodeRecord(meta: unknown, bytes: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, RECORD_VERSION);
  encoding.writeVarString(encoder, JSON.stringify(meta));
  encoding.writeVarUint8Array(encoder, bytes);
  return encoding.toUint8Array(encoder);
}

function decodeRecord(payload: Uint8Array): { meta: unknown; bytes: Uint8Array } {
  const decoder = decoding.createDecoder(payload);
  const version = decoding.readVarUint(decoder);
  if (version !== RECORD_VERSION) {
    throw new Error(`unknown record version ${version}`);
  }
  const meta: unknown = JSON.parse(decoding.readVarString(decoder));
  const bytes = decoding.readVarUint8Array(decoder);
  return { meta, bytes };
}

/** Deletions in `current` that are not in `previous` (both sorted and merged, as Yjs keeps them). */
export function deleteSetDelta(current: DeleteSet, previous: DeleteSet): DeleteSet {
  const out = Y.createDeleteSet();
  for (const [client, items] of current.clients) {
    const before = (previous.clients.get(client) ?? []) as DeleteItem[];
    const delta: DeleteItem[] = [];
    let j = 0;
    for (const item of items as DeleteItem[]) {
      let start = item.clock;
      const end = item.clock + item.len;
      while (j < before.length && (before[j] as DeleteItem).clock + (before[j] as DeleteItem).len <= start) {
        j++;
      }
      let k = j;
      while (start < end) {
        const b = before[k];
        if (b === undefined || b.clock >= end) {
          delta.push({ clock: start, len: end - start });
          break;
        }
        if (b.clock > start) {
          delta.push({ clock: start, len: b.clock - start });
        }
        start = Math.max(start, b.clock + b.len);
        k++;
      }
    }
    if (delta.length > 0) {
      out.clients.set(client, delta as never);
    }
  }
  return out;
}

/** How a revision file is written. */
export interface RevisionLogOptions {
  /**
   * Runs before every record is written and may throw to refuse it: the core refuses while the
   * pad's document cannot be written, since a revision must not name state that is not on disk.
   */
  beforeWrite?: () => void;
  /** Hears about a failed fdatasync of the file's timer (default: the console). */
  onSyncError?: (error: unknown) => void;
}

/**
 * An open revision file: the revisions read so far plus appends. A failed append throws and
 * leaves the file and the revisions in memory as they were.
 */
export class RevisionLog {
  readonly revisions: RevisionEntry[] = [];
  readonly saved: SavedEntry[] = [];
  /** Every deletion up to the newest revision. */
  private cumulative: DeleteSet = Y.createDeleteSet();
  private writer: UpdateLogWriter | null = null;

  private constructor(
    readonly file: string,
    private readonly options: RevisionLogOptions,
  ) {}

  /**
   * Opens (creating the folder, not the file) and reads a pad's revisions. A cut-off last record
   * (torn write) is dropped and the file rewritten, the original kept as `*.damaged-<time>`;
   * `warn` hears about it. Other damage throws {@link RevisionLogError}.
   */
  static open(
    dataDir: string,
    padId: string,
    warn: (message: string) => void = () => undefined,
    options: RevisionLogOptions = {},
  ): RevisionLog {
    const file = revisionFileFor(dataDir, padId);
    mkdirSync(join(dataDir, 'pads'), { recursive: true, mode: 0o700 });
    const log = new RevisionLog(file, options);
    if (!existsSync(file)) {
      return log;
    }
    let parsed;
    try {
      parsed = readLogFile(file);
    } catch (error) {
      throw new RevisionLogError(`The history of pad "${padId}" cannot be read: ${(error as Error).message}`);
    }
    for (const payload of parsed.updates) {
      try {
        log.take(payload);
      } catch (error) {
        throw new RevisionLogError(
          `The history of pad "${padId}" has a record that cannot be read (${(error as Error).message}): ${file}`,
        );
      }
    }
    if (parsed.truncation) {
      const backup = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      copyFileSync(file, backup);
      writeLogAtomically(file, parsed.updates);
      warn(
        `${parsed.truncation.message}; the intact revisions were kept, the damaged file copied to ${backup}.`,
      );
    }
    return log;
  }

  private take(payload: Uint8Array): void {
    const { meta, bytes } = decodeRecord(payload);
    const kind = (meta as { kind?: unknown }).kind;
    if (kind === 'rev') {
      const m = revisionMetaSchema.parse(meta);
      if (m.rev !== this.revisions.length) {
        throw new Error(`revision ${m.rev} where ${this.revisions.length} was expected`);
      }
      const snapshot = Y.decodeSnapshot(bytes);
      this.cumulative = Y.mergeDeleteSets([this.cumulative, snapshot.ds]);
      this.revisions.push({
        rev: m.rev,
        time: m.time,
        authors: m.authors,
        source: m.source,
        ...(m.fromRev === undefined ? {} : { fromRev: m.fromRev }),
        sv: snapshot.sv,
        dsDelta: snapshot.ds,
      });
    } else if (kind === 'saved') {
      const m = savedMetaSchema.parse(meta);
      this.saved.push({ rev: m.rev, label: m.label, time: m.time, by: m.by });
    }
    // Unknown kinds (from a newer version) are skipped.
  }

  private append(payload: Uint8Array): void {
    this.options.beforeWrite?.();
    if (this.writer === null) {
      const created = !existsSync(this.file);
      if (created) {
        writeLogAtomically(this.file, []);
      }
      this.writer = new UpdateLogWriter(this.file);
      this.writer.onBackgroundError = this.options.onSyncError;
      if (created) {
        syncDirectory(join(this.file, '..'));
      }
    }
    this.writer.append(payload);
  }

  /** Records the document's current state as the next revision; returns its number. */
  addRevision(
    doc: Y.Doc,
    info: { time: number; authors: readonly string[]; source: RevisionSource; fromRev?: number },
  ): number {
    const full = Y.createDeleteSetFromStructStore(doc.store);
    const delta = deleteSetDelta(full, this.cumulative);
    const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
    const rev = this.revisions.length;
    const meta = {
      kind: 'rev' as const,
      rev,
      time: Math.max(1, Math.trunc(info.time)),
      authors: [...new Set(info.authors)],
      source: info.source,
      ...(info.fromRev === undefined ? {} : { fromRev: info.fromRev }),
    };
    this.append(encodeRecord(meta, Y.encodeSnapshot(Y.createSnapshot(delta, sv))));
    this.cumulative = Y.mergeDeleteSets([this.cumulative, delta]);
    this.revisions.push({ ...meta, authors: meta.authors, sv, dsDelta: delta });
    return rev;
  }

  /** Names a revision. */
  addSaved(entry: SavedEntry): void {
    const meta = { kind: 'saved' as const, ...entry };
    savedMetaSchema.parse(meta);
    this.append(encodeRecord(meta, new Uint8Array()));
    this.saved.push(entry);
  }

  /** The full Yjs snapshot of a revision. */
  snapshotAt(rev: number): Y.Snapshot {
    const entry = this.revisions[rev];
    if (entry === undefined) {
      throw new RangeError(`There is no revision ${rev}.`);
    }
    const ds = Y.mergeDeleteSets(this.revisions.slice(0, rev + 1).map((r) => r.dsDelta));
    return Y.createSnapshot(ds, entry.sv);
  }

  /** Forces appended records to stable storage. */
  flush(): void {
    this.writer?.sync();
  }

  /** Flushes and closes the file. */
  close(): void {
    this.writer?.close();
    this.writer = null;
  }
}
