import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { docNameFor } from '../../../shared/docs/docName.js';
import type { EventPeople } from '../../../shared/event/peopleSnapshot.js';
import { readPeople } from '../../../shared/event/readPeople.js';
import type { SharedDoc } from '../sync/sharedDoc.js';
import { useSharedDoc } from '../sync/useSharedDoc.js';

// One snapshot per document version (useSyncExternalStore needs the same object between changes).
const cache = new WeakMap<Y.Doc, { version: number; people: EventPeople }>();

function peopleOf(shared: SharedDoc): EventPeople {
  const version = shared.getVersion();
  const cached = cache.get(shared.doc);
  if (cached && cached.version === version) {
    return cached.people;
  }
  const people = readPeople(shared.doc);
  cache.set(shared.doc, { version, people });
  return people;
}

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
