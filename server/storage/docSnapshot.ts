import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { DocName } from '../../shared/docs/docName.js';
import { LOG_SUFFIX } from './docStore.js';
import { readLogFile } from './updateLog.js';

/** The log file of a document (the DocStore's naming, without creating the folder). */
function logFileOf(dataDir: string, name: DocName): string {
  return join(dataDir, 'docs', encodeURIComponent(name) + LOG_SUFFIX);
}

/**
 * Reads a document's log into a fresh Y.Doc without the workspace lock and without writing
 * anything, so a reading command (an export) works while a core serves the same folder. Safe
 * beside a writer: records are appended whole and checksummed, and a compaction renames a complete
 * file into place, so a snapshot sees a consistent prefix; a record being appended this instant is
 * left out (as a torn tail would be), never repaired. Undefined when the document has no log.
 * Throws the UpdateLogError of a damaged log.
 */
export function readDocSnapshot(dataDir: string, name: DocName): Y.Doc | undefined {
  const file = logFileOf(dataDir, name);
  if (!existsSync(file)) {
    return undefined;
  }
  const { updates } = readLogFile(file);
  const doc = new Y.Doc({ gc: true });
  if (updates.length > 0) {
    Y.applyUpdate(doc, Y.mergeUpdates(updates));
  }
  return doc;
}
