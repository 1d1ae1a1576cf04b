import { z } from 'zod';
import { idSchema } from '../docs/docName.js';
import { isKnownTimeZone, isLocalDate, isLocalDateTime } from './localTime.js';

/**
 * The plain, validated form of an event document (see eventLayout.ts) that the UI, the exports and
 * the API work with. It is what {@link readEvent} returns: never a live Yjs object. The event's
 * people are apart, in peopleSnapshot.ts.
 */

/** A local wall-clock time `YYYY-MM-DDTHH:MM` that exists in the calendar. */
export const localDateTimeSchema = z
  .string()
  .refine(isLocalDateTime, 'A time is written YYYY-MM-DDTHH:MM and must exist in the calendar.');

/** A calendar date `YYYY-MM-DD`. */
export const localDateSchema = z.string().refine(isLocalDate, 'A date is written YYYY-MM-DD and must exist.');

/** An IANA time zone the platform knows. */
export const timeZoneSchema = z.string().refine(isKnownTimeZone, 'Unknown time zone.');

/** Whether a session is planned, only proposed, or called off. */
export const sessionStatusSchema = z.enum(['proposed', 'scheduled', 'cancelled']);
/** Status of a session, derived from its cell and its cancelled flag. */
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

/** The event's settings. */
export const eventMetaSchema = z.object({
  motto: z.string(),
  venue: z.string(),
  licence: z.string(),
  timeZone: timeZoneSchema,
  days: z.array(localDateSchema),
});
/** Settings of an event. */
export type EventMeta = z.infer<typeof eventMetaSchema>;

/** A room of the plan grid. */
export const roomSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1, 'A room needs a name.'),
  capacity: z.number().int().nonnegative().nullable(),
  order: z.number().finite(),
});
/** A room. */
export type Room = z.infer<typeof roomSchema>;

/** A time slot of the plan grid (local wall-clock times in the event's time zone). */
export const slotSchema = z
  .object({ id: idSchema, start: localDateTimeSchema, end: localDateTimeSchema })
  .refine((slot) => slot.start < slot.end, 'A slot must end after it starts.');
/** A time slot. */
export type Slot = z.infer<typeof slotSchema>;

/** Where a scheduled session sits. */
const cellSchema = z.object({ roomId: idSchema, slotId: idSchema });

/** A session or session proposal. */
export const sessionSchema = z.object({
  id: idSchema,
  title: z.string(),
  hosts: z.array(z.string()),
  description: z.string(),
  tags: z.array(z.string()),
  votes: z.number().int().nonnegative().nullable(),
  status: sessionStatusSchema,
  /** Set for scheduled and for cancelled sessions that had a place; null for proposals. */
  cell: cellSchema.nullable(),
  seq: z.number().int().nonnegative(),
  createdAt: z.string(),
  /** The session's sketchnote document, once it was opened (see `ensureSketchId`). */
  sketchId: idSchema.optional(),
});
/** A session. */
export type Session = z.infer<typeof sessionSchema>;

/** An entry that was skipped or repaired while reading, named so someone can find it. */
export const readProblemSchema = z.object({ path: z.string(), message: z.string() });
/** A problem found while reading an event document. */
export type ReadProblem = z.infer<typeof readProblemSchema>;

/** Everything in one event document. */
export const eventSnapshotSchema = z.object({
  meta: eventMetaSchema,
  /** Sorted by `order`, then name. */
  rooms: z.array(roomSchema),
  /** Sorted by start, then end. */
  slots: z.array(slotSchema),
  /** Sorted by creation time (the order proposals came in). */
  sessions: z.array(sessionSchema),
  problems: z.array(readProblemSchema),
});
/** A validated, plain copy of an event document. */
export type EventSnapshot = z.infer<typeof eventSnapshotSchema>;
