import * as Y from 'yjs';

/**
 * Layout of one event's Yjs document, `event/<eventId>`: the session plan of a BarCamp (rooms x
 * time slots) with its sessions. The core, the CLI and the renderer all read and write it with the
 * functions in this folder only; nobody else touches the maps directly. Every join link reads this
 * document, so it holds nothing about people beyond the host names the plan shows: the people list
 * with e-mail addresses and consent, and the organisers' contact, live in `event-people/<eventId>`
 * (peopleLayout.ts), which only organisers open.
 *
 *   meta      Y.Map      motto, venue: string
 *                        licence: string (SPDX id, default 'CC-BY-4.0')
 *                        timeZone: string (IANA, default 'Europe/Berlin')
 *                        days: string[] of 'YYYY-MM-DD' (the event's days, even before slots exist)
 *   rooms     Y.Map<roomId, Y.Map>     name: string, capacity: number | null, order: number
 *   slots     Y.Map<slotId, Y.Map>     start, end: 'YYYY-MM-DDTHH:MM' local wall-clock time in
 *                                      meta.timeZone (what the printed plan says; see localTime.ts)
 *   sessions  Y.Map<sessionId, Y.Map>  title, description: string
 *                                      hosts, tags: string[] (plain arrays, replaced as a whole)
 *                                      votes: number | null (the hand count at the session pitch)
 *                                      cell: 'roomId|slotId', absent while unscheduled
 *                                      cancelled: true, absent otherwise
 *                                      seq: number (bumped on every change a calendar shows; the
 *                                        iCalendar SEQUENCE)
 *                                      createdAt: ISO 8601 instant (orders the proposals)
 *                                      sketchId: string, absent until the sketchnote is first
 *                                        opened (see ensureSketchId in eventChanges.ts)
 *
 * Older versions kept `people` (Y.Map<personId, Y.Map>) and `meta.organiserContact` here; the core
 * moves them to the people document when it opens such an event (movePeople.ts).
 *
 * Why this shape:
 * - One Y.Map per entry, not a plain object, so two people editing different fields of the same
 *   session (one fixes the title, one moves it) both keep their change.
 * - The place of a session is ONE value, `cell`. Two people moving the same session at once end with
 *   one of the two cells (last writer wins per key), never with the room of one move and the slot
 *   of the other. Two sessions moved into one cell at once cannot be prevented in a CRDT; the plan
 *   shows it as a conflict (see conflicts.ts) for a person to resolve.
 * - `status` is not stored: it is derived (`cancelled` ? 'cancelled' : `cell` ? 'scheduled' :
 *   'proposed'), so a stored status can never contradict where the session is.
 * - The event's title is not stored here: the workspace index (workspaceLayout.ts) holds it, and one
 *   copy cannot drift from another.
 * - Votes are a plain number (last writer wins). One person counts hands and types the number; two
 *   devices pressing +1 at the same instant keep one of the two presses.
 * - Every value read from the document is validated (readEvent.ts): a buggy or malicious client can
 *   write anything, and a bad entry is skipped and reported, never thrown.
 */
const EVENT_KEYS = {
  meta: 'meta',
  rooms: 'rooms',
  slots: 'slots',
  sessions: 'sessions',
} as const;

/** The licence of published documentation unless the organisers choose another. */
export const DEFAULT_LICENCE = 'CC-BY-4.0';

/** Licences (SPDX ids) organisers of civic events commonly publish documentation and attachments under. */
export const COMMON_LICENCES = ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'CC-BY-NC-4.0', 'CC-BY-ND-4.0'];

/** Separates room and slot id in a session's `cell`; ids never contain it (see idSchema). */
const CELL_SEPARATOR = '|';

/** The place of a scheduled session in the plan grid. */
export interface Cell {
  roomId: string;
  slotId: string;
}

/** Encodes a cell as the one stored value `roomId|slotId`. */
export function encodeCell(cell: Cell): string {
  return `${cell.roomId}${CELL_SEPARATOR}${cell.slotId}`;
}

/** Decodes a stored cell; undefined for anything that is not exactly two non-empty ids. */
export function decodeCell(value: unknown): Cell | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const parts = value.split(CELL_SEPARATOR);
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    return undefined;
  }
  return { roomId: parts[0], slotId: parts[1] };
}

/** The event's settings map. */
export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(EVENT_KEYS.meta);
}

/** The rooms map, room id → entry. */
export function roomsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(EVENT_KEYS.rooms);
}

/** The time slots map, slot id → entry. */
export function slotsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(EVENT_KEYS.slots);
}

/** The sessions map, session id → entry. */
export function sessionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(EVENT_KEYS.sessions);
}

/** One entry of a map as a Y.Map, or undefined if it is missing or not a map (a bad remote value). */
export function entryOf(map: Y.Map<unknown>, id: string): Y.Map<unknown> | undefined {
  const entry = map.get(id);
  return entry instanceof Y.Map ? (entry as Y.Map<unknown>) : undefined;
}
