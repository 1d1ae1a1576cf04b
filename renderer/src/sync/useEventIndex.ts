import { useCallback, useSyncExternalStore } from 'react';
import { WORKSPACE_DOC } from '../../../shared/docs/docName.js';
import type { EventIndexEntry } from '../../../shared/docs/workspaceLayout.js';
import { readEventIndex } from './eventIndex.js';
import type { SharedDoc } from './sharedDoc.js';
import { useSharedDoc } from './useSharedDoc.js';
import { versionedReading } from './versionedReading.js';

/** The parsed index, once per document version. */
const snapshot = versionedReading(readEventIndex);

/** The workspace's event index (trash included), live, newest first, plus the workspace document. */
export function useEventIndex(): { workspace: SharedDoc; entries: EventIndexEntry[] } {
  const workspace = useSharedDoc(WORKSPACE_DOC);
  const getSnapshot = useCallback(() => snapshot(workspace), [workspace]);
  const entries = useSyncExternalStore(workspace.subscribe, getSnapshot);
  return { workspace, entries };
}
