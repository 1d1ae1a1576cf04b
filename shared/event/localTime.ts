/**
 * Wall-clock times of an event. Slots are stored as the local time people see on the printed plan
 * (`YYYY-MM-DDTHH:MM` in the event's time zone), never as UTC instants: a plan made in winter for a
 * day in summer must not shift by an hour. These helpers turn such a time into an instant with the
 * platform's Intl time-zone data (present in Node with full ICU and in every browser), so shared code
 * needs no date library.
 */

/** The time zone of events unless one says otherwise. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parts of a local wall-clock time. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Days in a month of the proleptic Gregorian calendar (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Splits `YYYY-MM-DDTHH:MM` into numbers, or undefined if it is not a real calendar time. */
export function parseLocalDateTime(value: string): LocalParts | undefined {
  const match = LOCAL_PATTERN.exec(value);
  if (!match) {
    return undefined;
  }
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59) {
    return undefined;
  }
  return { year, month, day, hour, minute };
}

/** True for a real calendar time in the stored form `YYYY-MM-DDTHH:MM`. */
export function isLocalDateTime(value: string): boolean {
  return parseLocalDateTime(value) !== undefined;
}

/** True for a real calendar date `YYYY-MM-DD`. */
export function isLocalDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Formats parts as `YYYY-MM-DDTHH:MM`. */
export function formatLocalDateTime(parts: LocalParts): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True if the platform knows the IANA time zone (e.g. `Europe/Berlin`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local wall-clock time of an instant (epoch milliseconds) in `timeZone`. */
export function utcToLocal(epochMs: number, timeZone: string): LocalParts {
  const values: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') {
      values[part.type] = Number(part.value);
    }
  }
  return {
    year: values['year'] ?? 0,
    month: values['month'] ?? 0,
    day: values['day'] ?? 0,
    hour: values['hour'] ?? 0,
    minute: values['minute'] ?? 0,
  };
}

/** The zone's offset from UTC in minutes at an instant (e.g. 120 for CEST). */
export function offsetMinutesAt(epochMs: number, timeZone: string): number {
  const local = utcToLocal(epochMs, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // Whole minutes: the formatter drops seconds of the instant, so round them away first.
  return Math.round((asUtc - Math.floor(epochMs / 60_000) * 60_000) / 60_000);
}

const HALF_DAY_MS = 12 * 60 * 60 * 1000;

/**
 * The instant of a local wall-clock time in `timeZone`, with RFC 5545's rules (3.3.5) for the two
 * daylight-saving edge cases: a time that occurs twice (autumn) means the first occurrence; a time
 * that does not exist (spring gap) is read with the offset before the gap, so 02:30 becomes 03:30.
 */
export function localToUtc(local: string | LocalParts, timeZone: string): number {
  const parts = typeof local === 'string' ? parseLocalDateTime(local) : local;
  if (!parts) {
    throw new RangeError(`"${String(local)}" is not a local time of the form YYYY-MM-DDTHH:MM.`);
  }
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  const before = offsetMinutesAt(asUtc - HALF_DAY_MS, timeZone);
  const after = offsetMinutesAt(asUtc + HALF_DAY_MS, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset * 60_000)
    .filter((instant) => {
      const back = utcToLocal(instant, timeZone);
      return formatLocalDateTime(back) === formatLocalDateTime(parts);
    })
    .sort((a, b) => a - b);
  return candidates[0] ?? asUtc - before * 60_000;
}

/** Formats an offset in minutes as `+02:00`. */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A local time as ISO 8601 with the zone's offset at that moment, e.g. `2018-05-05T10:45:00+02:00`. */
export function localToIsoWithOffset(local: string, timeZone: string): string {
  const instant = localToUtc(local, timeZone);
  const shown = utcToLocal(instant, timeZone);
  return `${formatLocalDateTime(shown)}:00${formatOffset(offsetMinutesAt(instant, timeZone))}`;
}

/** True if the local time exists exactly as written (not inside a spring-forward gap). */
export function localTimeExists(local: string, timeZone: string): boolean {
  return formatLocalDateTime(utcToLocal(localToUtc(local, timeZone), timeZone)) === local;
}
