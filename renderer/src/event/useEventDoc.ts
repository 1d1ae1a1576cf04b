import { useCallback, useSyncExternalStore } from 'react';
import { docNameFor } from '../../../shared/docs/docName.js';
import type { EventSnapshot } from '../../../shared/event/eventSnapshot.js';
import { readEvent } from '../../../shared/event/readEvent.js';
import type { SharedDoc } from '../sync/sharedDoc.js';
import { useSharedDoc } from '../sync/useSharedDoc.js';
import { versionedReading } from '../sync/versionedReading.js';

/** The event's snapshot, read once per document version. */
const snapshotOf = versionedReading(readEvent);

/** The event's document, kept open and live while the caller is mounted, and its current snapshot. */
export function useEventDoc(eventId: string): { shared: SharedDoc; snapshot: EventSnapshot } {
  const shared = useSharedDoc(docNameFor('event', eventId));
  const getSnapshot = useCallback(() => snapshotOf(shared), [shared]);
  const snapshot = useSyncExternalStore(shared.subscribe, getSnapshot);
  return { shared, snapshot };
}
