import type { EventSnapshot } from '../../shared/event/eventSnapshot.js';
import { PLAN_FIELDS, type PlanField } from '../../shared/event/importedPlan.js';
import { sessionsInPlanOrder } from '../../shared/event/planOrder.js';
import { ENGLISH_HEADERS, GERMAN_HEADERS } from './planColumns.js';
import { HOST_SEPARATOR, TAG_SEPARATOR, guardFormula } from './planValues.js';

/**
 * The two CSV shapes of a plan:
 *
 * - `csv`: UTF-8 without BOM, comma, English headers, ISO local times `yyyy-mm-ddTHH:MM`, tags
 *   joined by ";" (the shape of test/fixtures/plans/ogd-leipzig-2026-sessionplan.csv, plus a status column). For
 *   scripts and other tools; importing it gives the identical plan.
 * - `csv-excel-de`: what German Excel opens with a double click: UTF-8 with BOM (without it Excel
 *   reads Windows-1252 and breaks umlauts), ";" (Excel's list separator with a German locale),
 *   German headers, `dd.mm.yyyy HH:MM`, tags joined by ", ". Also re-imports identically.
 *
 * Both: CRLF line ends (RFC 4180), text values always in double quotes, numbers bare, empty values
 * empty, and every text value that a spreadsheet would run as a formula prefixed with an apostrophe
 * (planValues.ts, guardFormula). Sessions are in plan order (planOrder.ts); status is
 * `scheduled`, `proposed` or `cancelled` (German: geplant, vorgeschlagen, abgesagt).
 */
export type CsvShape = 'csv' | 'csv-excel-de';

const GERMAN_STATUS = { scheduled: 'geplant', proposed: 'vorgeschlagen', cancelled: 'abgesagt' } as const;

/** Writes a plan as CSV text (for `csv-excel-de` including the BOM character at the start). */
export function exportPlanCsv(snapshot: EventSnapshot, shape: CsvShape): string {
  const german = shape === 'csv-excel-de';
  const delimiter = german ? ';' : ',';
  const headers = german ? GERMAN_HEADERS : ENGLISH_HEADERS;
  const fields = PLAN_FIELDS as readonly PlanField[];
  // Headers bare, as in the organisers' own files; they are plain words that need no quotes.
  const lines = [fields.map((f) => headers[f]).join(delimiter)];
  for (const { session, room, slot } of sessionsInPlanOrder(snapshot)) {
    const values: Record<PlanField, string | number | null> = {
      title: session.title,
      hosts: session.hosts.join(HOST_SEPARATOR),
      room: room?.name ?? null,
      start: slot ? (german ? germanDateTime(slot.start) : slot.start) : null,
      end: slot ? (german ? germanDateTime(slot.end) : slot.end) : null,
      votes: session.votes,
      tags: session.tags.join(german ? ', ' : TAG_SEPARATOR),
      description: session.description,
      status: german ? GERMAN_STATUS[session.status] : session.status,
      date: null,
    };
    lines.push(fields.map((f) => cell(values[f])).join(delimiter));
  }
  return (german ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

function cell(value: string | number | null): string {
  if (value === null || value === '') {
    return '';
  }
  return typeof value === 'number' ? String(value) : quote(guardFormula(value));
}

function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** `2018-05-05T10:45` → `05.05.2018 10:45`. */
function germanDateTime(local: string): string {
  return `${local.slice(8, 10)}.${local.slice(5, 7)}.${local.slice(0, 4)} ${local.slice(11, 16)}`;
}
