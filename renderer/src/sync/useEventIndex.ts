import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { WORKSPACE_DOC } from '../../../shared/docs/docName.js';
import type { EventIndexEntry } from '../../../shared/docs/workspaceLayout.js';
import { readEventIndex } from './eventIndex.js';
import type { SharedDoc } from './sharedDoc.js';
import { useSharedDoc } from './useSharedDoc.js';

// One parsed index per document version, so every reader between two changes gets the same array
// (useSyncExternalStore needs a stable snapshot).
const cache = new WeakMap<Y.Doc, { version: number; entries: EventIndexEntry[] }>();

function snapshot(shared: SharedDoc): EventIndexEntry[] {
  const version = shared.getVersion();
  const cached = cache.get(shared.doc);
  if (cached && cached.version === version) {
    return cached.entries;
  }
  const entries = readEventIndex(shared.doc);
  cache.set(shared.doc, { version, entries });
  return entries;
}

/** The workspace's event index (trash included), live, newest first, plus the workspace document. */
export function useEventIndex(): { workspace: SharedDoc; entries: EventIndexEntry[] } {
  const workspace = useSharedDoc(WORKSPACE_DOC);
  const getSnapshot = useCallback(() => snapshot(workspace), [workspace]);
  const entries = useSyncExternalStore(workspace.subscribe, getSnapshot);
  return { workspace, entries };
}
