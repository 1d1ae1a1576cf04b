import type { Slot } from './eventSnapshot.js';
import { formatLocalDateTime, isLocalDate, isLocalDateTime, utcToLocal } from './localTime.js';

/**
 * What the wall (and the participants' "Jetzt / Als Nächstes") shows at a given local time. Slots
 * are local wall-clock times in the event's time zone, so "now" is turned into that zone's local
 * time first and then compared as text (`YYYY-MM-DDTHH:MM` sorts like time). Any time can be
 * previewed: the organiser checks the wall the evening before with `?at=2026-12-05T10:30`.
 */

/** The local time of an instant in the event's time zone. */
export function localNow(epochMs: number, timeZone: string): string {
  return formatLocalDateTime(utcToLocal(epochMs, timeZone));
}

/**
 * Reads a preview time from the address (`?at=`, or the older `?now=`): a local time
 * `2026-12-05T10:30` is the event's wall-clock time, anything with a zone (`…Z`, `…+01:00`) an
 * instant, and a bare `10:30` that time on `firstDay` (the event's first day). Null when absent or
 * unreadable, so the real clock is used.
 */
export function parseWallTime(value: string | null, timeZone: string, firstDay?: string): string | null {
  if (value === null || value.trim() === '') {
    return null;
  }
  const text = value.trim();
  const timeOnly = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (timeOnly) {
    if (firstDay === undefined || !isLocalDate(firstDay)) {
      return null;
    }
    const local = `${firstDay}T${timeOnly[1]?.padStart(2, '0') ?? ''}:${timeOnly[2] ?? ''}`;
    return isLocalDateTime(local) ? local : null;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) {
    const minutes = text.slice(0, 16);
    return isLocalDateTime(minutes) ? minutes : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    return null;
  }
  const instant = Date.parse(text);
  return Number.isNaN(instant) ? null : localNow(instant, timeZone);
}

/**
 * Where the day stands:
 * - `no-plan`: no slots yet;
 * - `before`: nothing has run yet today and something comes (`start`: "Beginnt um …"), also the
 *   days before the event;
 * - `running`: at least one slot runs now;
 * - `break`: something ran today and something more comes today (`until`: "Pause bis …");
 * - `day-over`: today is done, the event goes on another day (`next`: "Weiter am … um …");
 * - `over`: nothing comes any more ("Das Programm ist zu Ende").
 */
export type WallPhase =
  | { kind: 'no-plan' }
  | { kind: 'before'; start: string }
  | { kind: 'running' }
  | { kind: 'break'; until: string }
  | { kind: 'day-over'; next: string }
  | { kind: 'over' };

/** The slots running now, the ones starting next, later ones of that day, and the phase. */
export interface WallSchedule {
  phase: WallPhase;
  running: Slot[];
  next: Slot[];
  /** Later slots of the same day as `next`, for a short outlook. */
  later: Slot[];
}

/** Splits the slots by the local time `now`; slots must be sorted by start (as readEvent does). */
export function wallSchedule(slots: readonly Slot[], now: string): WallSchedule {
  const running = slots.filter((s) => s.start <= now && now < s.end);
  const upcoming = slots.filter((s) => s.start > now);
  const nextStart = upcoming[0]?.start;
  const next = nextStart === undefined ? [] : upcoming.filter((s) => s.start === nextStart);
  const day = (nextStart ?? now).slice(0, 10);
  const later = upcoming.filter((s) => s.start !== nextStart && s.start.slice(0, 10) === day);
  return { phase: phaseOf(slots, now, running, nextStart), running, next, later };
}

function phaseOf(
  slots: readonly Slot[],
  now: string,
  running: readonly Slot[],
  nextStart: string | undefined,
): WallPhase {
  if (slots.length === 0) {
    return { kind: 'no-plan' };
  }
  if (running.length > 0) {
    return { kind: 'running' };
  }
  if (nextStart === undefined) {
    return { kind: 'over' };
  }
  const today = now.slice(0, 10);
  const ranToday = slots.some((s) => s.start.slice(0, 10) === today && s.start < now);
  if (!ranToday) {
    return { kind: 'before', start: nextStart };
  }
  return nextStart.slice(0, 10) === today
    ? { kind: 'break', until: nextStart }
    : { kind: 'day-over', next: nextStart };
}
