import * as Y from 'yjs';
import { ORGANISER_CONTACT, contactMap, peopleMap } from './peopleLayout.js';

/**
 * Moves what an event document of an older version holds about people (its `people` map and
 * `meta.organiserContact`, see eventLayout.ts) into the event's people document, in two steps so
 * nothing is lost: {@link copyPeopleOut} first, and once that copy is durable {@link dropPeople}.
 * Both are idempotent: run again (after a crash between them, or on every open) they change nothing
 * that is already moved, and an entry the people document has already (maybe edited since) is kept.
 */

/** Whether an event document still holds people or the organisers' contact. */
export function holdsPeople(eventDoc: Y.Doc): boolean {
  return peopleMap(eventDoc).size > 0 || contactMap(eventDoc).has(ORGANISER_CONTACT);
}

/**
 * Copies the event document's people and organisers' contact into the people document, each as it
 * is stored (every field, also ones this version does not know), where the people document has no
 * entry of that id (no contact) yet. Returns how many values it copied.
 */
export function copyPeopleOut(eventDoc: Y.Doc, peopleDoc: Y.Doc): number {
  let copied = 0;
  peopleDoc.transact(() => {
    const target = peopleMap(peopleDoc);
    for (const [id, value] of peopleMap(eventDoc).entries()) {
      if (target.has(id)) {
        continue;
      }
      target.set(id, copyOf(value));
      copied++;
    }
    const contact = contactMap(eventDoc).get(ORGANISER_CONTACT);
    const targetContact = contactMap(peopleDoc);
    if (contact !== undefined && !targetContact.has(ORGANISER_CONTACT)) {
      targetContact.set(ORGANISER_CONTACT, plain(contact));
      copied++;
    }
  });
  return copied;
}

/** Deletes the people and the organisers' contact from the event document; returns how many values. */
export function dropPeople(eventDoc: Y.Doc): number {
  let dropped = 0;
  eventDoc.transact(() => {
    const people = peopleMap(eventDoc);
    for (const id of [...people.keys()]) {
      people.delete(id);
      dropped++;
    }
    const meta = contactMap(eventDoc);
    if (meta.has(ORGANISER_CONTACT)) {
      meta.delete(ORGANISER_CONTACT);
      dropped++;
    }
  });
  return dropped;
}

/** A copy that can live in another document: an entry map with its fields, anything else as plain data. */
function copyOf(value: unknown): unknown {
  if (value instanceof Y.Map) {
    const copy = new Y.Map<unknown>();
    for (const [key, field] of (value as Y.Map<unknown>).entries()) {
      copy.set(key, plain(field));
    }
    return copy;
  }
  return plain(value);
}

/** A Yjs type belongs to one document; its JSON does not. */
function plain(value: unknown): unknown {
  return value instanceof Y.AbstractType ? (value.toJSON() as unknown) : value;
}
