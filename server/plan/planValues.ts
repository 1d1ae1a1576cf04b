import {
  daysInMonth,
  formatLocalDateTime,
  localTimeExists,
  utcToLocal,
  type LocalParts,
} from '../../shared/event/localTime.js';
import type { SessionStatus } from '../../shared/event/eventSnapshot.js';

/**
 * Reading single values of a plan file, and the CSV-injection guard.
 *
 * Dates and times: `dd.mm.yyyy HH:MM` (German Excel; also d.m.yy and H:MM, an optional ":00"
 * seconds and a trailing "Uhr") and ISO `yyyy-mm-ddTHH:MM` (or with a space; seconds allowed) are
 * local wall-clock times in the event's time zone. An ISO time with `Z` or an offset is an instant
 * and is converted to that local time. A bare `HH:MM` needs a date column.
 */

/** Either a value or a reason it could not be read. */
export type Parsed<T> =
  | { ok: true; value: T; warning?: { code: string; message: string } }
  | { ok: false; code: string; message: string };

const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*uhr)?$/i;
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function fail(code: string, message: string): Parsed<never> {
  return { ok: false, code, message };
}

/** Reads a date `dd.mm.yyyy`, `d.m.yy` or `yyyy-mm-dd`. */
function parseDate(raw: string): Parsed<{ year: number; month: number; day: number }> {
  const text = raw.trim();
  let year: number;
  let month: number;
  let day: number;
  const german = GERMAN.exec(text);
  const iso = ISO_DATE.exec(text);
  if (german) {
    [day, month, year] = [Number(german[1]), Number(german[2]), Number(german[3])];
    if ((german[3] ?? '').length === 2) {
      year += 2000;
    }
  } else if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    return fail('unreadable-date', `"${text}" is not a date; write dd.mm.yyyy or yyyy-mm-dd.`);
  }
  if (month < 1 || month > 12) {
    return fail('impossible-date', `"${text}" is not a date: there is no month ${month}.`);
  }
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return fail(
      'impossible-date',
      `"${text}" is not a date: ${MONTH_NAMES[month - 1] ?? ''} ${year} has ${days} days.`,
    );
  }
  return { ok: true, value: { year, month, day } };
}

/** Reads a time of day `HH:MM` (optionally `:00` seconds or "Uhr"). */
function parseTime(raw: string): Parsed<{ hour: number; minute: number }> {
  const text = raw.trim();
  const match = TIME.exec(text);
  if (!match) {
    return fail('unreadable-time', `"${text}" is not a time of day; write HH:MM.`);
  }
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = match[3] === undefined ? 0 : Number(match[3]);
  if (hour > 23 || minute > 59 || second > 59) {
    return fail('impossible-time', `"${text}" is not a time of day (00:00 to 23:59).`);
  }
  if (second !== 0) {
    return fail('seconds-in-time', `"${text}" has seconds; the plan works in whole minutes.`);
  }
  return { ok: true, value: { hour, minute } };
}

/**
 * Reads a start or end value into a local `YYYY-MM-DDTHH:MM` in `timeZone`. `dateColumn` is the
 * row's date column (if the file has one), used when the value is only a time.
 */
export function parseDateTime(raw: string, timeZone: string, dateColumn?: string): Parsed<string> {
  const text = raw.trim().replace(/\s+/g, ' ');
  const instant = ISO_INSTANT.exec(text);
  if (instant) {
    return parseInstant(text, instant, timeZone);
  }
  const parts = text.split(/[T ]/).filter(Boolean);
  let datePart: string | undefined;
  let timePart: string;
  if (TIME.test(text)) {
    if (!dateColumn?.trim()) {
      return fail(
        'time-without-date',
        `"${text}" is only a time; write dd.mm.yyyy HH:MM or add a date column.`,
      );
    }
    datePart = dateColumn;
    timePart = text;
  } else if (parts.length === 2 || (parts.length === 3 && /^uhr$/i.test(parts[2] ?? ''))) {
    datePart = parts[0];
    timePart = parts.slice(1).join(' ');
  } else {
    return fail(
      'unreadable-date',
      `"${text}" is not a date and time; write dd.mm.yyyy HH:MM or yyyy-mm-ddTHH:MM.`,
    );
  }
  const date = parseDate(datePart ?? '');
  if (!date.ok) {
    return date.code === 'unreadable-date'
      ? fail(
          'unreadable-date',
          `"${text}" is not a date and time; write dd.mm.yyyy HH:MM or yyyy-mm-ddTHH:MM.`,
        )
      : date;
  }
  const time = parseTime(timePart);
  if (!time.ok) {
    return time;
  }
  const local = formatLocalDateTime({ ...date.value, ...time.value });
  if (!localTimeExists(local, timeZone)) {
    return {
      ok: true,
      value: local,
      warning: {
        code: 'nonexistent-time',
        message: `${local.replace('T', ' ')} does not exist in ${timeZone} (the clocks skip that hour for summer time); calendars will show it one hour later.`,
      },
    };
  }
  return { ok: true, value: local };
}

function parseInstant(text: string, match: RegExpExecArray, timeZone: string): Parsed<string> {
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(match[i]));
  const zone = (match[7] ?? 'Z').toUpperCase();
  const parts: LocalParts = {
    year: year ?? 0,
    month: month ?? 0,
    day: day ?? 0,
    hour: hour ?? 0,
    minute: minute ?? 0,
  };
  if (
    parts.month < 1 ||
    parts.month > 12 ||
    parts.day < 1 ||
    parts.day > daysInMonth(parts.year, parts.month)
  ) {
    return fail('impossible-date', `"${text}" is not a date.`);
  }
  if (parts.hour > 23 || parts.minute > 59) {
    return fail('impossible-time', `"${text}" is not a time of day (00:00 to 23:59).`);
  }
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const digits = zone.replace(':', '');
    offsetMinutes =
      (digits.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  const epoch =
    Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) - offsetMinutes * 60_000;
  return { ok: true, value: formatLocalDateTime(utcToLocal(epoch, timeZone)) };
}

/** Reads a hand count: empty is "not counted" (null), otherwise a whole number from 0. */
export function parseVotes(raw: string): Parsed<number | null> {
  const text = raw.trim();
  if (text === '') {
    return { ok: true, value: null };
  }
  if (!/^\d{1,6}$/.test(text)) {
    return fail('votes-not-a-number', `"${text}" is not a whole number of votes.`);
  }
  return { ok: true, value: Number(text) };
}

const STATUS_WORDS: Record<string, SessionStatus> = {
  proposed: 'proposed',
  vorgeschlagen: 'proposed',
  vorschlag: 'proposed',
  scheduled: 'scheduled',
  geplant: 'scheduled',
  eingeplant: 'scheduled',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  abgesagt: 'cancelled',
  'fällt aus': 'cancelled',
  ausgefallen: 'cancelled',
};

/** Reads a status word (English or German); empty means "from the row" (undefined). */
export function parseStatus(raw: string): Parsed<SessionStatus | undefined> {
  const text = raw.trim().toLocaleLowerCase('de').replace(/\s+/g, ' ');
  if (text === '') {
    return { ok: true, value: undefined };
  }
  const status = STATUS_WORDS[text];
  return status
    ? { ok: true, value: status }
    : fail(
        'unknown-status',
        `"${raw.trim()}" is not a status; use proposed, scheduled or cancelled (vorgeschlagen, geplant, abgesagt).`,
      );
}

/** Unique, trimmed, non-empty items in their first order. */
function cleanList(items: readonly string[]): string[] {
  return [...new Set(items.map((i) => i.trim().replace(/\s+/g, ' ')).filter(Boolean))];
}

/** Tags are separated by ";" or ",": both occur (the fixtures use each). */
export function splitTags(raw: string): string[] {
  return cleanList(raw.split(/[;,\n]/));
}

/**
 * Hosts are separated by ";", by " / " (a slash with spaces around it) or by a line break in the
 * cell. Not by ",", "&" or "und": "Team E- und Open Government", "Müller & Söhne" and
 * "Schutz, Hanna" are each one host. The export joins hosts with "; ".
 */
export function splitHosts(raw: string): string[] {
  return cleanList(raw.split(/;|\s\/\s|\n/));
}

/** Separator the CSV export joins hosts with; {@link splitHosts} splits it again. */
export const HOST_SEPARATOR = '; ';
/** Separator the English CSV export joins tags with (like the fixture); {@link splitTags} splits it. */
export const TAG_SEPARATOR = ';';

/**
 * CSV injection (OWASP "CSV Injection"): a cell that starts with = + - @, a tab or a carriage
 * return is run as a formula by spreadsheet programs. The export writes such a value with one
 * leading apostrophe, which makes Excel and LibreOffice show it as text. To keep round trips exact,
 * a value that already starts with apostrophes followed by such a character gets one more, and the
 * import removes exactly one apostrophe from values of that shape: `=x` → `'=x` → `=x`,
 * `'=x` → `''=x` → `'=x`, and `'hello` stays `'hello` both ways.
 */
const GUARDED = /^'*[=+\-@\t\r]/;

/** Prefixes an apostrophe where a spreadsheet would read a formula. */
export function guardFormula(value: string): string {
  return GUARDED.test(value) ? `'${value}` : value;
}

/** Removes the apostrophe {@link guardFormula} added. */
export function unguardFormula(value: string): string {
  return value.startsWith("'") && GUARDED.test(value) ? value.slice(1) : value;
}
