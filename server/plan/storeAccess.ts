import type * as Y from 'yjs';
import type { DocName } from '../../shared/docs/docName.js';
import { DocStore, type StoredDoc } from '../storage/docStore.js';
import { lockWorkspace } from '../storage/workspaceLock.js';
import type { DocAccess } from './eventService.js';

/**
 * Runs `work` on a workspace folder without a core: takes the workspace lock (so it refuses, with
 * the lock's message, while a core or another command holds the folder), opens documents through
 * the DocStore on first use and appends every change to their logs as it happens, then closes the
 * logs (flushing them to disk) and releases the lock, also when `work` throws.
 */
export function withWorkspace<T>(dataDir: string, work: (access: DocAccess) => T): T {
  const lock = lockWorkspace(dataDir);
  const opened = new Map<DocName, StoredDoc>();
  try {
    const store = new DocStore(dataDir);
    const get = (name: DocName): Y.Doc => {
      let stored = opened.get(name);
      if (!stored) {
        const fresh = store.open(name, { gc: true });
        fresh.doc.on('update', (update: Uint8Array) => fresh.log.append(update));
        opened.set(name, fresh);
        stored = fresh;
      }
      return stored.doc;
    };
    return work({
      change<R>(name: DocName, change: (doc: Y.Doc) => R): R {
        const doc = get(name);
        let result!: R;
        doc.transact(() => {
          result = change(doc);
        }, 'cli');
        return result;
      },
      read<R>(name: DocName, read: (doc: Y.Doc) => R): R {
        return read(get(name));
      },
    });
  } finally {
    for (const { doc, log } of opened.values()) {
      log.close();
      doc.destroy();
    }
    lock.release();
  }
}
