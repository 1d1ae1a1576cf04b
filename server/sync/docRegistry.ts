import type * as Y from 'yjs';
import type { DocName } from '../../shared/docs/docName.js';
import type { DocStore } from '../storage/docStore.js';
import { SharedDoc } from './sharedDoc.js';

/** How long a document with no connections stays in memory before it is compacted and freed. */
const IDLE_UNLOAD_MS = 30_000;

/**
 * The documents currently in memory. Each is loaded once, shared by every connection and by the
 * HTTP API, and unloaded a while after its last user leaves.
 */
export class DocRegistry {
  private readonly docs = new Map<DocName, SharedDoc>();
  private readonly users = new Map<DocName, number>();
  private readonly unloadTimers = new Map<DocName, NodeJS.Timeout>();

  constructor(private readonly store: DocStore) {}

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
    }
    this.users.set(name, (this.users.get(name) ?? 0) + 1);
    return shared;
  }

  /** Gives a document back; the last release schedules its unload. */
  release(name: DocName): void {
    const count = (this.users.get(name) ?? 1) - 1;
    this.users.set(name, count);
    if (count > 0) {
      return;
    }
    this.users.delete(name);
    this.unloadTimers.set(
      name,
      setTimeout(() => {
        this.unloadTimers.delete(name);
        this.docs.get(name)?.close();
        this.docs.delete(name);
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
    for (const shared of this.docs.values()) {
      shared.close();
    }
    this.docs.clear();
    this.users.clear();
  }
}

/** Notes pads keep deleted content for their history (timeslider); other documents collect it. */
function gcFor(name: DocName): boolean {
  return !name.startsWith('pad/');
}
