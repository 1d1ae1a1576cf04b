import type * as Y from 'yjs';
import type { DocName } from '../../shared/docs/docName.js';
import { DocStore, type StoredFileDoc } from './docStore.js';
import { lockWorkspace } from './workspaceLock.js';

/** Opens a document of the locked workspace (once; later calls return the same one). */
export type OpenDoc = (name: DocName, options: { gc: boolean }) => Y.Doc;

/**
 * Runs `work` on a workspace folder without a core (the CLI commands): takes the workspace lock (so
 * it refuses, with the lock's message, while a core or another command holds the folder), opens
 * documents through the DocStore on first use and appends every change to their logs as it
 * happens, then closes the logs (flushing them to disk) and releases the lock, also when `work` throws.
 * A failed write throws out of the change that made it (the command fails; nothing passes as saved).
 */
export function withLockedDocs<T>(dataDir: string, work: (open: OpenDoc, store: DocStore) => T): T {
  const lock = lockWorkspace(dataDir);
  const opened = new Map<DocName, StoredFileDoc>();
  try {
    const store = new DocStore(dataDir);
    const open: OpenDoc = (name, { gc }) => {
      let stored = opened.get(name);
      if (!stored) {
        const fresh = store.open(name, { gc });
        fresh.doc.on('update', (update: Uint8Array) => fresh.log.append(update));
        opened.set(name, fresh);
        stored = fresh;
      }
      return stored.doc;
    };
    return work(open, store);
  } finally {
    // Every log is closed and the lock released even if one close fails; that failure is then thrown.
    let failure: unknown;
    for (const { doc, log } of opened.values()) {
      try {
        log.close();
      } catch (error) {
        failure ??= error;
      }
      doc.destroy();
    }
    lock.release();
    if (failure !== undefined) {
      // eslint-disable-next-line no-unsafe-finally -- a change that did not reach the disk must not pass as done
      throw failure;
    }
  }
}
