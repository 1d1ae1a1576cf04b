import { existsSync } from 'node:fs';
import type * as Y from 'yjs';
import { docNameFor, type DocName } from '../../shared/docs/docName.js';
import { DocStore, type StoredDoc } from '../storage/docStore.js';
import { lockWorkspace } from '../storage/workspaceLock.js';
import { PadTracker } from './padTracker.js';
import type { PadHandle } from './padService.js';
import type { ReadAccess } from './padTemplates.js';
import { RevisionLog } from './revisionLog.js';

/**
 * Runs `work` on one pad of a workspace folder without a core (the CLI's `pad` commands): takes
 * the workspace lock (refusing, with the lock's message, while a core serves the folder), opens
 * the pad with gc:false (its history needs deleted content) and its revision file, appends every
 * change to the logs as it happens, and closes everything (flushed) and releases the lock, also
 * when `work` throws. Other documents (the events, for the session's title) are opened read-only.
 *
 * With `create: false` a pad that does not exist is an error instead of a new empty pad.
 */
export function withPadWorkspace<T>(
  dataDir: string,
  padId: string,
  options: { create: boolean },
  work: (handle: PadHandle, access: ReadAccess) => T,
): T {
  const lock = lockWorkspace(dataDir);
  const opened = new Map<DocName, StoredDoc>();
  let tracker: PadTracker | undefined;
  try {
    const store = new DocStore(dataDir);
    const padName = docNameFor('pad', padId);
    if (!options.create && !existsSync(store.fileFor(padName))) {
      throw new Error(`There is no pad "${padId}" in ${dataDir}.`);
    }
    const open = (name: DocName, gc: boolean): Y.Doc => {
      let stored = opened.get(name);
      if (!stored) {
        const fresh = store.open(name, { gc });
        fresh.doc.on('update', (update: Uint8Array) => fresh.log.append(update));
        opened.set(name, fresh);
        stored = fresh;
      }
      return stored.doc;
    };
    const doc = open(padName, false);
    tracker = new PadTracker(
      doc,
      RevisionLog.open(dataDir, padId, (m) => console.warn(m)),
    );
    const access: ReadAccess = {
      read: <R>(name: DocName, read: (d: Y.Doc) => R): R => read(open(name, !name.startsWith('pad/'))),
    };
    return work({ padId, doc, tracker }, access);
  } finally {
    tracker?.close();
    for (const { doc, log } of opened.values()) {
      log.close();
      doc.destroy();
    }
    lock.release();
  }
}
