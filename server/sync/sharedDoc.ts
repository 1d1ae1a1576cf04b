import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { StoreProblem } from '../../shared/api/contract.js';
import type { DocName } from '../../shared/docs/docName.js';
import { DocWriteFailedError } from '../storage/docStore.js';
import { JoinCache } from './joinCache.js';
import { Outbox } from './outbox.js';
import type { DocJournal, DocPeers, PeerTarget } from '../storage/docStorage.js';
import { describeError } from '../storage/updateLog.js';

/** Compact a log once it holds this many records since the last compaction... */
const COMPACT_AFTER_RECORDS = 2000;
/** ...or this many bytes. */
const COMPACT_AFTER_BYTES = 8 * 1024 * 1024;

/** First wait before writing a failed document's state again; it doubles with every failed try... */
const RECOVERY_FIRST_DELAY_MS = 1_000;
/** ...up to this (encoding a large document's whole state each second would be wasted work). */
const RECOVERY_MAX_DELAY_MS = 5_000;

/** Transaction origin of what another node committed (scale-out): shown here, never stored or sent again. */
const REMOTE_ORIGIN = Symbol('remote node');

/** WebSocket close code when a document's changes cannot be written (disk full, I/O error). */
export const CLOSE_WRITE_FAILED = 4503;

/** What the owner of a SharedDoc hears about its storage (the registry: log lines, health problems). */
export interface SharedDocEvents {
  /** Writing failed; the document now refuses connections and changes until it recovers. */
  failed(shared: SharedDoc, problem: StoreProblem & { doc: DocName }, error: unknown): void;
  /** The whole state was written again; the document works normally. */
  recovered(shared: SharedDoc): void;
}

/**
 * One document in memory: its Y.Doc, its awareness (carets, names) and its connections.
 * Every update is appended to the log BEFORE it is broadcast, so nothing another client has seen
 * can be lost by a crash.
 *
 * If writing fails (disk full, I/O error), the document is *failed*: the update that could not be
 * written is not broadcast, every connection is closed with {@link CLOSE_WRITE_FAILED} and the
 * reason, and new ones are refused (the registry checks {@link failure}). Nothing is lost: the
 * Y.Doc holds every edit, the clients keep theirs, and {@link recover} writes the whole state to a
 * fresh log once writing works again; clients then reconnect and sync what they had. The `update`
 * handler never throws: an exception there would stop Yjs from ever emitting `update` again.
 *
 * Scale-out (`peers`): the journal is PostgreSQL, whose append settles when the update is committed;
 * only then is it broadcast, here and to the other nodes through Redis. What other nodes committed
 * arrives with {@link REMOTE_ORIGIN} and is only shown to this node's connections.
 */
export class SharedDoc implements PeerTarget {
  readonly awareness: awarenessProtocol.Awareness;
  /** Each connection with the awareness client ids it controls. */
  readonly connections = new Map<WebSocket, Set<number>>();
  /** The read-only connections among them: they get updates once per frame and share no presence. */
  readonly viewers = new Set<WebSocket>();
  /** What goes out to the connections, merged per connection (server/sync/outbox.ts). */
  readonly outbox: Outbox;
  /** The state encoded once for many joiners (server/sync/joinCache.ts). */
  readonly joins: JoinCache;
  private failed: (StoreProblem & { doc: DocName }) | undefined;
  private recoveryDelayMs = 0;
  private nextRecoveryAt = 0;
  /** A whole-state write of a failed document that has not settled yet (PostgreSQL). */
  private recovering: Promise<void> | undefined;

  constructor(
    readonly name: DocName,
    readonly doc: Y.Doc,
    private readonly log: DocJournal,
    private readonly events?: SharedDocEvents,
    private readonly peers?: DocPeers,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.outbox = new Outbox(this);
    this.joins = new JoinCache(doc);
    this.log.onBackgroundError = (error) => this.fail(error);
    doc.on('update', this.onUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    peers?.attach(this);
  }

  /** An update another node committed: applied and shown to this node's connections. */
  applyRemoteUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    if (this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null) {
      this.peers?.gap();
    }
  }

  /** Presence of another node's clients. */
  applyRemoteAwareness(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
  }

  /** Why the document cannot be written right now, or undefined when it can. */
  get failure(): (StoreProblem & { doc: DocName }) | undefined {
    return this.failed;
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === REMOTE_ORIGIN) {
      // Already durable where it was made; only this node's connections need it.
      this.broadcast(update, origin);
      return;
    }
    if (this.failed) {
      // Kept in memory; recover() writes the whole state.
      return;
    }
    let written: void | Promise<void>;
    try {
      written = this.log.append(update);
      if (
        this.log.recordsSinceCompaction >= COMPACT_AFTER_RECORDS ||
        this.log.bytesSinceCompaction >= COMPACT_AFTER_BYTES
      ) {
        this.compact();
      }
    } catch (error) {
      this.fail(error);
      return;
    }
    if (written === undefined) {
      this.deliver(update, origin);
      return;
    }
    // Nobody sees an update before it is committed: that is what makes it acknowledged.
    written.then(
      () => this.deliver(update, origin),
      (error: unknown) => this.fail(error),
    );
  };

  /** Shows a durable update to this node's other connections and to the other nodes. */
  private deliver(update: Uint8Array, origin: unknown): void {
    if (this.failed) {
      return;
    }
    this.broadcast(update, origin);
    this.peers?.publishUpdate(update);
  }

  /** Queues an update for this node's connections (merged per connection, see Outbox). */
  private broadcast(update: Uint8Array, origin: unknown): void {
    this.joins.noteUpdate(update);
    this.outbox.update(update, origin);
  }

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    const controlled = origin instanceof Object ? this.connections.get(origin as WebSocket) : undefined;
    if (controlled) {
      for (const id of changes.added) {
        controlled.add(id);
      }
      for (const id of changes.removed) {
        controlled.delete(id);
      }
    }
    this.outbox.awareness(changed);
    if (this.peers && origin !== REMOTE_ORIGIN) {
      this.peers.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    }
  };

  /**
   * Rewrites the log as one merged update; throws if that fails (the old log then stays in use).
   * A journal that writes in the background (PostgreSQL) returns the write, and a failure of it
   * marks the document failed.
   */
  compact(): void | Promise<void> {
    const written = this.log.rewrite([Y.encodeStateAsUpdate(this.doc)]);
    written?.catch((error: unknown) => this.fail(error));
    return written;
  }

  /**
   * Marks the document failed (once): closes every connection with the reason and tells the owner.
   * Never throws.
   */
  fail(error: unknown): void {
    if (this.failed) {
      return;
    }
    const code = errorCode(error);
    this.failed = {
      file: this.log.file,
      doc: this.name,
      kind: 'write-failed',
      message:
        `Speichern fehlgeschlagen / storage write failed (${this.name}): ${describeError(error)}. ` +
        'Its edits are kept in memory and written as soon as the disk takes them again; ' +
        'until then its connections are closed.',
    };
    this.outbox.clear();
    this.joins.drop();
    this.recoveryDelayMs = RECOVERY_FIRST_DELAY_MS / 2;
    this.nextRecoveryAt = 0;
    const reason = closeReason(`Speichern fehlgeschlagen / storage write failed: ${code}`);
    for (const conn of this.connections.keys()) {
      try {
        conn.close(CLOSE_WRITE_FAILED, reason);
      } catch {
        conn.terminate();
      }
    }
    try {
      this.events?.failed(this, this.failed, error);
    } catch {
      // Reporting must not turn a storage fault into a crash.
    }
  }

  /**
   * Writes the whole state to a fresh log if the document is failed; on success it works normally
   * again. Tries at most every 1 to 5 seconds (backing off while it keeps failing) unless `force`.
   * Returns whether the document can be written now. Never throws.
   */
  recover(options: { force?: boolean; now?: number } = {}): boolean {
    if (!this.failed) {
      return true;
    }
    const now = options.now ?? Date.now();
    if (this.recovering || (!options.force && now < this.nextRecoveryAt)) {
      return false;
    }
    const backOff = (): void => {
      this.recoveryDelayMs = Math.min(this.recoveryDelayMs * 2, RECOVERY_MAX_DELAY_MS);
      this.nextRecoveryAt = now + this.recoveryDelayMs;
    };
    let written: void | Promise<void>;
    try {
      written = this.log.rewrite([Y.encodeStateAsUpdate(this.doc)]);
    } catch {
      backOff();
      return false;
    }
    if (written !== undefined) {
      // PostgreSQL: the document works again once the whole state is committed (a later call says so).
      const pending = written.then(
        () => this.recovered(),
        () => backOff(),
      );
      this.recovering = pending;
      void pending.finally(() => {
        if (this.recovering === pending) {
          this.recovering = undefined;
        }
      });
      return false;
    }
    this.recovered();
    return true;
  }

  private recovered(): void {
    this.failed = undefined;
    try {
      this.events?.recovered(this);
    } catch {
      // As in fail().
    }
  }

  /**
   * Makes every change so far durable (fdatasync) before an HTTP answer confirms it; throws
   * {@link DocWriteFailedError} if the document is failed or the sync fails.
   */
  makeDurable(): void {
    if (!this.failed) {
      try {
        this.log.sync();
      } catch (error) {
        this.fail(error);
      }
    }
    if (this.failed) {
      throw new DocWriteFailedError(this.failed);
    }
  }

  /** Flushes written updates to stable storage; a failure marks the document failed. Never throws. */
  flush(): void {
    if (this.failed) {
      return;
    }
    try {
      this.log.sync();
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * Compacts the log before unloading; returns false (and marks the document failed) when that
   * fails, so the caller keeps it in memory. Never throws.
   */
  persist(): boolean {
    if (this.failed) {
      return this.recover({ force: true });
    }
    try {
      const written = this.log.rewrite([Y.encodeStateAsUpdate(this.doc)]);
      // PostgreSQL: every update was committed on its own already; the journal logs a failed compaction.
      written?.catch(() => undefined);
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    }
  }

  /** Closes the log and frees the document (after {@link persist}); throws if the final sync fails. */
  close(): void {
    this.outbox.clear();
    this.joins.drop();
    this.doc.off('update', this.onUpdate);
    this.peers?.close();
    this.awareness.destroy();
    this.doc.destroy();
    this.log.close();
  }
}

/** The error code of a file-system error (`ENOSPC`, `EIO`), or a short message. */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    return code;
  }
  return describeError(error).slice(0, 60);
}

/** WebSocket close reasons are limited to 123 bytes of UTF-8. */
function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > 123) {
    reason = reason.slice(0, -1);
  }
  return reason;
}
