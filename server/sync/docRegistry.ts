import type * as Y from 'yjs';
import type { DocName } from '../../shared/docs/docName.js';
import type { CoreLogger } from '../core/coreTypes.js';
import type { DocStorage } from '../storage/docStorage.js';
import { DocWriteFailedError } from '../storage/docStore.js';
import { describeError } from '../storage/updateLog.js';
import { SharedDoc, type SharedDocEvents } from './sharedDoc.js';

/** How long a document with no connections stays in memory before it is compacted and freed. */
const IDLE_UNLOAD_MS = 30_000;

/** Hooks into the life of loaded documents (the pads' history recorder uses them). */
export interface DocLifecycle {
  /** A document was loaded; called before anyone uses it. */
  opened?(shared: SharedDoc): void;
  /** A user gave a document back; `users` are those left. */
  released?(shared: SharedDoc, users: number): void;
  /** A document was compacted and is about to be freed. */
  closing?(shared: SharedDoc): void;
}

/** Options of a {@link DocRegistry}. */
export interface DocRegistryOptions {
  /** Where storage faults and recoveries are logged (default: the console). */
  logger?: CoreLogger;
  /** How long an unused document stays loaded (default 30 s; tests use less). */
  idleUnloadMs?: number;
}

/**
 * The documents currently in memory. Each is loaded once, shared by every connection and by the
 * HTTP API, and unloaded a while after its last user leaves.
 *
 * Storage faults: a document whose log cannot be written is *failed* (see SharedDoc). It is listed
 * in the store's problems (`GET /api/health`), {@link acquire} and {@link change} refuse it with
 * {@link DocWriteFailedError}, it stays in memory (it is not unloaded while its edits are not on
 * disk), and {@link flushAll} (the core's 1-second timer) retries writing its whole state until
 * that works. Nothing here throws out of a timer.
 */
export class DocRegistry {
  private readonly docs = new Map<DocName, SharedDoc>();
  private readonly users = new Map<DocName, number>();
  private readonly unloadTimers = new Map<DocName, NodeJS.Timeout>();
  private readonly lifecycles: DocLifecycle[] = [];
  private readonly logger: CoreLogger;
  private readonly events: SharedDocEvents;

  private readonly preparing = new Map<DocName, Promise<void>>();

  constructor(
    private readonly store: DocStorage,
    private readonly options: DocRegistryOptions = {},
  ) {
    this.logger = options.logger ?? console;
    this.events = {
      failed: (_shared, problem) => {
        this.store.reportWriteFailure(problem);
        this.logger.error(problem.message);
      },
      recovered: (shared) => {
        this.store.clearWriteFailure(shared.name);
        this.logger.info(`"${shared.name}" is written again: its whole state is on disk.`);
      },
    };
  }

  /** Adds lifecycle hooks; returns a function that removes them. */
  observe(lifecycle: DocLifecycle): () => void {
    this.lifecycles.push(lifecycle);
    return () => {
      const i = this.lifecycles.indexOf(lifecycle);
      if (i !== -1) {
        this.lifecycles.splice(i, 1);
      }
    };
  }

  /** How many documents are in memory right now. */
  loadedCount(): number {
    return this.docs.size;
  }

  /** Whether a document is in memory right now. */
  isLoaded(name: DocName): boolean {
    return this.docs.has(name);
  }

  /**
   * Takes a document for use (loading it if needed); pair every call with {@link release}.
   * Throws {@link DocWriteFailedError} while the document cannot be written.
   */
  acquire(name: DocName): SharedDoc {
    return this.take(name, true);
  }

  /**
   * Loads documents ahead of synchronous use where storage needs that (PostgreSQL: the HTTP and
   * upgrade handlers call this before they read); a stored document is then kept loaded like one
   * whose last user left. Documents already loaded, and the workspace folder, cost nothing. Rejects
   * when storage cannot be read.
   */
  async prepare(names: Iterable<DocName>): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const name of new Set(names)) {
      if (this.docs.has(name)) {
        continue;
      }
      let pending = this.preparing.get(name);
      if (!pending) {
        pending = this.store.prepare(name).then((stored) => {
          if (stored && !this.docs.has(name)) {
            this.open(name);
            this.users.delete(name);
            this.scheduleUnload(name);
          }
        });
        const started = pending;
        void started
          .finally(() => {
            if (this.preparing.get(name) === started) {
              this.preparing.delete(name);
            }
          })
          .catch(() => undefined);
        this.preparing.set(name, pending);
      }
      waits.push(pending);
    }
    await Promise.all(waits);
  }

  /** Whether a document is stored (or loaded): read-only links never create documents. */
  exists(name: DocName): boolean {
    return this.docs.has(name) || this.store.exists(name);
  }

  /** Resolves once every change so far is durable (see DocStorage.settle). */
  settle(): Promise<void> {
    return this.store.settle();
  }

  private take(name: DocName, refuseFailed: boolean): SharedDoc {
    const shared = this.docs.get(name);
    if (shared?.failure && refuseFailed) {
      throw new DocWriteFailedError(shared.failure);
    }
    const timer = this.unloadTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(name);
    }
    if (!shared) {
      return this.open(name);
    }
    this.users.set(name, (this.users.get(name) ?? 0) + 1);
    return shared;
  }

  /** Opens a document for its first user (the lifecycle hooks run before anyone uses it). */
  private open(name: DocName): SharedDoc {
    const { doc, log, peers } = this.store.open(name, { gc: gcFor(name) });
    const shared = new SharedDoc(name, doc, log, this.events, peers);
    this.docs.set(name, shared);
    this.users.set(name, 1);
    for (const lifecycle of this.lifecycles) {
      lifecycle.opened?.(shared);
    }
    return shared;
  }

  /**
   * Gives a document back. What its user wrote is made durable first (fdatasync of the document
   * and, through the lifecycle hooks, of its pad history), so an HTTP route that writes between
   * acquire and release answers after the data is on disk; a failing sync marks the document
   * failed. The last release schedules its unload. Never throws.
   */
  release(name: DocName): void {
    const count = (this.users.get(name) ?? 1) - 1;
    this.users.set(name, count);
    const loaded = this.docs.get(name);
    if (loaded) {
      loaded.flush();
      for (const lifecycle of this.lifecycles) {
        try {
          lifecycle.released?.(loaded, count);
        } catch (error) {
          this.logger.error(`A hook after releasing "${name}" failed: ${describeError(error)}`);
        }
      }
    }
    if (count > 0) {
      return;
    }
    this.users.delete(name);
    this.scheduleUnload(name);
  }

  private scheduleUnload(name: DocName): void {
    if (this.unloadTimers.has(name)) {
      return;
    }
    this.unloadTimers.set(
      name,
      setTimeout(() => {
        this.unloadTimers.delete(name);
        this.closeDoc(name, false);
      }, this.options.idleUnloadMs ?? IDLE_UNLOAD_MS).unref(),
    );
  }

  /**
   * Runs `change` on a document inside one transaction (for the HTTP API and the CLI) and returns
   * once the change is durable (fdatasync); throws {@link DocWriteFailedError} if it cannot be written.
   */
  change<T>(name: DocName, change: (doc: Y.Doc) => T): T {
    const shared = this.acquire(name);
    try {
      let result!: T;
      shared.doc.transact(() => {
        result = change(shared.doc);
      }, 'core');
      shared.makeDurable();
      return result;
    } finally {
      this.release(name);
    }
  }

  /** Reads a document without changing it (also while it cannot be written: memory holds it all). */
  read<T>(name: DocName, read: (doc: Y.Doc) => T): T {
    const shared = this.take(name, false);
    try {
      return read(shared.doc);
    } finally {
      this.release(name);
    }
  }

  /**
   * Flushes every loaded document to stable storage, and retries writing the whole state of each
   * failed one (a recovered one that nobody uses is unloaded later). Never throws.
   */
  flushAll(): void {
    for (const [name, shared] of this.docs) {
      if (!shared.failure) {
        shared.flush();
      } else if (shared.recover() && !this.users.has(name)) {
        this.scheduleUnload(name);
      }
    }
  }

  /** Names of the loaded documents that cannot be written right now. */
  failedDocs(): DocName[] {
    return [...this.docs.values()].filter((shared) => shared.failure).map((shared) => shared.name);
  }

  /** Compacts and closes every loaded document. Never throws; a document that cannot be written is logged. */
  closeAll(): void {
    for (const timer of this.unloadTimers.values()) {
      clearTimeout(timer);
    }
    this.unloadTimers.clear();
    for (const name of [...this.docs.keys()]) {
      this.closeDoc(name, true);
    }
    this.users.clear();
  }

  /**
   * Compacts and frees a document. If compaction fails, an unload keeps the document in memory
   * (failed, retried by {@link flushAll}); the final close at shutdown frees it anyway and logs
   * what could not be written.
   */
  private closeDoc(name: DocName, final: boolean): void {
    const shared = this.docs.get(name);
    if (!shared) {
      return;
    }
    if (!shared.persist() && !final) {
      this.logger.warn(`"${name}" stays in memory until its changes can be written.`);
      return;
    }
    for (const lifecycle of this.lifecycles) {
      try {
        lifecycle.closing?.(shared);
      } catch (error) {
        this.logger.error(`A hook before closing "${name}" failed: ${describeError(error)}`);
      }
    }
    const lost = shared.failure;
    try {
      shared.close();
    } catch (error) {
      this.logger.error(`Closing the log of "${name}" failed: ${describeError(error)}`);
    }
    this.docs.delete(name);
    if (lost) {
      this.logger.error(
        `Edits to "${name}" since its last successful write could not be saved: ${lost.message}`,
      );
    }
  }
}

/** Notes pads keep deleted content for their history (timeslider); other documents collect it. */
function gcFor(name: DocName): boolean {
  return !name.startsWith('pad/');
}
