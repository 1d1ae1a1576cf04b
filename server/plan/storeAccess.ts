import type * as Y from 'yjs';
import type { DocName } from '../../shared/docs/docName.js';
import { withLockedDocs } from '../storage/lockedDocs.js';
import type { DocAccess } from './eventService.js';

/**
 * Runs `work` on a workspace folder without a core, under the workspace lock ({@link withLockedDocs}:
 * refused while a core or another command holds the folder, every change logged as it happens,
 * everything closed and the lock released after). Changes are transactions with the origin 'cli'.
 */
export function withWorkspace<T>(dataDir: string, work: (access: DocAccess) => T): T {
  return withLockedDocs(dataDir, (open) => {
    const get = (name: DocName): Y.Doc => open(name, { gc: true });
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
  });
}
