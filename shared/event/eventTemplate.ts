import type * as Y from 'yjs';
import { addRoom, addSlot, setEventMeta } from './eventChanges.js';
import type { EventSnapshot } from './eventSnapshot.js';
import { isLocalDate } from './localTime.js';

/**
 * An event as the template for the next one ("the same BarCamp next year"): its settings, rooms and
 * time-slot pattern, moved to a new first day. Sessions, votes and people are not copied: they
 * belong to one event, and the people gave their consent for that one.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A calendar date `YYYY-MM-DD` moved by whole days (negative: earlier). */
export function shiftDate(date: string, days: number): string {
  if (!isLocalDate(date)) {
    throw new RangeError(`"${date}" is not a date of the form YYYY-MM-DD.`);
  }
  return dateOf(dayNumber(date) + days);
}

/** Days from one date to another (positive if `to` is later). */
export function daysBetween(from: string, to: string): number {
  if (!isLocalDate(from) || !isLocalDate(to)) {
    throw new RangeError(`"${from}" or "${to}" is not a date of the form YYYY-MM-DD.`);
  }
  return dayNumber(to) - dayNumber(from);
}

/**
 * A local time `YYYY-MM-DDTHH:MM` moved by whole days; the wall-clock time stays (10:45 is 10:45
 * next year too, summer time or not).
 */
export function shiftLocalDateTime(local: string, days: number): string {
  return `${shiftDate(local.slice(0, 10), days)}${local.slice(10)}`;
}

/** The event's first day: the first of its days, else the day of its first slot; undefined if neither. */
export function firstDayOf(snapshot: Pick<EventSnapshot, 'meta' | 'slots'>): string | undefined {
  const candidates = [...snapshot.meta.days, ...snapshot.slots.map((s) => s.start.slice(0, 10))].sort();
  return candidates[0];
}

/**
 * Writes `source`'s settings, rooms and slots into the (empty) document of a new event, with every
 * day moved so the event starts on `firstDay`. Room and slot ids are kept (they are per document).
 */
export function copyAsTemplate(
  source: Pick<EventSnapshot, 'meta' | 'rooms' | 'slots'>,
  target: Y.Doc,
  firstDay: string,
): void {
  const from = firstDayOf(source) ?? firstDay;
  const shift = daysBetween(from, firstDay);
  target.transact(() => {
    const sourceDays =
      source.meta.days.length > 0 ? source.meta.days : source.slots.map((s) => s.start.slice(0, 10));
    const days = [...new Set(sourceDays.map((d) => shiftDate(d, shift)))].sort();
    setEventMeta(target, { ...source.meta, days: days.length > 0 ? days : [firstDay] });
    for (const room of source.rooms) {
      addRoom(target, { id: room.id, name: room.name, capacity: room.capacity, order: room.order });
    }
    for (const slot of source.slots) {
      addSlot(target, {
        id: slot.id,
        start: shiftLocalDateTime(slot.start, shift),
        end: shiftLocalDateTime(slot.end, shift),
      });
    }
  });
}
