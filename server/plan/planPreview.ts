import { MAX_PLAN_ROWS } from '../../shared/api/eventContract.js';
import {
  importedPlanSchema,
  previewConflicts,
  type FileProblem,
  type ImportedPlan,
  type ImportedSession,
  type PlanPreview,
  type PlanSource,
  type PreviewRow,
} from '../../shared/event/importedPlan.js';

/** What a reader (CSV or Sessionize) found, before rooms, slots and counts are derived. */
export interface PreviewParts {
  source: PlanSource;
  columns: PlanPreview['columns'];
  rows: PreviewRow[];
  fileProblems: FileProblem[];
  sessions: ImportedSession[];
  timeZone: string;
  /** Rooms known from elsewhere (Sessionize lists them), kept in this order before derived ones. */
  rooms?: ImportedPlan['rooms'];
}

/**
 * Completes a preview: rooms are the distinct room names in order of first appearance, slots the
 * distinct (start, end) pairs sorted by time, then conflicts and counts. Rows are sorted by line.
 */
export function finishPreview(parts: PreviewParts): PlanPreview {
  const rooms: ImportedPlan['rooms'] = [];
  const seenRooms = new Set<string>();
  const addRoom = (name: string, capacity: number | null): void => {
    if (!seenRooms.has(name)) {
      seenRooms.add(name);
      rooms.push({ name, capacity });
    }
  };
  for (const room of parts.rooms ?? []) {
    addRoom(room.name, room.capacity);
  }
  const slotKeys = new Map<string, { start: string; end: string }>();
  for (const session of parts.sessions) {
    if (session.room !== null && session.start !== null && session.end !== null) {
      addRoom(session.room, null);
      slotKeys.set(`${session.start}/${session.end}`, { start: session.start, end: session.end });
    }
  }
  const slots = [...slotKeys.values()].sort(
    (a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end),
  );
  const plan = importedPlanSchema.parse({ timeZone: parts.timeZone, rooms, slots, sessions: parts.sessions });
  const rows = [...parts.rows].sort((a, b) => a.line - b.line);
  const rowProblems = rows.flatMap((r) => r.problems);
  const all = [...parts.fileProblems, ...rowProblems];
  const count = (status: ImportedSession['status']): number =>
    plan.sessions.filter((s) => s.status === status).length;
  return {
    source: parts.source,
    columns: parts.columns,
    rows,
    fileProblems: parts.fileProblems,
    plan,
    conflicts: previewConflicts(plan),
    summary: {
      rows: rows.length,
      sessions: plan.sessions.length,
      scheduled: count('scheduled'),
      proposed: count('proposed'),
      cancelled: count('cancelled'),
      rooms: plan.rooms.length,
      slots: plan.slots.length,
      errors: all.filter((p) => p.severity === 'error').length,
      warnings: all.filter((p) => p.severity === 'warning').length,
    },
    complete: all.every((p) => p.severity !== 'error'),
  };
}

/** The file problem of a plan with more than {@link MAX_PLAN_ROWS} rows or sessions. */
export function tooManyRows(what: 'rows' | 'sessions'): FileProblem {
  return {
    severity: 'error',
    code: 'too-many-rows',
    message:
      `The file has more than ${MAX_PLAN_ROWS.toLocaleString('en')} ${what}; a session plan may have at most ` +
      `${MAX_PLAN_ROWS.toLocaleString('en')}. A session plan usually has a few hundred: check that this is the right file.`,
  };
}

/** An empty preview that only carries file problems (too large, not a plan file). */
export function failedPreview(source: PlanSource, timeZone: string, problems: FileProblem[]): PlanPreview {
  return finishPreview({ source, columns: [], rows: [], fileProblems: problems, sessions: [], timeZone });
}

/** Lines of rows that have an error. */
export function badRowLines(preview: PlanPreview): number[] {
  return preview.rows.filter((r) => r.problems.some((p) => p.severity === 'error')).map((r) => r.line);
}

/** Whether a preview may be imported: never with file errors; with row errors only when skipping them. */
export function importable(preview: PlanPreview, skipBadRows: boolean): boolean {
  if (preview.fileProblems.some((p) => p.severity === 'error')) {
    return false;
  }
  return skipBadRows || badRowLines(preview).length === 0;
}
