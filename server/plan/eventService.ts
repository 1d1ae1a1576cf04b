import type * as Y from 'yjs';
import type { EventSummary } from '../../shared/api/contract.js';
import type { EventDetail, PlanExportFormat } from '../../shared/api/eventContract.js';
import { WORKSPACE_DOC, docNameFor, type DocName } from '../../shared/docs/docName.js';
import { addEvent, listEvents } from '../../shared/docs/workspaceIndex.js';
import type { EventIndexEntry } from '../../shared/docs/workspaceLayout.js';
import type { EventSnapshot } from '../../shared/event/eventSnapshot.js';
import { newId, type RandomBytes } from '../../shared/event/ids.js';
import type { ImportedPlan } from '../../shared/event/importedPlan.js';
import { DEFAULT_TIME_ZONE } from '../../shared/event/localTime.js';
import { readEvent } from '../../shared/event/readEvent.js';
import { applyPlan, type AppliedCounts } from './applyPlan.js';
import { exportPlanCsv } from './csvExport.js';
import { toEventDetail } from './eventDetail.js';
import { exportPlanIcs } from './icsExport.js';

/**
 * Event operations shared by the CLI (which opens the store itself) and the HTTP API (which goes
 * through the DocRegistry, so connected clients see the change live). Both give a {@link DocAccess}.
 */
export interface DocAccess {
  /** Runs `change` on a document inside one transaction. */
  change<T>(name: DocName, change: (doc: Y.Doc) => T): T;
  /** Reads a document. */
  read<T>(name: DocName, read: (doc: Y.Doc) => T): T;
}

/** The live events of the workspace, newest first. */
export function listEventSummaries(access: DocAccess): EventSummary[] {
  return access.read(WORKSPACE_DOC, listEvents).map(({ id, title, createdAt }) => ({ id, title, createdAt }));
}

/** The index entry of a live event; undefined for unknown and deleted ones (whose documents stay unopened). */
export function findEvent(access: DocAccess, id: string): EventIndexEntry | undefined {
  return access.read(WORKSPACE_DOC, listEvents).find((e) => e.id === id);
}

/** An event's index entry and plan, or undefined if there is no such live event. */
function readEventSnapshot(
  access: DocAccess,
  id: string,
): { entry: EventIndexEntry; snapshot: EventSnapshot } | undefined {
  const entry = findEvent(access, id);
  if (!entry) {
    return undefined;
  }
  return { entry, snapshot: access.read(docNameFor('event', id), readEvent) };
}

/** An event with its whole plan, as the API and `event show` present it. */
export function readEventDetail(access: DocAccess, id: string): EventDetail | undefined {
  const found = readEventSnapshot(access, id);
  return found && toEventDetail(found.entry, found.snapshot);
}

/** The time zone plan files for this event are read in (the default for a new event). */
export function eventTimeZone(access: DocAccess, id: string | undefined): string {
  if (id === undefined) {
    return DEFAULT_TIME_ZONE;
  }
  return readEventSnapshot(access, id)?.snapshot.meta.timeZone ?? DEFAULT_TIME_ZONE;
}

/**
 * Creates a new event from an imported plan. The event document is written before the index entry,
 * so a crash in between leaves an unlisted document, never a listed event without its plan.
 */
export function createEventFromPlan(
  access: DocAccess,
  options: { title: string; plan: ImportedPlan; random: RandomBytes; now: Date },
): { event: EventSummary; added: AppliedCounts } {
  const event: EventSummary = {
    id: newId(options.random),
    title: options.title,
    createdAt: options.now.toISOString(),
  };
  const added = access.change(docNameFor('event', event.id), (doc) => applyPlan(doc, options.plan, options));
  access.change(WORKSPACE_DOC, (doc) => addEvent(doc, event));
  return { event, added };
}

/** Adds an imported plan to an existing event; undefined if there is no such live event. */
export function importPlanIntoEvent(
  access: DocAccess,
  id: string,
  options: { plan: ImportedPlan; random: RandomBytes; now: Date },
): { event: EventSummary; added: AppliedCounts } | undefined {
  const entry = findEvent(access, id);
  if (!entry) {
    return undefined;
  }
  const added = access.change(docNameFor('event', id), (doc) => applyPlan(doc, options.plan, options));
  return { event: { id: entry.id, title: entry.title, createdAt: entry.createdAt }, added };
}

/** An exported plan file. */
export interface ExportedPlan {
  body: string;
  contentType: string;
  /** A file name made from the event's title, e.g. `barcamp-2018-plan.csv`. */
  filename: string;
}

/** Exports an event's plan; undefined if there is no such live event. */
export function exportEventPlan(
  access: DocAccess,
  id: string,
  format: PlanExportFormat,
  options: { now: Date; productVersion: string },
): ExportedPlan | undefined {
  const found = readEventSnapshot(access, id);
  if (!found) {
    return undefined;
  }
  const base = `${slugify(found.entry.title) || 'event'}-plan`;
  if (format === 'ics') {
    return {
      body: exportPlanIcs(found.snapshot, { eventId: id, title: found.entry.title, ...options }),
      contentType: 'text/calendar; charset=utf-8',
      filename: `${base}.ics`,
    };
  }
  return {
    body: exportPlanCsv(found.snapshot, format),
    contentType: 'text/csv; charset=utf-8',
    filename: format === 'csv-excel-de' ? `${base}-excel.csv` : `${base}.csv`,
  };
}

/** A file-name-safe ASCII form of a title: "BarCamp München 2018" → "barcamp-muenchen-2018". */
export function slugify(title: string): string {
  return title
    .toLocaleLowerCase('de')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
