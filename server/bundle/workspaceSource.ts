import { existsSync } from 'node:fs';
import { docNameFor } from '../../shared/docs/docName.js';
import { PadTracker } from '../pad/padTracker.js';
import { RevisionLog } from '../pad/revisionLog.js';
import { withLockedDocs } from '../storage/lockedDocs.js';
import { readAttachments } from './attachments.js';
import type { BundleInput } from './bundleTypes.js';
import { collectBundle, type CollectOptions } from './collectBundle.js';

/**
 * Collects a bundle's data from a workspace folder without a core (the CLI): under the workspace
 * lock, pads opened with gc:false and their revision files (for the internal profile's history),
 * everything closed again before the files are made.
 */
export function collectFromWorkspace(dataDir: string, eventId: string, options: CollectOptions): BundleInput {
  return withLockedDocs(dataDir, (open, store) =>
    collectBundle(
      {
        attachments: (sessionId) => readAttachments(dataDir, sessionId),
        exists: (name) => existsSync(store.fileFor(name)),
        read: (name, read) => read(open(name, { gc: !name.startsWith('pad/') })),
        withPad: (padId, fn) => {
          const name = docNameFor('pad', padId);
          if (!existsSync(store.fileFor(name))) {
            return undefined;
          }
          const doc = open(name, { gc: false });
          const tracker = new PadTracker(
            doc,
            RevisionLog.open(dataDir, padId, (m) => console.warn(m)),
          );
          try {
            return fn({ padId, doc, tracker });
          } finally {
            tracker.close();
          }
        },
      },
      eventId,
      options,
    ),
  );
}
