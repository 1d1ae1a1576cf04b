import { z } from 'zod';
import { idSchema } from '../docs/docName.js';

/**
 * Join links per event: each link carries one token that gives one role on one event. The core's
 * routes (server/http/tokenRoutes.ts; organiser of the event or the workspace owner):
 *
 *   GET  /api/events/:eventId/tokens                     → EventTokenList
 *   POST /api/events/:eventId/tokens                     body CreateEventTokenRequest → 201 EventTokenInfo
 *   PUT  /api/events/:eventId/tokens/:tokenId            body RenameEventTokenRequest → EventTokenInfo
 *   POST /api/events/:eventId/tokens/:tokenId/revoke     → EventTokenInfo (its live connections closed)
 *
 * The workspace owner's token is never one of these and never in any of their answers.
 */

/** The per-event roles, weakest last: organiser (everything about the event), recorder (sketchnotes and pads), edit (pads), view (read along). */
export const eventRoleSchema = z.enum(['organiser', 'recorder', 'edit', 'view']);
/** One per-event role. */
export type EventRole = z.infer<typeof eventRoleSchema>;

/** A join link's label as people read it ("Projektor", "Teilnehmende Raum 2"); may be empty. */
export const tokenLabelSchema = z
  .string()
  .trim()
  .max(100, 'A label has at most 100 characters.')
  .refine(
    (label) => ![...label].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f),
    'A label cannot contain control characters.',
  );

/** One join link as the API and `mitschrift event tokens` show it. */
export const eventTokenInfoSchema = z.object({
  id: idSchema,
  eventId: idSchema,
  role: eventRoleSchema,
  label: z.string(),
  /** ISO time it was made. */
  created: z.string(),
  /** ISO time it was revoked, or null while it works. */
  revoked: z.string().nullable(),
  /** The token itself (`?token=`), or null once revoked (a revoked link is never shown again). */
  token: z.string().nullable(),
  /** The join link on the address the request used (or the configured public URL); null once revoked. */
  url: z.string().nullable(),
});
/** One join link of an event. */
export type EventTokenInfo = z.infer<typeof eventTokenInfoSchema>;

/** `GET /api/events/:eventId/tokens`: the event's links, oldest first, revoked ones included. */
export const eventTokenListSchema = z.object({
  eventId: idSchema,
  tokens: z.array(eventTokenInfoSchema),
});
/** Response of `GET /api/events/:eventId/tokens`. */
export type EventTokenList = z.infer<typeof eventTokenListSchema>;

/** Body of `POST /api/events/:eventId/tokens`. */
export const createEventTokenRequestSchema = z.object({
  role: eventRoleSchema,
  label: tokenLabelSchema.optional(),
});

/** Body of `PUT /api/events/:eventId/tokens/:tokenId`. */
export const renameEventTokenRequestSchema = z.object({ label: tokenLabelSchema });

/**
 * The join link of a token: the event's plan page on `base` (`http://host:port`, no trailing slash)
 * with the token as `?token=`, which the core trades for a cookie on the first visit.
 */
export function eventJoinUrl(base: string, eventId: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/e/${encodeURIComponent(eventId)}?token=${encodeURIComponent(token)}`;
}
