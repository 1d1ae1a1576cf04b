import type { Slot } from '../../../shared/event/eventSnapshot.js';
import { formatLocalDateTime, isLocalDateTime, utcToLocal } from '../../../shared/event/localTime.js';

/**
 * Which slots the wall highlights. Slots are local wall-clock times in the event's time zone, so
 * "now" is turned into that zone's local time first and then compared as text (`YYYY-MM-DDTHH:MM`
 * sorts like time).
 */

/** The local time of an instant in the event's time zone. */
export function localNow(epochMs: number, timeZone: string): string {
  return formatLocalDateTime(utcToLocal(epochMs, timeZone));
}

/**
 * Reads the wall's `?now=` override (for tests, screenshots and rehearsals): a local time
 * `2018-05-05T11:00` is taken as the event's wall-clock time, anything with a zone (`…Z`,
 * `…+02:00`) as an instant. Null when absent or unreadable, so the real clock is used.
 */
export function parseNowParam(value: string | null, timeZone: string): string | null {
  if (value === null || value.trim() === '') {
    return null;
  }
  const text = value.trim();
  const minutes = text.slice(0, 16);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) {
    return isLocalDateTime(minutes) ? minutes : null;
  }
  const instant = Date.parse(text);
  return Number.isNaN(instant) ? null : localNow(instant, timeZone);
}

/** The slots running now, the ones starting next, and the rest of the day after those. */
export interface WallSlots {
  running: Slot[];
  next: Slot[];
  /** Later slots of the same day as `next` (or of today), for a short outlook. */
  later: Slot[];
}

/** Splits the slots by the local time `now`; slots must be sorted by start (as readEvent does). */
export function wallSlots(slots: readonly Slot[], now: string): WallSlots {
  const running = slots.filter((s) => s.start <= now && now < s.end);
  const upcoming = slots.filter((s) => s.start > now);
  const nextStart = upcoming[0]?.start;
  const next = nextStart === undefined ? [] : upcoming.filter((s) => s.start === nextStart);
  const day = (nextStart ?? now).slice(0, 10);
  const later = upcoming.filter((s) => s.start !== nextStart && s.start.slice(0, 10) === day);
  return { running, next, later };
}
