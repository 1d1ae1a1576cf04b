import { newId } from '../../../shared/event/ids.js';

/** A new id for a room, slot, session, person or event, from the browser's secure random source. */
export function makeId(): string {
  return newId((length) => crypto.getRandomValues(new Uint8Array(length)));
}
