import type { PlanPreview, PreviewRow } from '../../../shared/event/importedPlan.js';
import { isLocalDateTime } from '../../../shared/event/localTime.js';

/**
 * Small pure helpers behind the plan's forms, kept apart from the components so they can be tested
 * without a browser.
 */

/** Reads a capacity field: empty is "unknown" (null), a whole number is the seats, anything else undefined. */
export function parseCapacity(text: string): number | null | undefined {
  const value = text.trim();
  if (value === '') {
    return null;
  }
  return /^\d{1,6}$/.test(value) ? Number(value) : undefined;
}

/** A slot's times from `HH:MM` fields on its day; undefined if they do not make a slot. */
export function slotTimes(
  day: string,
  start: string,
  end: string,
): { start: string; end: string } | undefined {
  const times = { start: `${day}T${start}`, end: `${day}T${end}` };
  return isLocalDateTime(times.start) && isLocalDateTime(times.end) && times.start < times.end
    ? times
    : undefined;
}

/** The copy's title: the year in it moved along ("BarCamp 2018" → "BarCamp 2019"), else `copyTitle`. */
export function templateTitle(
  title: string,
  fromDay: string | undefined,
  toDay: string,
  copyTitle: string,
): string {
  const fromYear = fromDay?.slice(0, 4);
  const toYear = toDay.slice(0, 4);
  if (fromYear !== undefined && fromYear !== toYear && title.includes(fromYear)) {
    return title.split(fromYear).join(toYear);
  }
  return copyTitle;
}

/** Rows that have at least one error; they are left out only when the person chooses so. */
export function badRows(preview: Pick<PlanPreview, 'rows'>): PreviewRow[] {
  return preview.rows.filter((row) => row.problems.some((p) => p.severity === 'error'));
}

/** A title for a new event from the file name: "mucgov18-sessionplan.csv" → "mucgov18 sessionplan". */
export function titleFromFileName(name: string): string {
  return name
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim()
    .slice(0, 200);
}

/** Splits a comma-separated field ("Ada, Grace") into trimmed, non-empty names. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
