import * as Y from 'yjs';
import { addSession, setEventMeta } from '../../../shared/event/eventChanges.js';

/**
 * An event document as the versions before the people document (issue 10) wrote it: the people
 * with e-mail addresses and consent, and the organisers' contact, inside the plan that every join
 * link reads. The migration tests start from it.
 */

/** The e-mail address of the old layout's person without consent. */
export const OLD_LAYOUT_EMAIL = 'erika.m@example.org';
/** The organisers' contact the old layout kept in the plan's settings. */
export const OLD_LAYOUT_CONTACT = 'Orga-Team <orga@example.org>';

/** An event document as the version before the people document wrote it. */
export function oldLayoutEvent(): Y.Doc {
  const doc = new Y.Doc();
  setEventMeta(doc, { motto: 'Daten für alle', venue: 'Rathaus' });
  doc.getMap('meta').set('organiserContact', OLD_LAYOUT_CONTACT);
  addSession(doc, {
    id: 's1',
    title: 'Offene Daten',
    hosts: ['Erika Mustermann'],
    createdAt: '2026-05-09T08:00Z',
  });
  const people = doc.getMap<unknown>('people');
  const erika = new Y.Map<unknown>();
  erika.set('name', 'Erika Mustermann');
  erika.set('email', OLD_LAYOUT_EMAIL);
  erika.set('consent', false);
  // A field this version does not know (a phone number): it moves too.
  erika.set('phone', '+49 30 1234567');
  people.set('p-erika', erika);
  const max = new Y.Map<unknown>();
  max.set('name', 'Max Beispiel');
  max.set('consent', true);
  people.set('p-max', max);
  // A bad remote value under a valid id: not a person, but it leaves the plan as well.
  people.set('p-bad', 'mail me: bad@example.org');
  return doc;
}
