import type * as Y from 'yjs';
import type { DocName } from '../../shared/docs/docName.js';
import type { DocStore } from '../storage/docStore.js';
import { SharedDoc } from './sharedDoc.js';

/** How long a document with no connections stays in memory before it is compacted and freed. */
const IDLE_UNLOAD_MS = 30_000;

/** Hooks into the life of loaded documents (the pads' history recorder uses them). */
export interface DocLifecycle {
  /** A document was loaded; called before anyone uses it. */
  opened?(shared: SharedDoc): void;
  /** A user gave a document back; `users` are those left. */
  released?(shared: SharedDoc, users: number): void;
  /** A document is about to be compacted and freed. */
  closing?(shared: SharedDoc): void;
}

/**
 * The documents currently in memory. Each is loaded once, shared by every connection and by the
 * HTTP API, and unloaded a while after its last user leaves.
 */
export class DocRegistry {
  private readonly docs = new Map<DocName, SharedDoc>();
  private readonly users = new Map<DocName, number>();
  private readonly unloadTimers = new Map<DocName, NodeJS.Timeout>();
  private readonly lifecycles: DocLifecycle[] = [];

  constructor(private readonly store: DocStore) {}

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

  /** Whether a document is in memory right now. */
  isLoaded(name: DocName): boolean {
    return this.docs.has(name);
  }

  /** Takes a document for use (loading it if needed); pair every call with {@link release}. */
  acquire(name: DocName): SharedDoc {
    const timer = this.unloadTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(name);
    }
    let shared = this.docs.get(name);
    if (!shared) {
      const { doc, log } = this.store.open(name, { gc: gcFor(name) });
      shared = new SharedDoc(name, doc, log);
      this.docs.set(name, shared);
      this.users.set(name, 1);
      for (const lifecycle of this.lifecycles) {
        lifecycle.opened?.(shared);
      }
      return shared;
    }
    this.users.set(name, (this.users.get(name) ?? 0) + 1);
    return shared;
  }

  /** Gives a document back; the last release schedules its unload. */
  release(name: DocName): void {
    const count = (this.users.get(name) ?? 1) - 1;
    this.users.set(name, count);
    const loaded = this.docs.get(name);
    if (loaded) {
      for (const lifecycle of this.lifecycles) {
        lifecycle.released?.(loaded, count);
      }
    }
    if (count > 0) {
      return;
    }
    this.users.delete(name);
    this.unloadTimers.set(
      name,
      setTimeout(() => {
        this.unloadTimers.delete(name);
        this.closeDoc(name);
      }, IDLE_UNLOAD_MS).unref(),
    );
  }

  /** Runs `change` on a document inside one transaction (for the HTTP API and the CLI). */
  change<T>(name: DocName, change: (doc: Y.Doc) => T): T {
    const shared = this.acquire(name);
    try {
      let result!: T;
      shared.doc.transact(() => {
        result = change(shared.doc);
      }, 'core');
      return result;
    } finally {
      this.release(name);
    }
  }

  /** Reads a document without changing it. */
  read<T>(name: DocName, read: (doc: Y.Doc) => T): T {
    const shared = this.acquire(name);
    try {
      return read(shared.doc);
    } finally {
      this.release(name);
    }
  }

  /** Flushes every loaded document to stable storage. */
  flushAll(): void {
    for (const shared of this.docs.values()) {
      shared.flush();
    }
  }

  /** Compacts and closes every loaded document. */
  closeAll(): void {
    for (const timer of this.unloadTimers.values()) {
      clearTimeout(timer);
    }
    this.unloadTimers.clear();
    for (const name of [...this.docs.keys()]) {
      this.closeDoc(name);
    }
    this.users.clear();
  }

  private closeDoc(name: DocName): void {
    const shared = this.docs.get(name);
    if (!shared) {
      return;
    }
    for (const lifecycle of this.lifecycles) {
      lifecycle.closing?.(shared);
    }
    shared.close();
    this.docs.delete(name);
  }
}

/** Notes pads keep deleted content for their history (timeslider); other documents collect it. */
function gcFor(name: DocName): boolean {
  return !name.startsWith('pad/');
}
