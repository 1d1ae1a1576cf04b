import type { Language } from '../../../shared/ipc/contract.js';

/**
 * Dates of the plan as people read them. Event days are calendar dates without a time zone, so they
 * are formatted as UTC noon: the weekday never shifts, wherever the reader's device is.
 */

function localeOf(language: Language): string {
  return language === 'de' ? 'de-DE' : 'en-GB';
}

function dateAtNoon(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

/** "Samstag, 5. Mai 2018" */
export function formatDay(day: string, language: Language): string {
  const date = dateAtNoon(day);
  if (Number.isNaN(date.getTime())) {
    return day;
  }
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'full', timeZone: 'UTC' }).format(date);
}

/** "Sa., 5. Mai" — for tight places. */
export function formatShortDay(day: string, language: Language): string {
  const date = dateAtNoon(day);
  if (Number.isNaN(date.getTime())) {
    return day;
  }
  return new Intl.DateTimeFormat(localeOf(language), {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(date);
}

/** The event's days as one phrase: "5. Mai 2018", "5.–6. Mai 2018" (as Intl formats ranges). */
export function formatDays(days: readonly string[], language: Language): string {
  const sorted = [...days].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) {
    return '';
  }
  const format = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' });
  if (first === last) {
    return format.format(dateAtNoon(first));
  }
  if (isRun(sorted)) {
    return format.formatRange(dateAtNoon(first), dateAtNoon(last));
  }
  return sorted.map((d) => format.format(dateAtNoon(d))).join(', ');
}

function isRun(days: readonly string[]): boolean {
  return days.every((day, i) => {
    const previous = days[i - 1];
    return (
      previous === undefined || dateAtNoon(day).getTime() - dateAtNoon(previous).getTime() === 86_400_000
    );
  });
}
