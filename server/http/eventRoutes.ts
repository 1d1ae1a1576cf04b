import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  MAX_PLAN_FILE_BYTES,
  importPlanQuerySchema,
  planExportFormatSchema,
  type ImportPlanResponse,
  type ImportRefused,
} from '../../shared/api/eventContract.js';
import type { PlanPreview } from '../../shared/event/importedPlan.js';
import { APP_VERSION } from '../core/version.js';
import {
  createEventFromPlan,
  eventTimeZone,
  exportEventPlan,
  findEvent,
  importPlanIntoEvent,
  readEventDetail,
} from '../plan/eventService.js';
import { ImportBudgetError } from '../imports/importPool.js';
import { previewPlanInWorker } from '../imports/importCalls.js';
import { hintFrom, tooLargeMessage } from '../plan/planFile.js';
import { badRowLines, importable } from '../plan/planPreview.js';
import { param, type ApiContext, type ApiRouteId, type RouteCall, type RouteHandler } from './apiContext.js';
import { BadRequestError, sendError, sendJson } from './responses.js';

/**
 * The event and session-plan routes of the HTTP API; the contract (paths, bodies, status codes) is
 * documented in shared/api/eventContract.ts. Changes go through the DocRegistry, so every client
 * connected to the event or the workspace sees an import at once. Access: server/access/accessTable.ts.
 */
export const eventHandlers = {
  previewPlan: async (ctx, { req, res }) => {
    sendJson(res, 200, await readPlanBody(ctx, req, undefined));
  },
  importPlan: async (ctx, { req, res, url }) => {
    const query = parseQuery(url);
    const preview = await readPlanBody(ctx, req, undefined);
    if (refuseUnimportable(res, preview, query.skipBadRows === 'true')) {
      return;
    }
    const created = createEventFromPlan(ctx.registry, {
      title: query.title ?? 'Imported session plan',
      plan: preview.plan,
      random: randomBytes,
      now: new Date(),
    });
    const body: ImportPlanResponse = { ...created, skippedLines: badRowLines(preview), preview };
    sendJson(res, 201, body);
  },
  event: (ctx, call) => {
    const eventId = param(call, 'eventId');
    const detail = readEventDetail(ctx.registry, eventId);
    if (!detail) {
      notFound(call.res, eventId);
      return;
    }
    sendJson(call.res, 200, detail);
  },
  previewEventPlan: async (ctx, call) => {
    const eventId = param(call, 'eventId');
    if (!findEvent(ctx.registry, eventId)) {
      notFound(call.res, eventId);
      return;
    }
    sendJson(call.res, 200, await readPlanBody(ctx, call.req, eventId));
  },
  importEventPlan: async (ctx, call) => {
    const eventId = param(call, 'eventId');
    const { req, res, url } = call;
    if (!findEvent(ctx.registry, eventId)) {
      notFound(res, eventId);
      return;
    }
    const query = parseQuery(url);
    const preview = await readPlanBody(ctx, req, eventId);
    if (refuseUnimportable(res, preview, query.skipBadRows === 'true')) {
      return;
    }
    const merged = importPlanIntoEvent(ctx.registry, eventId, {
      plan: preview.plan,
      random: randomBytes,
      now: new Date(),
    });
    if (!merged) {
      notFound(res, eventId);
      return;
    }
    const body: ImportPlanResponse = { ...merged, skippedLines: badRowLines(preview), preview };
    sendJson(res, 200, body);
  },
  exportPlanCsv: (ctx, call) => exportPlan(ctx, call, 'csv'),
  exportPlanIcs: (ctx, call) => exportPlan(ctx, call, 'ics'),
} satisfies Partial<Record<ApiRouteId, RouteHandler>>;

function exportPlan(ctx: ApiContext, call: RouteCall, file: 'csv' | 'ics'): void {
  const eventId = param(call, 'eventId');
  const { res, url } = call;
  const requested = file === 'ics' ? 'ics' : (url.searchParams.get('format') ?? 'csv');
  const format = planExportFormatSchema.safeParse(requested);
  if (!format.success || (file === 'csv' && format.data === 'ics')) {
    throw new BadRequestError(`format must be csv or csv-excel-de for plan.csv, not "${requested}".`, 400);
  }
  const exported = exportEventPlan(ctx.registry, eventId, format.data, {
    now: new Date(),
    productVersion: APP_VERSION,
  });
  if (!exported) {
    notFound(res, eventId);
    return;
  }
  res.writeHead(200, {
    'Content-Type': exported.contentType,
    'Content-Disposition': `attachment; filename="${exported.filename}"`,
    'Cache-Control': 'no-store',
  });
  res.end(exported.body);
}

function notFound(res: ServerResponse, id: string): void {
  sendError(res, 404, `There is no event "${id}".`, undefined, 'event-missing');
}

function parseQuery(url: URL): { title?: string | undefined; skipBadRows?: 'true' | 'false' | undefined } {
  const parsed = importPlanQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    throw new BadRequestError(
      'The query does not match the API contract.',
      400,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(query)'}: ${i.message}`),
    );
  }
  return parsed.data;
}

/** Answers 422 with the preview when the file cannot be imported as asked; true if it did. */
function refuseUnimportable(res: ServerResponse, preview: PlanPreview, skipBadRows: boolean): boolean {
  if (importable(preview, skipBadRows)) {
    return false;
  }
  const messages = [...preview.fileProblems, ...preview.rows.flatMap((r) => r.problems)]
    .filter((p) => p.severity === 'error')
    .map((p) => p.message);
  const body: ImportRefused = {
    error: `The file has ${messages.length} errors; nothing was imported.`,
    details: messages.slice(0, 100),
    preview,
  };
  sendJson(res, 422, body);
  return true;
}

/** Reads the request body as a plan file, refusing more than MAX_PLAN_FILE_BYTES with 413 without buffering it. */
async function readPlanBody(
  ctx: ApiContext,
  req: IncomingMessage,
  eventId: string | undefined,
): Promise<PlanPreview> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_PLAN_FILE_BYTES) {
    req.resume();
    throw new BadRequestError(tooLargeMessage(declared), 413, undefined, 'too-large');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_PLAN_FILE_BYTES) {
      throw new BadRequestError(tooLargeMessage(size), 413, undefined, 'too-large');
    }
    chunks.push(chunk);
  }
  const contentType = req.headers['content-type'];
  try {
    // Read in a worker with a time and memory budget: a big or hostile file never stalls the core.
    return await previewPlanInWorker(
      new Uint8Array(Buffer.concat(chunks)),
      eventTimeZone(ctx.registry, eventId),
      hintFrom(contentType),
    );
  } catch (error) {
    if (error instanceof ImportBudgetError) {
      throw new BadRequestError(error.message, error.status, undefined, error.code);
    }
    throw error;
  }
}
