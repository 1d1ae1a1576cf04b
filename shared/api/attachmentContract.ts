import { z } from 'zod';
import { idSchema } from '../docs/docName.js';

/**
 * A session's attachments over HTTP (routes in server/http/attachmentRoutes.ts; organisers and
 * recorders of the session's event, server/access/accessTable.ts). The session's id is its pad's.
 *
 *   GET  /api/sessions/:sessionId/attachments                      → AttachmentList
 *   POST /api/sessions/:sessionId/attachments?title=T&licence=L    body: the file's bytes → 201 Attachment
 *   POST /api/sessions/:sessionId/attachments/links                body LinkRequest → 201 Attachment
 *   GET  /api/sessions/:sessionId/attachments/:attachmentId        → the file (links: 404)
 *   POST /api/sessions/:sessionId/attachments/:attachmentId/remove → AttachmentList
 *
 * Files are checked by their bytes (PDF up to 50 MB, JPEG and PNG photos up to 20 MB and
 * 50 megapixels, complete files only); refusals answer 400, 413, 415 or 422 naming the problem.
 */

/** What a link points to. */
export const linkKindSchema = z.enum(['video', 'stream', 'post', 'other']);
/** The types of file attachments. */
const attachmentFileTypeSchema = z.enum(['pdf', 'png', 'jpeg']);

const title = z.string().trim().min(1, 'A title is required.').max(300);
const licence = z.string().trim().min(1, 'A licence is required.').max(100);
const url = z
  .string()
  .url()
  .regex(/^https?:\/\//i, 'Only http and https links.');

const base = { id: idSchema, title, licence, addedAt: z.string() };

/** One attachment as stored and as the API shows it. */
export const attachmentSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('file'),
    type: attachmentFileTypeSchema,
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  z.object({ ...base, kind: z.literal('link'), linkKind: linkKindSchema, url }),
]);
/** An attachment. */
export type Attachment = z.infer<typeof attachmentSchema>;

/** `GET /api/sessions/:sessionId/attachments`: oldest first. */
export const attachmentListSchema = z.object({ attachments: z.array(attachmentSchema) });
/** A session's attachments. */
export type AttachmentList = z.infer<typeof attachmentListSchema>;

/** The query of a file upload. */
export const fileMetaSchema = z.object({ title, licence });

/** Body of `POST /api/sessions/:sessionId/attachments/links`. */
export const linkRequestSchema = z.object({ url, title, licence, linkKind: linkKindSchema });
/** A link to attach. */
export type LinkRequest = z.infer<typeof linkRequestSchema>;
