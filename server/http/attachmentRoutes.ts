import { createReadStream } from 'node:fs';
import {
  fileMetaSchema,
  linkRequestSchema,
  type AttachmentList,
} from '../../shared/api/attachmentContract.js';
import { docNameFor } from '../../shared/docs/docName.js';
import {
  AttachmentError,
  MAX_ATTACHMENT_BYTES,
  addFileAttachment,
  addLinkAttachment,
  attachmentFile,
  checkFileAttachment,
  listAttachments,
  removeAttachment,
  ATTACHMENT_TYPES,
} from '../bundle/attachments.js';
import { germanSlug } from '../bundle/bundleNames.js';
import { param, type ApiContext, type ApiRouteId, type RouteCall, type RouteHandler } from './apiContext.js';
import { padEventOf } from './padRoutes.js';
import { BadRequestError, readJsonBody, readUploadBody, sendError, sendJson } from './responses.js';

/**
 * A session's attachments over HTTP (contract: shared/api/attachmentContract.ts; access: the
 * event's organisers and recorders, server/access/accessTable.ts). The checks and the storage are
 * server/bundle/attachments.ts, the same code as `mitschrift attachment`.
 */

/** The session of the route, which must be a planned session of some event (404 otherwise). */
function sessionOf(ctx: ApiContext, call: RouteCall): string {
  const sessionId = param(call, 'sessionId');
  if (padEventOf(ctx, sessionId, docNameFor('pad', sessionId)) === undefined) {
    throw new AttachmentError(`There is no session "${sessionId}" in any event.`, 404);
  }
  return sessionId;
}

/** Runs a handler, answering an AttachmentError with its status and message. */
function guarded(handler: RouteHandler): RouteHandler {
  return async (ctx, call) => {
    try {
      await handler(ctx, call);
    } catch (error) {
      if (error instanceof AttachmentError) {
        // An upload refused before its body was read: drain it, so the client gets the answer.
        call.req.resume();
        sendError(call.res, error.status, error.message);
        return;
      }
      throw error;
    }
  };
}

function list(ctx: ApiContext, sessionId: string): AttachmentList {
  return { attachments: listAttachments(ctx.dataDir, sessionId) };
}

/** The handlers of the attachment routes. */
export const attachmentHandlers = {
  listAttachments: guarded((ctx, call) => {
    sendJson(call.res, 200, list(ctx, sessionOf(ctx, call)));
  }),
  addAttachment: guarded(async (ctx, call) => {
    const sessionId = sessionOf(ctx, call);
    const meta = fileMetaSchema.safeParse(Object.fromEntries(call.url.searchParams));
    if (!meta.success) {
      call.req.resume();
      throw new BadRequestError(
        'The upload needs a title and a licence (?title=…&licence=…).',
        400,
        meta.error.issues.map((i) => `${i.path.join('.') || '(query)'}: ${i.message}`),
      );
    }
    const bytes = await readUploadBody(
      call.req,
      MAX_ATTACHMENT_BYTES,
      (size) =>
        `The file has ${(size / 1024 / 1024).toFixed(1)} MB; attachments may have at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB (photos 20 MB). Nothing was attached.`,
    );
    const checked = await checkFileAttachment(bytes);
    sendJson(call.res, 201, addFileAttachment(ctx.dataDir, sessionId, checked, meta.data, new Date()));
  }),
  addAttachmentLink: guarded(async (ctx, call) => {
    const sessionId = sessionOf(ctx, call);
    const link = await readJsonBody(call.req, linkRequestSchema);
    sendJson(call.res, 201, addLinkAttachment(ctx.dataDir, sessionId, link, new Date()));
  }),
  downloadAttachment: guarded((ctx, call) => {
    const sessionId = sessionOf(ctx, call);
    const id = param(call, 'attachmentId');
    const found = attachmentFile(ctx.dataDir, sessionId, id);
    if (!found) {
      throw new AttachmentError(`Session "${sessionId}" has no attached file "${id}".`, 404);
    }
    const type = ATTACHMENT_TYPES[found.attachment.type];
    const name = `${germanSlug(found.attachment.title, 60) || 'anhang'}.${type.ext}`;
    call.res.writeHead(200, {
      'Content-Type': type.mediaType,
      'Content-Length': String(found.attachment.bytes),
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    });
    createReadStream(found.path)
      .on('error', () => call.res.destroy())
      .pipe(call.res);
  }),
  removeAttachment: guarded((ctx, call) => {
    const sessionId = sessionOf(ctx, call);
    const id = param(call, 'attachmentId');
    if (!removeAttachment(ctx.dataDir, sessionId, id)) {
      throw new AttachmentError(`Session "${sessionId}" has no attachment "${id}".`, 404);
    }
    sendJson(call.res, 200, list(ctx, sessionId));
  }),
} satisfies Partial<Record<ApiRouteId, RouteHandler>>;
