import { WORKSPACE_DOC, docNameFor } from '../../shared/docs/docName.js';
import { listEvents } from '../../shared/docs/workspaceIndex.js';
import { newId, type RandomBytes } from '../../shared/event/ids.js';
import { readEvent } from '../../shared/event/readEvent.js';
import { excalidrawFileName } from '../../shared/api/sketchContract.js';
import { EXCALIDRAW_MIME } from '../../shared/sketch/excalidraw/excalidrawFormat.js';
import { exportExcalidraw, serialiseExcalidraw } from '../../shared/sketch/excalidraw/excalidrawExport.js';
import {
  usedSketchIds,
  writeImportedSketch,
  type ExcalidrawImportReport,
  type ExcalidrawImportResult,
  type ImportedSketch,
} from '../../shared/sketch/excalidraw/excalidrawImport.js';
import { topZByLayer } from '../../shared/sketch/objects/paintOrder.js';
import type { RejectedEntry } from '../../shared/sketch/objects/sketchScene.js';
import { linkSessionSketch } from '../../shared/sketch/sessionSketch.js';
import type { DocStorage } from '../storage/docStorage.js';
import type { DocAccess } from '../plan/eventService.js';
import { readExcalidrawInWorker } from '../imports/importCalls.js';

/**
 * Sketchnote operations shared by the CLI (which opens the store itself under the workspace lock)
 * and the HTTP API (which goes through the DocRegistry, so connected clients see changes live).
 */

/** The author of imported entries that carry no author of their own. */
export const IMPORT_AUTHOR = 'excalidraw-import';

/** Where a session is. */
interface SessionLocation {
  eventId: string;
  eventTitle: string;
  sessionId: string;
  sessionTitle: string;
  /** The sketchnote the session links now, if any. */
  sketchId: string | undefined;
}

/** Finds a session among the live events of the workspace. */
function findSession(access: DocAccess, sessionId: string): SessionLocation | undefined {
  for (const event of access.read(WORKSPACE_DOC, listEvents)) {
    const session = access
      .read(docNameFor('event', event.id), readEvent)
      .sessions.find((s) => s.id === sessionId);
    if (session) {
      return {
        eventId: event.id,
        eventTitle: event.title,
        sessionId,
        sessionTitle: session.title,
        sketchId: session.sketchId,
      };
    }
  }
  return undefined;
}

/** A new sketchnote made for a session. */
export interface CreatedSketch {
  sketchId: string;
  session: SessionLocation;
  /** The sketchnote the session linked before (kept in the workspace, no longer linked). */
  previousSketchId: string | undefined;
}

/**
 * Writes an imported drawing as a new sketchnote and links it to the session (its `sketchId`).
 * The sketch document is written before the link, so a crash in between leaves an unlinked
 * sketch, never a session pointing at a missing one. Undefined if there is no such session.
 */
export function createSessionSketch(
  access: DocAccess,
  sessionId: string,
  imported: ImportedSketch,
  options: { random: RandomBytes },
): CreatedSketch | undefined {
  const session = findSession(access, sessionId);
  if (!session) {
    return undefined;
  }
  const sketchId = newId(options.random);
  access.change(docNameFor('sketch', sketchId), (doc) => writeImportedSketch(doc, imported));
  const linked = access.change(docNameFor('event', session.eventId), (doc) =>
    linkSessionSketch(doc, sessionId, sketchId),
  );
  if (!linked) {
    // The session vanished between the two steps (a peer deleted it): nothing links the sketch.
    return undefined;
  }
  return { sketchId, session, previousSketchId: linked.previous };
}

/**
 * Imports an Excalidraw file on top of an existing (or new) sketchnote, avoiding its ids. The file
 * is read in the import worker (time and memory budget); a refused file writes nothing, and for a
 * sketch that does not exist yet (`exists` false) a refused file does not even load the document.
 * Rejects with ImportBudgetError when the budget ends the import.
 */
export async function importIntoSketch(
  access: DocAccess,
  sketchId: string,
  text: string,
  options: { now: number; exists: boolean },
): Promise<ExcalidrawImportResult> {
  const name = docNameFor('sketch', sketchId);
  const target = options.exists
    ? access.read(name, (doc) => ({ usedIds: usedSketchIds(doc), zBase: topZByLayer(doc) }))
    : { usedIds: new Set<string>(), zBase: {} };
  const result = await readExcalidrawInWorker(text, { now: options.now, ...target });
  if (result.ok) {
    // Entries drawn meanwhile have random ids of their own, so the imported ones cannot clash.
    access.change(name, (doc) => writeImportedSketch(doc, result.value));
  }
  return result;
}

/** Whether a sketchnote has a store file (exports of unknown sketches answer "not found"). */
export function sketchExists(store: Pick<DocStorage, 'exists'>, sketchId: string): boolean {
  return store.exists(docNameFor('sketch', sketchId));
}

/** An exported sketchnote file. */
export interface ExportedSketch {
  body: string;
  contentType: string;
  filename: string;
  /** Elements written. */
  elements: number;
  /** Malformed entries of the document, left out. */
  skipped: RejectedEntry[];
}

/** Exports a sketchnote as an `.excalidraw` file. */
export function exportSketch(
  access: DocAccess,
  sketchId: string,
  options: { source: string },
): ExportedSketch {
  const { file, skipped } = access.read(docNameFor('sketch', sketchId), (doc) =>
    exportExcalidraw(doc, options),
  );
  return {
    body: serialiseExcalidraw(file),
    contentType: `${EXCALIDRAW_MIME}; charset=utf-8`,
    filename: excalidrawFileName(sketchId),
    elements: file.elements.length,
    skipped,
  };
}

/** The report as lines for a terminal: counts per type, skipped types, notes. */
export function reportLines(report: ExcalidrawImportReport): string[] {
  const counts = (record: Record<string, number>): string =>
    Object.entries(record)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, n]) => `${n} ${type}`)
      .join(', ');
  const lines = [`Imported: ${counts(report.imported) || 'nothing'}.`];
  if (Object.keys(report.skipped).length > 0) {
    lines.push(`Skipped: ${counts(report.skipped)}.`);
  }
  if (report.deleted > 0) {
    lines.push(`Deleted in the file (not imported): ${report.deleted}.`);
  }
  lines.push(...report.notes.map((note) => `note: ${note}`));
  return lines;
}
