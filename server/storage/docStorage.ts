import type * as Y from 'yjs';
import type { StoreProblem } from '../../shared/api/contract.js';
import type { DocName } from '../../shared/docs/docName.js';

/**
 * How a loaded document's changes are recorded. The workspace folder's log file
 * (`UpdateLogWriter`) and PostgreSQL (`server/scaleout/pgJournal.ts`) both fit.
 */
export interface DocJournal {
  /** Where the document is kept, for messages: a file, or `postgres:<doc>`. */
  readonly file: string;
  /** Hears about a write that failed outside a call (the log's fdatasync timer). */
  onBackgroundError: ((error: unknown) => void) | undefined;
  /** Records appended since the last {@link rewrite} (compaction is due after many). */
  readonly recordsSinceCompaction: number;
  /** Bytes appended since the last {@link rewrite}. */
  readonly bytesSinceCompaction: number;
  /**
   * Records one update. Returns nothing when it is written as far as this journal promises before
   * others may see it (the log file: written, fdatasync within 50 ms), or a promise that settles
   * once it is durable (PostgreSQL: committed). Throws or rejects when it cannot be written.
   */
  append(update: Uint8Array): void | Promise<void>;
  /** Replaces what is stored by these updates (a compaction); the same return contract as append. */
  rewrite(updates: readonly Uint8Array[]): void | Promise<void>;
  /** Makes every append durable now (the log file: fdatasync); throws if that fails. */
  sync(): void;
  /** Stops writing; pending durable writes still complete. */
  close(): void;
}

/** Messages from the same document on other nodes (scale-out), delivered to the loaded document. */
export interface PeerTarget {
  /** An update another node committed. */
  applyRemoteUpdate(update: Uint8Array): void;
  /** A presence update from a client of another node. */
  applyRemoteAwareness(update: Uint8Array): void;
}

/** How a loaded document tells the other nodes what changed; absent on a single node. */
export interface DocPeers {
  /** Sends an update this node made durable. */
  publishUpdate(update: Uint8Array): void;
  /** Sends a presence update of this node's clients. */
  publishAwareness(update: Uint8Array): void;
  /** Starts delivering other nodes' messages (those that arrived while loading first). */
  attach(target: PeerTarget): void;
  /**
   * A remote update could not be applied whole (Yjs keeps it pending: an earlier update is
   * missing, e.g. a node died between its commit and its publish); reads the stored state again.
   */
  gap(): void;
  /** Stops listening (the document is unloaded). */
  close(): void;
}

/** A loaded document with its journal (and, in scale-out, its link to the other nodes). */
export interface StoredDoc {
  doc: Y.Doc;
  log: DocJournal;
  peers?: DocPeers;
}

/**
 * Where the core keeps its documents: one workspace folder (`DocStore`, the default and the
 * desktop's) or PostgreSQL with Redis between nodes (`ScaleOutStorage`). Everything the registry
 * and the HTTP API ask of storage is here; both implementations are used through this interface.
 */
export interface DocStorage {
  /**
   * Loads a document and opens its journal. Synchronous: PostgreSQL needs {@link prepare} first
   * (otherwise the document opens empty and its stored content follows as a remote update).
   */
  open(name: DocName, options: { gc: boolean }): StoredDoc;
  /** Whether a document has been stored (read-only links never create one). */
  exists(name: DocName): boolean;
  /**
   * Reads a document ahead of synchronous use; resolves to whether it has stored content that
   * {@link open} will now return. The workspace folder reads on open and resolves false.
   */
  prepare(name: DocName): Promise<boolean>;
  /** Resolves once every update recorded so far is durable; rejects if one of them could not be. */
  settle(): Promise<void>;
  /** Damaged documents and documents that cannot be written right now. */
  problems(): StoreProblem[];
  /** Lists a document whose changes cannot be written (until {@link clearWriteFailure}). */
  reportWriteFailure(problem: StoreProblem & { doc: DocName }): void;
  /** A document that could not be written is written again. */
  clearWriteFailure(doc: DocName): void;
}
