import type { Slot } from '../../shared/event/eventSnapshot.js';

/**
 * German wording shared by the booklet and the website, so both say the same (dates, times, labels).
 */

const MONTHS = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];

/** `2026-05-09` → `9. Mai 2026`; anything else unchanged. */
function germanDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) {
    return day;
  }
  return `${Number(m[3])}. ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** The event's days as one line (`9. Mai 2026` or `9. Mai 2026 – 10. Mai 2026`). */
export function eventDates(days: readonly string[], slots: readonly Slot[]): string {
  const all = [...days, ...slots.map((s) => s.start.slice(0, 10))].sort();
  const first = all[0];
  const last = all[all.length - 1];
  if (!first || !last) {
    return '';
  }
  return first === last ? germanDate(first) : `${germanDate(first)} – ${germanDate(last)}`;
}

/** A slot as `9. Mai 2026, 10:45–11:30 Uhr`. */
export function slotText(slot: Slot | null): string {
  if (!slot) {
    return 'ohne Zeit';
  }
  return `${germanDate(slot.start)}, ${slot.start.slice(11, 16)}–${slot.end.slice(11, 16)} Uhr`;
}

/** The first and last day of the event as ISO dates, for temporal coverage. */
export function temporalRange(
  days: readonly string[],
  slots: readonly Slot[],
): { start: string; end: string } | null {
  const all = [
    ...days,
    ...slots.map((s) => s.start.slice(0, 10)),
    ...slots.map((s) => s.end.slice(0, 10)),
  ].sort();
  const first = all[0];
  const last = all[all.length - 1];
  return first && last ? { start: first, end: last } : null;
}

/** What a link attachment points to, in German. */
export const LINK_KINDS = { video: 'Video', stream: 'Livestream', post: 'Beitrag', other: 'Link' } as const;

/** Labels of the bundle's pages and booklet. */
export const LABELS = {
  plan: 'Sessionplan',
  hosts: 'Sessiongeber:innen',
  room: 'Raum',
  time: 'Zeit',
  votes: 'Stimmen',
  notes: 'Mitschrift',
  files: 'Dateien',
  links: 'Links',
  sketchnote: 'Sketchnote',
  attachments: 'Anhänge',
  noNotes: 'Zu dieser Session gibt es keine Mitschrift.',
  licence: 'Lizenz',
  venue: 'Ort',
  date: 'Datum',
  motto: 'Motto',
  contents: 'Inhalt',
  back: 'Zur Übersicht',
  pseudonymised:
    'Namen von Personen, die einer Nennung nicht zugestimmt haben, sind durch „Autor:in N“ ersetzt.',
} as const;
