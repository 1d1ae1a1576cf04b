import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  MAX_PLAN_FILE_BYTES,
  importPlanQuerySchema,
  planExportFormatSchema,
  type ImportPlanResponse,
  type ImportRefused,
} from '../../shared/api/eventContract.js';
import { idSchema } from '../../shared/docs/docName.js';
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
import type { ApiContext } from './apiRoutes.js';
import { BadRequestError, sendError, sendJson } from './responses.js';

/**
 * The event and session-plan routes of the HTTP API; the contract (paths, bodies, status codes) is
 * documented in shared/api/eventContract.ts. Changes go through the DocRegistry, so every client
 * connected to the event or the workspace sees an import at once.
 *
 * Returns false for a path that is not one of these routes, so the caller answers 404.
 */
export async function handleEventRoute(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const method = req.method ?? 'GET';
  const parts = url.pathname.split('/').slice(3); // ['', 'api', 'events', ...]
  if (url.pathname.split('/')[2] !== 'events' || parts.length === 0 || parts.length > 2) {
    return false;
  }
  const [first = '', second] = parts;

  if (method === 'POST' && parts.length === 1 && first === 'plan-preview') {
    const preview = await readPlanBody(ctx, req, undefined);
    sendJson(res, 200, preview);
    return true;
  }
  if (method === 'POST' && parts.length === 1 && first === 'import-plan') {
    const query = parseQuery(url);
    const preview = await readPlanBody(ctx, req, undefined);
    const skip = query.skipBadRows === 'true';
    if (refuseUnimportable(res, preview, skip)) {
      return true;
    }
    const created = createEventFromPlan(ctx.registry, {
      title: query.title ?? 'Imported session plan',
      plan: preview.plan,
      random: randomBytes,
      now: new Date(),
    });
    const body: ImportPlanResponse = { ...created, skippedLines: badRowLines(preview), preview };
    sendJson(res, 201, body);
    return true;
  }

  const id = idSchema.safeParse(safeDecode(first));
  if (!id.success) {
    return false;
  }
  const eventId = id.data;
  const route = `${method} ${second ?? ''}`;
  switch (route) {
    case 'GET ': {
      const detail = readEventDetail(ctx.registry, eventId);
      if (!detail) {
        return notFound(res, eventId);
      }
      sendJson(res, 200, detail);
      return true;
    }
    case 'POST plan-preview': {
      if (!findEvent(ctx.registry, eventId)) {
        return notFound(res, eventId);
      }
      sendJson(res, 200, await readPlanBody(ctx, req, eventId));
      return true;
    }
    case 'POST import-plan': {
      if (!findEvent(ctx.registry, eventId)) {
        return notFound(res, eventId);
      }
      const query = parseQuery(url);
      const preview = await readPlanBody(ctx, req, eventId);
      const skip = query.skipBadRows === 'true';
      if (refuseUnimportable(res, preview, skip)) {
        return true;
      }
      const merged = importPlanIntoEvent(ctx.registry, eventId, {
        plan: preview.plan,
        random: randomBytes,
        now: new Date(),
      });
      if (!merged) {
        return notFound(res, eventId);
      }
      const body: ImportPlanResponse = { ...merged, skippedLines: badRowLines(preview), preview };
      sendJson(res, 200, body);
      return true;
    }
    case 'GET plan.csv':
    case 'GET plan.ics': {
      const requested = second === 'plan.ics' ? 'ics' : (url.searchParams.get('format') ?? 'csv');
      const format = planExportFormatSchema.safeParse(requested);
      if (!format.success || (second === 'plan.csv' && format.data === 'ics')) {
        throw new BadRequestError(
          `format must be csv or csv-excel-de for plan.csv, not "${requested}".`,
          400,
        );
      }
      const exported = exportEventPlan(ctx.registry, eventId, format.data, {
        now: new Date(),
        productVersion: APP_VERSION,
      });
      if (!exported) {
        return notFound(res, eventId);
      }
      res.writeHead(200, {
        'Content-Type': exported.contentType,
        'Content-Disposition': `attachment; filename="${exported.filename}"`,
        'Cache-Control': 'no-store',
      });
      res.end(exported.body);
      return true;
    }
    default:
      return false;
  }
}

/** Decodes a path segment; a malformed escape (`%zz`) is just not an id, not a server error. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

function notFound(res: ServerResponse, id: string): true {
  sendError(res, 404, `There is no event "${id}".`);
  return true;
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
    throw new BadRequestError(tooLargeMessage(declared), 413);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_PLAN_FILE_BYTES) {
      throw new BadRequestError(tooLargeMessage(size), 413);
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
      throw new BadRequestError(error.message, error.status);
    }
    throw error;
  }
}
