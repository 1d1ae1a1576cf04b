import { z } from 'zod';
import { findConflicts, planConflictSchema } from './conflicts.js';
import {
  localDateTimeSchema,
  sessionStatusSchema,
  timeZoneSchema,
  type EventSnapshot,
  type Session,
} from './eventSnapshot.js';
import { DEFAULT_LICENCE } from './eventLayout.js';

/**
 * A session plan read from a file (CSV or Sessionize JSON) before it is written into an event, and
 * the preview an organiser checks first. Rooms are referred to by name and slots by their times, so
 * the same plan can be merged into an event that already has rooms and slots.
 */

/** The columns of a plan file, in the order the CSV export writes them. */
export const PLAN_FIELDS = [
  'title',
  'hosts',
  'room',
  'start',
  'end',
  'votes',
  'tags',
  'description',
  'status',
] as const;
/**
 * The columns an imported file may have: the exported ones, plus `date` for hand-made sheets that
 * keep the day in its own column and only times in start and end.
 */
const IMPORT_FIELDS = [...PLAN_FIELDS, 'date'] as const;
/** One column of a plan file. */
const planFieldSchema = z.enum(IMPORT_FIELDS);
/** One column of a plan file. */
export type PlanField = z.infer<typeof planFieldSchema>;

/** A room of an imported plan. */
const importedRoomSchema = z.object({
  name: z.string().min(1),
  capacity: z.number().int().nonnegative().nullable(),
});

/** A slot of an imported plan (local wall-clock times in the plan's time zone). */
const importedSlotSchema = z.object({ start: localDateTimeSchema, end: localDateTimeSchema });

/** A session of an imported plan; room, start and end are all set (a place in the grid) or all null. */
const importedSessionSchema = z
  .object({
    title: z.string(),
    hosts: z.array(z.string()),
    description: z.string(),
    tags: z.array(z.string()),
    votes: z.number().int().nonnegative().nullable(),
    room: z.string().nullable(),
    start: localDateTimeSchema.nullable(),
    end: localDateTimeSchema.nullable(),
    status: sessionStatusSchema,
  })
  .refine(
    (s) => (s.room === null) === (s.start === null) && (s.start === null) === (s.end === null),
    'Room, start and end are either all given or all empty.',
  )
  .refine((s) => s.start === null || s.end === null || s.start < s.end, 'A session must end after it starts.')
  .refine((s) => s.status !== 'scheduled' || s.room !== null, 'A scheduled session needs a room and a time.');
/** A session of an imported plan. */
export type ImportedSession = z.infer<typeof importedSessionSchema>;

/** A whole imported plan. */
export const importedPlanSchema = z.object({
  timeZone: timeZoneSchema,
  /** In the order they first appear in the file. */
  rooms: z.array(importedRoomSchema),
  /** Distinct (start, end) pairs, sorted by time. */
  slots: z.array(importedSlotSchema),
  /** In file order. */
  sessions: z.array(importedSessionSchema),
});
/** A whole imported plan. */
export type ImportedPlan = z.infer<typeof importedPlanSchema>;

/** How bad a problem is: errors block the import (unless bad rows are skipped), warnings do not. */
const problemSeveritySchema = z.enum(['error', 'warning']);

/** A problem with one value of one row. */
const rowProblemSchema = z.object({
  severity: problemSeveritySchema,
  /** Stable machine-readable reason, for translated messages in the UI. */
  code: z.string(),
  /** The column as the file names it (its header, or the JSON field for Sessionize). */
  column: z.string(),
  /** Which plan field that column is, when known. */
  field: planFieldSchema.optional(),
  /** An English sentence that names the line, column and what is wrong. */
  message: z.string(),
});
/** A problem with one value of one row. */
export type RowProblem = z.infer<typeof rowProblemSchema>;

/** A problem with the whole file (encoding, size, headers). */
const fileProblemSchema = z.object({
  severity: problemSeveritySchema,
  code: z.string(),
  message: z.string(),
});
/** A problem with the whole file. */
export type FileProblem = z.infer<typeof fileProblemSchema>;

/** One data row of the file as read, with its problems. */
const previewRowSchema = z.object({
  /** 1-based line where the row starts (CSV), or 1-based position in `sessions` (Sessionize). */
  line: z.number().int().positive(),
  /** The raw text of each recognised column. */
  values: z.partialRecord(planFieldSchema, z.string()),
  problems: z.array(rowProblemSchema),
  /** Index of the session this row became in `plan.sessions`, or null if it was not imported. */
  session: z.number().int().nonnegative().nullable(),
});
/** One data row of a preview. */
export type PreviewRow = z.infer<typeof previewRowSchema>;

/** A column of the file and the plan field it was recognised as (null: not imported). */
const previewColumnSchema = z.object({ header: z.string(), field: planFieldSchema.nullable() });

/** A conflict in the imported plan; `sessions` are indices into `plan.sessions`. */
export const previewConflictSchema = planConflictSchema.omit({ sessionIds: true }).extend({
  sessions: z.array(z.number().int().nonnegative()),
});

/** What the file was and how it was read. */
const planSourceSchema = z.object({
  format: z.enum(['csv', 'sessionize']),
  bytes: z.number().int().nonnegative(),
  /** CSV only. */
  encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']).optional(),
  /** CSV only. */
  delimiter: z.enum([',', ';', '\t']).optional(),
});
/** How a plan file was read. */
export type PlanSource = z.infer<typeof planSourceSchema>;

/** Counts for the preview's summary line. */
const previewSummarySchema = z.object({
  rows: z.number().int(),
  sessions: z.number().int(),
  scheduled: z.number().int(),
  proposed: z.number().int(),
  cancelled: z.number().int(),
  rooms: z.number().int(),
  slots: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
});

/** What an organiser sees before importing a plan file. */
export const planPreviewSchema = z.object({
  source: planSourceSchema,
  columns: z.array(previewColumnSchema),
  rows: z.array(previewRowSchema),
  fileProblems: z.array(fileProblemSchema),
  /** The plan from every row without errors. */
  plan: importedPlanSchema,
  conflicts: z.array(previewConflictSchema),
  summary: previewSummarySchema,
  /** False when a file problem or any row error blocks importing everything. */
  complete: z.boolean(),
});
/** The preview of a plan file. */
export type PlanPreview = z.infer<typeof planPreviewSchema>;

/** Ids of the stand-in snapshot made by {@link planAsSnapshot}: rooms `r<i>`, slots `t<i>`, sessions `s<i>`. */
function indexId(prefix: string, index: number): string {
  return `${prefix}${index}`;
}

/**
 * The plan as an event snapshot with stand-in ids, so the preview can use the same grid and the same
 * conflict checks as a real event. Session `s<i>` is `plan.sessions[i]`.
 */
function planAsSnapshot(plan: ImportedPlan): EventSnapshot {
  const roomIds = new Map(plan.rooms.map((r, i) => [r.name, indexId('r', i)]));
  const slotIds = new Map(plan.slots.map((s, i) => [`${s.start}/${s.end}`, indexId('t', i)]));
  const sessions = plan.sessions.map((s, i): Session => {
    const roomId = s.room === null ? undefined : roomIds.get(s.room);
    const slotId = s.start === null || s.end === null ? undefined : slotIds.get(`${s.start}/${s.end}`);
    const cell = roomId && slotId ? { roomId, slotId } : null;
    return {
      id: indexId('s', i),
      title: s.title,
      hosts: s.hosts,
      description: s.description,
      tags: s.tags,
      votes: s.votes,
      status: s.status === 'cancelled' ? 'cancelled' : cell ? 'scheduled' : 'proposed',
      cell,
      seq: 0,
      createdAt: String(i).padStart(6, '0'),
    };
  });
  const days = [...new Set(plan.slots.map((s) => s.start.slice(0, 10)))].sort();
  return {
    meta: {
      motto: '',
      venue: '',
      licence: DEFAULT_LICENCE,
      timeZone: plan.timeZone,
      days,
    },
    rooms: plan.rooms.map((r, i) => ({ id: indexId('r', i), name: r.name, capacity: r.capacity, order: i })),
    slots: plan.slots.map((s, i) => ({ id: indexId('t', i), start: s.start, end: s.end })),
    sessions,
    problems: [],
  };
}

/** The conflicts of an imported plan, pointing at `plan.sessions` by index. */
export function previewConflicts(plan: ImportedPlan): z.infer<typeof previewConflictSchema>[] {
  return findConflicts(planAsSnapshot(plan)).map(({ sessionIds, ...rest }) => ({
    ...rest,
    sessions: sessionIds.map((id) => Number(id.slice(1))),
  }));
}
