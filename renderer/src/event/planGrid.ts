import type { Cell } from '../../../shared/event/eventLayout.js';
import type { EventSnapshot, Room, Session, Slot } from '../../../shared/event/eventSnapshot.js';

/**
 * The session plan as the grid shows it: one table per day, a row per time slot, a column per room.
 * Pure functions of a snapshot, so the editor, the wall and the print view agree on what sits where.
 */

/** One cell: a room in a slot, with the sessions placed there (more than one is a conflict). */
export interface GridCell {
  room: Room;
  slot: Slot;
  /** Placed sessions, cancelled ones included (they keep their place, struck through). */
  sessions: Session[];
}

/** One time slot across all rooms. */
interface GridRow {
  slot: Slot;
  cells: GridCell[];
}

/** The slots of one calendar day. */
interface GridDay {
  /** `YYYY-MM-DD` */
  day: string;
  rows: GridRow[];
}

/** The whole grid plus what is not in it. */
export interface PlanGrid {
  rooms: Room[];
  days: GridDay[];
  /** Sessions without a place: proposals and cancelled proposals, in the order they came in. */
  unscheduled: Session[];
  /** How many sessions are placed (cancelled ones with a place included). */
  placedCount: number;
}

/** The key of a cell, as stored in a session's `cell`. */
export function cellKey(cell: Cell): string {
  return `${cell.roomId}|${cell.slotId}`;
}

/** Builds the grid: days from the slots (and the event's days, so an empty day still shows). */
export function buildGrid(snapshot: Pick<EventSnapshot, 'meta' | 'rooms' | 'slots' | 'sessions'>): PlanGrid {
  const byCell = new Map<string, Session[]>();
  const unscheduled: Session[] = [];
  let placedCount = 0;
  for (const session of snapshot.sessions) {
    if (session.cell) {
      const key = cellKey(session.cell);
      byCell.set(key, [...(byCell.get(key) ?? []), session]);
      placedCount += 1;
    } else {
      unscheduled.push(session);
    }
  }
  const dayNames = new Set([...snapshot.meta.days, ...snapshot.slots.map((s) => s.start.slice(0, 10))]);
  const days = [...dayNames].sort().map((day): GridDay => ({
    day,
    rows: snapshot.slots
      .filter((slot) => slot.start.slice(0, 10) === day)
      .map((slot) => ({
        slot,
        cells: snapshot.rooms.map((room) => ({
          room,
          slot,
          sessions: byCell.get(cellKey({ roomId: room.id, slotId: slot.id })) ?? [],
        })),
      })),
  }));
  return { rooms: snapshot.rooms, days, unscheduled, placedCount };
}

/** A row of the printed or projected plan: either cells per room, or one session across the row. */
type CompactRow =
  | { kind: 'cells'; slot: Slot; cells: GridCell[] }
  | { kind: 'spanning'; slot: Slot; room: Room; sessions: Session[] };

/** A day of the printed or projected plan. */
interface CompactDay {
  day: string;
  rows: CompactRow[];
}

/** The plan for reading rather than editing. */
export interface CompactGrid {
  rooms: Room[];
  days: CompactDay[];
}

/**
 * The grid for a printed plan: a slot whose only session is in a room used by no other slot's
 * parallel sessions (the plenary: opening, closing) runs across the whole row, and that room gets
 * no column of its own. Everything else stays as in the editor. Empty days are left out.
 */
export function compactGrid(grid: PlanGrid): CompactGrid {
  const rows = grid.days.flatMap((d) => d.rows);
  const occupied = (row: GridRow): GridCell[] => row.cells.filter((c) => c.sessions.length > 0);
  // Rooms with a session in a slot that has parallel sessions: these need a column.
  const parallelRooms = new Set(
    rows.filter((row) => occupied(row).length > 1).flatMap((row) => occupied(row).map((c) => c.room.id)),
  );
  const spans = (row: GridRow): GridCell | undefined => {
    const cells = occupied(row);
    const only = cells[0];
    // Without parallel sessions there is nothing to tell a plenary from: no spans then.
    return parallelRooms.size > 0 && cells.length === 1 && only && !parallelRooms.has(only.room.id)
      ? only
      : undefined;
  };
  const rooms = parallelRooms.size > 0 ? grid.rooms.filter((room) => parallelRooms.has(room.id)) : grid.rooms;
  const shown = new Set(rooms.map((r) => r.id));
  return {
    rooms,
    days: grid.days
      .filter((day) => day.rows.length > 0)
      .map((day) => ({
        day: day.day,
        rows: day.rows.map((row): CompactRow => {
          const span = spans(row);
          if (span) {
            return { kind: 'spanning', slot: row.slot, room: span.room, sessions: span.sessions };
          }
          return { kind: 'cells', slot: row.slot, cells: row.cells.filter((c) => shown.has(c.room.id)) };
        }),
      })),
  };
}

/** `HH:MM` of a local time `YYYY-MM-DDTHH:MM`. */
export function timeOf(local: string): string {
  return local.slice(11, 16);
}

/** A slot as people read it: `10:45–11:30`. */
export function slotLabel(slot: Pick<Slot, 'start' | 'end'>): string {
  const sameDay = slot.start.slice(0, 10) === slot.end.slice(0, 10);
  return sameDay
    ? `${timeOf(slot.start)}–${timeOf(slot.end)}`
    : `${timeOf(slot.start)}–${slot.end.slice(0, 10)} ${timeOf(slot.end)}`;
}
