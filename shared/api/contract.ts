import { z } from 'zod';
import { idSchema } from '../docs/docName.js';

/**
 * The HTTP API between renderer (or any client) and core. Both sides parse with these schemas:
 * the core its requests, the renderer its responses.
 */

/** Name of the query parameter, cookie prefix and header scheme that carry the access token. */
export const TOKEN_QUERY_PARAM = 'token';

/** One event as `GET /api/events` lists it. */
export const eventSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  createdAt: z.string(),
});
/** One event as the events list shows it. */
export type EventSummary = z.infer<typeof eventSummarySchema>;

/** `GET /api/events` */
export const eventListResponseSchema = z.object({ events: z.array(eventSummarySchema) });
/** Response of `GET /api/events`. */
export type EventListResponse = z.infer<typeof eventListResponseSchema>;

/** `POST /api/events` */
export const createEventRequestSchema = z.object({
  title: z.string().trim().min(1, 'The title is empty.').max(200, 'The title is longer than 200 characters.'),
});
/** Body of `POST /api/events`. */
export type CreateEventRequest = z.infer<typeof createEventRequestSchema>;

/** A store file the core could not read whole (`truncated`, `corrupted`) or cannot write right now (`write-failed`). */
const storeProblemSchema = z.object({
  file: z.string(),
  doc: z.string(),
  kind: z.enum(['truncated', 'corrupted', 'write-failed']),
  message: z.string(),
});
/** A problem with one store file, named so a person can find it. */
export type StoreProblem = z.infer<typeof storeProblemSchema>;

/**
 * `GET /api/health`. Everyone with a token learns whether the core is ready (serving, not shutting
 * down), the version and an opaque workspace id (the key of local copies); only the owner sees the
 * data folder, the damaged files (which name it) and the live figures: documents in memory, open
 * sync connections, and the documents that cannot be written right now.
 */
export const healthResponseSchema = z.object({
  ok: z.boolean(),
  ready: z.boolean().optional(),
  version: z.string(),
  workspaceId: z.string(),
  dataDir: z.string().optional(),
  problems: z.array(storeProblemSchema),
  documentsOpen: z.number().int().optional(),
  connections: z.number().int().optional(),
  failedDocuments: z.array(z.string()).optional(),
});
/** Response of `GET /api/health`. */
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** Every error the API answers with. */
export const apiErrorSchema = z.object({ error: z.string(), details: z.array(z.string()).optional() });
/** An API error body. */
export type ApiError = z.infer<typeof apiErrorSchema>;
