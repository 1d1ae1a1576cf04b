import { hostKey, slotsOverlap, type PlanConflict } from './conflicts.js';
import { encodeCell, type Cell } from './eventLayout.js';
import type { EventSnapshot, Room, Session, Slot } from './eventSnapshot.js';

/**
 * Suggested fixes for a plan conflict, so the organiser can resolve it with one click instead of
 * working out where a session could go: a free room in the same slot (for a double booking), a
 * bigger free room or a swap with a session in a bigger room (for too many votes), a free slot
 * where the host is not busy (for a host in two rooms). A suggestion never creates a conflict of
 * the same session: the target is free for the whole time and the hosts are not busy then.
 */

/** One suggested fix. */
export type ConflictFix =
  | {
      kind: 'move';
      sessionId: string;
      to: Cell;
      /** Why this cell: another room at the same time, a bigger room, or another time. */
      reason: 'free-room' | 'bigger-room' | 'free-slot';
    }
  | { kind: 'swap'; sessionId: string; otherId: string; reason: 'bigger-room' };

/** At most this many suggestions per conflict; more is a list nobody reads on the day. */
const MAX_FIXES = 3;

type Plan = Pick<EventSnapshot, 'rooms' | 'slots' | 'sessions'>;

interface Placed {
  session: Session;
  room: Room;
  slot: Slot;
}

function placedSessions(plan: Plan): Placed[] {
  const rooms = new Map(plan.rooms.map((r) => [r.id, r]));
  const slots = new Map(plan.slots.map((s) => [s.id, s]));
  const placed: Placed[] = [];
  for (const session of plan.sessions) {
    const room = session.cell ? rooms.get(session.cell.roomId) : undefined;
    const slot = session.cell ? slots.get(session.cell.slotId) : undefined;
    // Cancelled sessions keep their place in the grid, so they still block it for a suggestion.
    if (room && slot) {
      placed.push({ session, room, slot });
    }
  }
  return placed;
}

/** Whether `room` is free during `slot` for `session` (nothing else there at an overlapping time). */
function roomFree(placed: readonly Placed[], session: Session, room: Room, slot: Slot): boolean {
  return !placed.some(
    (p) => p.session.id !== session.id && p.room.id === room.id && slotsOverlap(p.slot, slot),
  );
}

/** Whether none of the session's hosts is busy elsewhere during `slot`. */
function hostsFree(
  placed: readonly Placed[],
  session: Session,
  slot: Slot,
  ignore: ReadonlySet<string>,
): boolean {
  const hosts = new Set(session.hosts.map(hostKey).filter((h) => h !== ''));
  if (hosts.size === 0) {
    return true;
  }
  return !placed.some(
    (p) =>
      p.session.id !== session.id &&
      !ignore.has(p.session.id) &&
      p.session.status === 'scheduled' &&
      slotsOverlap(p.slot, slot) &&
      p.session.hosts.some((h) => hosts.has(hostKey(h))),
  );
}

function fits(room: Room, votes: number | null): boolean {
  return room.capacity === null || votes === null || votes <= room.capacity;
}

/** Rooms for a session, the smallest that still fits first (keeps the big rooms for big sessions). */
function roomsBySize(rooms: readonly Room[]): Room[] {
  return [...rooms].sort(
    (a, b) =>
      (a.capacity ?? Number.MAX_SAFE_INTEGER) - (b.capacity ?? Number.MAX_SAFE_INTEGER) || a.order - b.order,
  );
}

/** Free cells for a session in one slot, smallest fitting room first. */
function freeRoomsIn(plan: Plan, placed: readonly Placed[], session: Session, slot: Slot): Room[] {
  return roomsBySize(plan.rooms).filter(
    (room) =>
      (session.cell === null ||
        encodeCell(session.cell) !== encodeCell({ roomId: room.id, slotId: slot.id })) &&
      roomFree(placed, session, room, slot) &&
      fits(room, session.votes),
  );
}

/** Free cells in other slots of the same day (nearest in time first) where the hosts are free. */
function freeSlotsFor(plan: Plan, placed: readonly Placed[], item: Placed): Cell[] {
  const day = item.slot.start.slice(0, 10);
  const distance = (slot: Slot): number =>
    Math.abs(Date.parse(`${slot.start}Z`) - Date.parse(`${item.slot.start}Z`));
  const candidates = plan.slots
    .filter((slot) => slot.start.slice(0, 10) === day && !slotsOverlap(slot, item.slot))
    .sort((a, b) => distance(a) - distance(b) || a.start.localeCompare(b.start));
  const cells: Cell[] = [];
  for (const slot of candidates) {
    if (!hostsFree(placed, item.session, slot, new Set())) {
      continue;
    }
    // Same room first: people already know where it is.
    const rooms = [item.room, ...roomsBySize(plan.rooms).filter((r) => r.id !== item.room.id)];
    const room = rooms.find((r) => roomFree(placed, item.session, r, slot) && fits(r, item.session.votes));
    if (room) {
      cells.push({ roomId: room.id, slotId: slot.id });
    }
  }
  return cells;
}

/** Which of the conflicting sessions should move: fewer votes first, then the later proposal. */
function movers(items: Placed[]): Placed[] {
  return [...items].sort(
    (a, b) =>
      (a.session.votes ?? 0) - (b.session.votes ?? 0) ||
      b.session.createdAt.localeCompare(a.session.createdAt),
  );
}

/** Suggested fixes for one conflict of `plan`, best first, at most {@link MAX_FIXES}. */
export function suggestFixes(plan: Plan, conflict: PlanConflict): ConflictFix[] {
  const placed = placedSessions(plan);
  const involved = conflict.sessionIds
    .map((id) => placed.find((p) => p.session.id === id))
    .filter((p): p is Placed => p !== undefined);
  const fixes: ConflictFix[] = [];
  const add = (fix: ConflictFix): void => {
    const key = JSON.stringify(fix);
    if (fixes.length < MAX_FIXES && !fixes.some((f) => JSON.stringify(f) === key)) {
      fixes.push(fix);
    }
  };

  switch (conflict.kind) {
    case 'double-booked-cell': {
      // Keep the session with the most votes; offer the others a free room at the same time, else another time.
      const rest = movers(involved).slice(0, -1);
      for (const item of rest) {
        for (const room of freeRoomsIn(plan, placed, item.session, item.slot)) {
          add({
            kind: 'move',
            sessionId: item.session.id,
            to: { roomId: room.id, slotId: item.slot.id },
            reason: 'free-room',
          });
        }
      }
      for (const item of rest) {
        for (const cell of freeSlotsFor(plan, placed, item)) {
          add({ kind: 'move', sessionId: item.session.id, to: cell, reason: 'free-slot' });
        }
      }
      break;
    }
    case 'host-in-two-rooms': {
      for (const item of movers(involved)) {
        for (const cell of freeSlotsFor(plan, placed, item)) {
          add({ kind: 'move', sessionId: item.session.id, to: cell, reason: 'free-slot' });
        }
      }
      break;
    }
    case 'over-capacity': {
      const item = involved[0];
      if (!item || item.session.votes === null) {
        break;
      }
      const votes = item.session.votes;
      const bigger = roomsBySize(plan.rooms).filter(
        (room) => room.id !== item.room.id && room.capacity !== null && room.capacity >= votes,
      );
      const unlimited = plan.rooms.filter((room) => room.id !== item.room.id && room.capacity === null);
      for (const room of [...bigger, ...unlimited]) {
        if (roomFree(placed, item.session, room, item.slot)) {
          add({
            kind: 'move',
            sessionId: item.session.id,
            to: { roomId: room.id, slotId: item.slot.id },
            reason: 'bigger-room',
          });
        }
      }
      // A swap with a smaller session in a bigger room at the same time, if that one fits here.
      for (const room of [...bigger, ...unlimited]) {
        const there = placed.find(
          (p) => p.room.id === room.id && p.slot.id === item.slot.id && p.session.id !== item.session.id,
        );
        if (there && fits(item.room, there.session.votes) && (there.session.votes ?? 0) < votes) {
          add({ kind: 'swap', sessionId: item.session.id, otherId: there.session.id, reason: 'bigger-room' });
        }
      }
      break;
    }
  }
  return fixes;
}
