import { useCallback, useSyncExternalStore } from 'react';
import { docNameFor } from '../../../shared/docs/docName.js';
import type { EventPeople } from '../../../shared/event/peopleSnapshot.js';
import { readPeople } from '../../../shared/event/readPeople.js';
import type { SharedDoc } from '../sync/sharedDoc.js';
import { useSharedDoc } from '../sync/useSharedDoc.js';
import { versionedReading } from '../sync/versionedReading.js';

/** The event's people, read once per document version. */
const peopleOf = versionedReading(readPeople);

/**
 * The event's people document (names, e-mail addresses, consent, the organisers' contact), kept open
 * and live while the caller is mounted. Only organiser views call this: the core refuses the
 * document to every other role, and participant views never ask for it.
 */
export function usePeopleDoc(eventId: string): { shared: SharedDoc; people: EventPeople } {
  const shared = useSharedDoc(docNameFor('event-people', eventId));
  const getPeople = useCallback(() => peopleOf(shared), [shared]);
  const people = useSyncExternalStore(shared.subscribe, getPeople);
  return { shared, people };
}
