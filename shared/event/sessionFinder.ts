import type { EventSnapshot, Room, Session, Slot } from './eventSnapshot.js';
import { wallSchedule, type WallPhase } from './wallSchedule.js';

/**
 * The participant's "Jetzt / Als Nächstes": which sessions run now and which come next, by room,
 * and a search over titles, hosts, tags and rooms. A participant who scanned the wall's QR code
 * finds the current session in two taps: the link opens this list, one tap opens the notes.
 */

/** A placed session with its room and slot. */
export interface FinderEntry {
  session: Session;
  room: Room;
  slot: Slot;
}

/** What the finder shows. */
export interface FinderResult {
  phase: WallPhase;
  /** Running now, in room order. */
  now: FinderEntry[];
  /** Starting next, in room order. */
  next: FinderEntry[];
  /** Later the same day as `next`, by time and room. */
  later: FinderEntry[];
  /** With a search: every placed session that matches, by time and room (empty without one). */
  matches: FinderEntry[];
}

/** What the participant narrowed the list to. */
export interface FinderQuery {
  /** Words to look for (all of them must occur; case, accents and ß/ss do not matter). */
  text?: string;
  /** Only this room. */
  roomId?: string;
}

/** A text as compared by the search: lower case, accents removed, ß as ss, blanks collapsed. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('de')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether every word of `query` occurs in the session's title, hosts, tags or room name. */
function matchesQuery(entry: FinderEntry, query: string): boolean {
  const words = searchKey(query).split(' ').filter(Boolean);
  if (words.length === 0) {
    return true;
  }
  const haystack = searchKey(
    [entry.session.title, ...entry.session.hosts, ...entry.session.tags, entry.room.name].join(' '),
  );
  return words.every((word) => haystack.includes(word));
}

/** Every placed session (cancelled ones included, marked by their status), by time and room order. */
function placedEntries(snapshot: Pick<EventSnapshot, 'rooms' | 'slots' | 'sessions'>): FinderEntry[] {
  const rooms = new Map(snapshot.rooms.map((r) => [r.id, r]));
  const slots = new Map(snapshot.slots.map((s) => [s.id, s]));
  const entries: FinderEntry[] = [];
  for (const session of snapshot.sessions) {
    const room = session.cell ? rooms.get(session.cell.roomId) : undefined;
    const slot = session.cell ? slots.get(session.cell.slotId) : undefined;
    if (room && slot) {
      entries.push({ session, room, slot });
    }
  }
  return entries.sort(
    (a, b) =>
      a.slot.start.localeCompare(b.slot.start) ||
      a.room.order - b.room.order ||
      a.session.id.localeCompare(b.session.id),
  );
}

/** The sessions around `now` (a local time of the event), narrowed by `query`. */
export function findSessions(
  snapshot: Pick<EventSnapshot, 'rooms' | 'slots' | 'sessions'>,
  now: string,
  query: FinderQuery = {},
): FinderResult {
  const schedule = wallSchedule(snapshot.slots, now);
  const inRoom = (e: FinderEntry): boolean => query.roomId === undefined || e.room.id === query.roomId;
  const all = placedEntries(snapshot).filter(inRoom);
  const inSlots = (slots: readonly Slot[]): FinderEntry[] => {
    const ids = new Set(slots.map((s) => s.id));
    return all.filter((e) => ids.has(e.slot.id));
  };
  const text = query.text?.trim() ?? '';
  return {
    phase: schedule.phase,
    now: inSlots(schedule.running),
    next: inSlots(schedule.next),
    later: inSlots(schedule.later),
    matches: text === '' ? [] : all.filter((e) => matchesQuery(e, text)),
  };
}
