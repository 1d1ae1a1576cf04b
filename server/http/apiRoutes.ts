import { randomBytes } from 'node:crypto';
import { newId } from '../../shared/event/ids.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createEventRequestSchema,
  type EventListResponse,
  type EventSummary,
  type HealthResponse,
} from '../../shared/api/contract.js';
import { WORKSPACE_DOC } from '../../shared/docs/docName.js';
import { addEvent, listEvents } from '../../shared/docs/workspaceIndex.js';
import { DocUnavailableError, type DocStore } from '../storage/docStore.js';
import type { DocRegistry } from '../sync/docRegistry.js';
import type { Access } from '../../shared/api/padContract.js';
import { handleEventRoute } from './eventRoutes.js';
import { handleSketchRoute } from './sketchRoutes.js';
import { handlePadRoute, type PadRouteContext } from './padRoutes.js';
import { BadRequestError, readJsonBody, sendError, sendJson } from './responses.js';

/** What the API handlers work on. */
export interface ApiContext {
  registry: DocRegistry;
  store: DocStore;
  version: string;
  dataDir: string;
  /** Notes pads: history, share links (absent in cores started without them). */
  pads?: PadRouteContext;
  /** What the request may do: `view` for read-only links (GET only, see startCore); default `edit`. */
  access?: Access;
}

/** Handles one authenticated request under `/api/`. */
export async function handleApi(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const route = `${req.method ?? 'GET'} ${url.pathname}`;
  try {
    switch (route) {
      case 'GET /api/health': {
        const problems = ctx.store.problems();
        const body: HealthResponse = {
          ok: problems.length === 0,
          version: ctx.version,
          dataDir: ctx.dataDir,
          problems,
        };
        sendJson(res, 200, body);
        return;
      }
      case 'GET /api/events': {
        const events = ctx.registry
          .read(WORKSPACE_DOC, listEvents)
          .map(({ id, title, createdAt }): EventSummary => ({ id, title, createdAt }));
        const body: EventListResponse = { events };
        sendJson(res, 200, body);
        return;
      }
      case 'POST /api/events': {
        const request = await readJsonBody(req, createEventRequestSchema);
        const event: EventSummary = {
          id: newId(randomBytes),
          title: request.title,
          createdAt: new Date().toISOString(),
        };
        ctx.registry.change(WORKSPACE_DOC, (doc) => addEvent(doc, event));
        sendJson(res, 201, event);
        return;
      }
      default:
        if ((await handleEventRoute(ctx, req, res, url)) || (await handlePadRoute(ctx, req, res, url))) {
          return;
        }
        if (await handleSketchRoute(ctx, req, res, url)) {
          return;
        }
        sendError(res, 404, `No API route ${route}.`);
    }
  } catch (error) {
    if (error instanceof BadRequestError) {
      sendError(res, error.status, error.message, error.details);
      return;
    }
    if (error instanceof DocUnavailableError) {
      sendError(res, 503, error.message);
      return;
    }
    throw error;
  }
}
