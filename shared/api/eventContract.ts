import { z } from 'zod';
import { idSchema } from '../docs/docName.js';
import { planConflictSchema } from '../event/conflicts.js';
import { readProblemSchema, sessionStatusSchema } from '../event/eventSnapshot.js';
import { planPreviewSchema } from '../event/importedPlan.js';
import { apiErrorSchema, eventSummarySchema } from './contract.js';

/**
 * The HTTP API of events and their session plans (routes in server/http/eventRoutes.ts), and the
 * JSON that `mitschrift event show --json` prints, which is the same {@link eventDetailSchema}.
 *
 *   GET  /api/events/:id                   → EventDetail
 *   POST /api/events/plan-preview          body: the file's bytes → PlanPreview (no event needed)
 *   POST /api/events/:id/plan-preview      body: the file's bytes → PlanPreview
 *   POST /api/events/import-plan?title=T[&skipBadRows=true]
 *                                          body: the file's bytes → 201 ImportPlanResponse (new event)
 *   POST /api/events/:id/import-plan[?skipBadRows=true]
 *                                          body: the file's bytes → 200 ImportPlanResponse (merged in)
 *   GET  /api/events/:id/plan.csv[?format=csv|csv-excel-de] → text/csv attachment
 *   GET  /api/events/:id/plan.ics          → text/calendar attachment
 *
 * File bodies: Content-Type `text/csv` (or text/plain, application/vnd.ms-excel) for CSV and
 * `application/json` for a Sessionize "All" export; other types are recognised by content. At most
 * {@link MAX_PLAN_FILE_BYTES}; larger bodies get 413. Files with more than {@link MAX_PLAN_ROWS} rows
 * get a preview with only the file problem `too-many-rows`. Files are read in the import worker (time
 * and memory budget, server/imports/importPool.ts): one that exceeds it gets 413 (memory) or 422 (time). A file with row errors gets 422 with the preview
 * ({@link importRefusedSchema}) and nothing is written, unless `skipBadRows=true`.
 */

/** Largest plan file accepted, by the CLI and the API alike. A plan of 1,000 sessions is about 200 KB. */
export const MAX_PLAN_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Most rows (CSV) or sessions (Sessionize) a plan file may have; a larger one is refused with the
 * file problem `too-many-rows` before its rows are read, so a preview stays small and quick. A big
 * BarCamp has a few hundred sessions.
 */
export const MAX_PLAN_ROWS = 2_000;

/** The export formats of a plan. */
export const planExportFormatSchema = z.enum(['csv', 'csv-excel-de', 'ics']);
/** An export format: `csv` (UTF-8, comma, English headers), `csv-excel-de` (for German Excel), `ics`. */
export type PlanExportFormat = z.infer<typeof planExportFormatSchema>;

/** An ISO 8601 instant with the event's UTC offset, e.g. `2018-05-05T10:45:00+02:00`. */
const isoWithOffsetSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);

/** A room as the API shows it. */
const roomDetailSchema = z.object({
  id: idSchema,
  name: z.string(),
  capacity: z.number().int().nullable(),
});

/** A slot as the API shows it: local times with their offset. */
const slotDetailSchema = z.object({
  id: idSchema,
  start: isoWithOffsetSchema,
  end: isoWithOffsetSchema,
});

/** A session as the API shows it; room, start and end are null for a proposal. */
const sessionDetailSchema = z.object({
  id: idSchema,
  title: z.string(),
  hosts: z.array(z.string()),
  room: z.string().nullable(),
  roomId: idSchema.nullable(),
  slotId: idSchema.nullable(),
  start: isoWithOffsetSchema.nullable(),
  end: isoWithOffsetSchema.nullable(),
  votes: z.number().int().nullable(),
  tags: z.array(z.string()),
  description: z.string(),
  status: sessionStatusSchema,
  /** The session's sketchnote (`mitschrift sketch export SKETCH`), null until one is opened or imported. */
  sketchId: idSchema.nullable(),
});

/** `GET /api/events/:id` and `mitschrift event show --json`: an event with its whole plan. */
export const eventDetailSchema = eventSummarySchema.extend({
  timeZone: z.string(),
  days: z.array(z.string()),
  motto: z.string(),
  venue: z.string(),
  licence: z.string(),
  /** In plan order. */
  rooms: z.array(roomDetailSchema),
  /** Sorted by time. */
  slots: z.array(slotDetailSchema),
  /** In plan order: placed sessions by time and room, then proposals as they came in. */
  sessions: z.array(sessionDetailSchema),
  conflicts: z.array(planConflictSchema),
  /** Entries of the document that were skipped or repaired while reading it. */
  problems: z.array(readProblemSchema),
});
/** An event with its whole plan. */
export type EventDetail = z.infer<typeof eventDetailSchema>;

/** Response of both import routes. */
export const importPlanResponseSchema = z.object({
  event: eventSummarySchema,
  /** What was added to the event. */
  added: z.object({ rooms: z.number().int(), slots: z.number().int(), sessions: z.number().int() }),
  /** Lines of rows that had errors and were left out (only with skipBadRows). */
  skippedLines: z.array(z.number().int()),
  preview: planPreviewSchema,
});
/** Response of an import. */
export type ImportPlanResponse = z.infer<typeof importPlanResponseSchema>;

/** 422 answer to an import whose file has errors: nothing was written. */
export const importRefusedSchema = apiErrorSchema.extend({ preview: planPreviewSchema });
/** Body of a refused import. */
export type ImportRefused = z.infer<typeof importRefusedSchema>;

/** Query of `POST /api/events/import-plan`. */
export const importPlanQuerySchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'The title is empty.')
    .max(200, 'The title is longer than 200 characters.')
    .optional(),
  skipBadRows: z.enum(['true', 'false']).optional(),
});
