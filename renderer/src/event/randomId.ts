import { newId } from '../../../shared/event/ids.js';

/** A new id for a room, slot, session, person, event or sketch object, from the browser's secure random source. */
export function makeId(): string {
  return newId((length) => crypto.getRandomValues(new Uint8Array(length)));
}
