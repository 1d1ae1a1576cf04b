import type * as Y from 'yjs';

/**
 * Layout of an event's people document, `event-people/<eventId>`: who takes part (hosts, speakers,
 * the documentation team) with their contact details and their consent to be named in published
 * documentation, and the organisers' contact. It is apart from the plan (`event/<eventId>`, which
 * every join link reads live) because contact details must not reach participants: the access
 * table (server/access/accessTable.ts) lets only the event's organisers and the workspace owner
 * open it. Read with readPeople.ts, changed with peopleChanges.ts.
 *
 *   people    Y.Map<personId, Y.Map>   name: string, email?: string, consent: boolean (may be
 *                                      named in published documentation)
 *   meta      Y.Map                    organiserContact: string (name and e-mail of the
 *                                      organisers; the published bundle's contact)
 *
 * The map names and entries are those older versions kept in the event document itself, so one
 * reader reads both and the move out of an old event document (movePeople.ts) copies entries as
 * they are.
 */
const PEOPLE_KEYS = {
  people: 'people',
  meta: 'meta',
} as const;

/** The key of the organisers' contact in the people document's `meta` map. */
export const ORGANISER_CONTACT = 'organiserContact';

/** The people map, person id → entry. */
export function peopleMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(PEOPLE_KEYS.people);
}

/** The map that holds the organisers' contact. */
export function contactMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(PEOPLE_KEYS.meta);
}
