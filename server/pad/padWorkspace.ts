import { existsSync } from 'node:fs';
import type * as Y from 'yjs';
import { docNameFor, type DocName } from '../../shared/docs/docName.js';
import { withLockedDocs } from '../storage/lockedDocs.js';
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
  return withLockedDocs(dataDir, (open, store) => {
    const padName = docNameFor('pad', padId);
    if (!options.create && !existsSync(store.fileFor(padName))) {
      throw new Error(`There is no pad "${padId}" in ${dataDir}.`);
    }
    const doc = open(padName, { gc: false });
    const tracker = new PadTracker(
      doc,
      RevisionLog.open(dataDir, padId, (m) => console.warn(m)),
    );
    try {
      const access: ReadAccess = {
        read: <R>(name: DocName, read: (d: Y.Doc) => R): R =>
          read(open(name, { gc: !name.startsWith('pad/') })),
      };
      return work({ padId, doc, tracker }, access);
    } finally {
      // It records what is pending, so it closes while the pad is still open.
      tracker.close();
    }
  });
}
