import { createReadStream } from 'node:fs';
import { exportRequestSchema } from '../../shared/api/bundleContract.js';
import { docNameFor } from '../../shared/docs/docName.js';
import { BundleRequestError, collectBundle, type BundleSourceAccess } from '../bundle/collectBundle.js';
import { readAttachments } from '../bundle/attachments.js';
import { germanSlug } from '../bundle/bundleNames.js';
import { findEvent } from '../plan/eventService.js';
import { param, type ApiContext, type ApiRouteId, type RouteCall, type RouteHandler } from './apiContext.js';
import { padExists } from './padRoutes.js';
import { readJsonBody, sendError, sendJson } from './responses.js';

/**
 * The documentation-bundle routes (contract: shared/api/bundleContract.ts; access: organisers of
 * the event, server/access/accessTable.ts). The data is collected from the live documents at once,
 * synchronously, so the export sees one consistent state and holds nothing open while it runs.
 */

/** The registry and the pad history as a bundle source (exports and publications). */
export function coreSource(ctx: ApiContext): BundleSourceAccess {
  return {
    read: (name, read) => ctx.registry.read(name, read),
    attachments: (sessionId) => readAttachments(ctx.dataDir, sessionId),
    exists: (name) => padExists(ctx, name),
    withPad: (padId, fn) => {
      const name = docNameFor('pad', padId);
      if (!padExists(ctx, name)) {
        return undefined;
      }
      const shared = ctx.registry.acquire(name);
      try {
        const tracker = ctx.pads?.history.tracker(name);
        if (!tracker) {
          throw new BundleRequestError(
            `The history of pad "${padId}" cannot be read; the core's log names the file.`,
            503,
          );
        }
        return fn({ padId, doc: shared.doc, tracker });
      } finally {
        ctx.registry.release(name);
      }
    },
  };
}

function jobs(ctx: ApiContext, call: RouteCall): NonNullable<ApiContext['exports']> | undefined {
  if (!ctx.exports) {
    sendError(call.res, 404, 'This core makes no documentation bundles.');
  }
  return ctx.exports;
}

function unknownExport(call: RouteCall, id: string): void {
  sendError(
    call.res,
    404,
    `There is no export "${id}" of this event (exports are kept until the core stops).`,
  );
}

/** The handlers of the bundle routes. */
export const bundleHandlers = {
  startExport: async (ctx, call) => {
    const exports = jobs(ctx, call);
    if (!exports) {
      return;
    }
    const eventId = param(call, 'eventId');
    const body = await readJsonBody(call.req, exportRequestSchema);
    try {
      const collected = collectBundle(coreSource(ctx), eventId, {
        profile: body.profile,
        ...(body.sessions ? { sessionIds: body.sessions } : {}),
        now: new Date(),
        generator: `Mitschrift ${ctx.version}`,
      });
      sendJson(call.res, 202, exports.start(collected, body.profile));
    } catch (error) {
      if (error instanceof BundleRequestError) {
        sendError(call.res, error.status, error.message);
        return;
      }
      throw error;
    }
  },
  exportStatus: (ctx, call) => {
    const exports = jobs(ctx, call);
    const id = param(call, 'exportId');
    const status = exports?.status(param(call, 'eventId'), id);
    if (exports) {
      if (status) {
        sendJson(call.res, 200, status);
      } else {
        unknownExport(call, id);
      }
    }
  },
  cancelExport: (ctx, call) => {
    const exports = jobs(ctx, call);
    const id = param(call, 'exportId');
    const status = exports?.cancel(param(call, 'eventId'), id);
    if (exports) {
      if (status) {
        sendJson(call.res, 200, status);
      } else {
        unknownExport(call, id);
      }
    }
  },
  downloadExport: (ctx, call) => {
    const exports = jobs(ctx, call);
    if (!exports) {
      return;
    }
    const eventId = param(call, 'eventId');
    const id = param(call, 'exportId');
    const status = exports.status(eventId, id);
    const file = exports.file(eventId, id);
    if (!status) {
      unknownExport(call, id);
      return;
    }
    if (!file) {
      sendError(call.res, 409, `The export is ${status.state}; only a finished export can be downloaded.`);
      return;
    }
    const title = findEvent(ctx.registry, eventId)?.title ?? eventId;
    call.res.writeHead(200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="dokumentation-${germanSlug(title) || 'event'}-${status.profile}.zip"`,
      'Content-Length': String(status.bytes ?? 0),
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(call.res);
  },
} satisfies Partial<Record<ApiRouteId, RouteHandler>>;
