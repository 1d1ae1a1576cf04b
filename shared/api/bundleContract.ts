import { z } from 'zod';
import { idSchema } from '../docs/docName.js';

/**
 * The HTTP API of documentation bundles (routes in server/http/bundleRoutes.ts; organisers of the
 * event only). An export runs in the core while the organiser watches its progress and may cancel it:
 *
 *   POST /api/events/:id/exports                      body ExportRequest → 202 ExportStatus
 *   GET  /api/events/:id/exports/:exportId            → ExportStatus
 *   POST /api/events/:id/exports/:exportId/cancel     → ExportStatus (state `cancelled` unless it had ended)
 *   GET  /api/events/:id/exports/:exportId/bundle.zip → the bundle (application/zip); 409 until `done`
 *
 * Unknown exports answer 404. The bundle's layout is the CLI's (`mitschrift export`, README).
 */

/** The profiles of a bundle: `public` (names only with consent, no chat or history) or `internal`. */
const bundleProfileSchema = z.enum(['public', 'internal']);

/** Body of `POST /api/events/:id/exports`. */
export const exportRequestSchema = z.object({
  profile: bundleProfileSchema,
  /** Only these sessions; all (but cancelled ones) when absent. */
  sessions: z.array(idSchema).min(1).max(2000).optional(),
});
/** What to export. */
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** Where an export stands. */
const exportStateSchema = z.enum(['running', 'done', 'failed', 'cancelled']);

/** `GET /api/events/:id/exports/:exportId`. */
export const exportStatusSchema = z.object({
  id: idSchema,
  eventId: idSchema,
  profile: bundleProfileSchema,
  state: exportStateSchema,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  step: z.string(),
  /** Set once `done`: files in the bundle and the ZIP's size. */
  files: z.number().int().nonnegative().nullable(),
  bytes: z.number().int().nonnegative().nullable(),
  /** The names that were replaced (public profile), for the organiser; never written into the bundle. */
  pseudonyms: z.array(z.object({ pseudonym: z.string(), name: z.string(), roles: z.array(z.string()) })),
  /** Why it failed. */
  error: z.string().nullable(),
});
/** An export's status. */
export type ExportStatus = z.infer<typeof exportStatusSchema>;
