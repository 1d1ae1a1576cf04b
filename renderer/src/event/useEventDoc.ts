import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { docNameFor } from '../../../shared/docs/docName.js';
import type { EventSnapshot } from '../../../shared/event/eventSnapshot.js';
import { readEvent } from '../../../shared/event/readEvent.js';
import type { SharedDoc } from '../sync/sharedDoc.js';
import { useSharedDoc } from '../sync/useSharedDoc.js';

// One snapshot per document version: every reader between two changes gets the same object, which
// useSyncExternalStore needs and which keeps memoised grids and conflict lists from recomputing.
const cache = new WeakMap<Y.Doc, { version: number; snapshot: EventSnapshot }>();

function snapshotOf(shared: SharedDoc): EventSnapshot {
  const version = shared.getVersion();
  const cached = cache.get(shared.doc);
  if (cached && cached.version === version) {
    return cached.snapshot;
  }
  const snapshot = readEvent(shared.doc);
  cache.set(shared.doc, { version, snapshot });
  return snapshot;
}

/** The event's document, kept open and live while the caller is mounted, and its current snapshot. */
export function useEventDoc(eventId: string): { shared: SharedDoc; snapshot: EventSnapshot } {
  const shared = useSharedDoc(docNameFor('event', eventId));
  const getSnapshot = useCallback(() => snapshotOf(shared), [shared]);
  const snapshot = useSyncExternalStore(shared.subscribe, getSnapshot);
  return { shared, snapshot };
}
