import { createHash, randomBytes } from 'node:crypto';
import {
  createEventRequestSchema,
  type EventListResponse,
  type EventSummary,
  type HealthResponse,
} from '../../shared/api/contract.js';
import type { SessionInfo } from '../../shared/api/padContract.js';
import { WORKSPACE_DOC } from '../../shared/docs/docName.js';
import { addEvent, listEvents } from '../../shared/docs/workspaceIndex.js';
import { newId } from '../../shared/event/ids.js';
import { sessionInfo } from '../access/accessCheck.js';
import { ShareError } from '../core/networkShare.js';
import { DocUnavailableError } from '../storage/docStore.js';
import { EventTokenStoreError } from '../storage/eventTokenStore.js';
import type { ApiContext, ApiRouteId, RouteCall, RouteHandler } from './apiContext.js';
import { attachmentHandlers } from './attachmentRoutes.js';
import { bundleHandlers } from './bundleRoutes.js';
import { eventHandlers } from './eventRoutes.js';
import { padHandlers } from './padRoutes.js';
import { publishHandlers } from './publishRoutes.js';
import { BadRequestError, readJsonBody, sendError, sendJson } from './responses.js';
import { shareHandlers } from './shareRoutes.js';
import { sketchHandlers } from './sketchRoutes.js';
import { tokenHandlers } from './tokenRoutes.js';

const workspaceHandlers = {
  health: (ctx, { res }) => {
    const problems = ctx.store.problems();
    const workspaceId = createHash('sha256')
      .update(`mitschrift-workspace:${ctx.workspaceKey ?? ctx.dataDir}`)
      .digest('base64url');
    const ready = ctx.live?.ready() ?? true;
    const common = { ok: problems.length === 0, ready, version: ctx.version, workspaceId };
    const body: HealthResponse =
      ctx.principal.kind === 'owner'
        ? {
            ...common,
            dataDir: ctx.dataDir,
            problems,
            documentsOpen: ctx.registry.loadedCount(),
            connections: ctx.live?.connections() ?? 0,
            failedDocuments: ctx.registry.failedDocs(),
          }
        : { ...common, problems: [] };
    sendJson(res, 200, body);
  },
  session: (ctx, { res }) => {
    const { principal } = ctx;
    const tokenId = principal.kind === 'role' ? (principal.tokenId ?? null) : null;
    const found = tokenId === null ? undefined : ctx.joins.byTokenId(tokenId);
    const body: SessionInfo = {
      ...sessionInfo(principal),
      label: found?.ok && found.record.label !== '' ? found.record.label : null,
      tokenId,
    };
    sendJson(res, 200, body);
  },
  listEvents: (ctx, { res }) => {
    const events = ctx.registry
      .read(WORKSPACE_DOC, listEvents)
      .map(({ id, title, createdAt }): EventSummary => ({ id, title, createdAt }));
    const body: EventListResponse = { events };
    sendJson(res, 200, body);
  },
  createEvent: async (ctx, { req, res }) => {
    const request = await readJsonBody(req, createEventRequestSchema);
    const event: EventSummary = {
      id: newId(randomBytes),
      title: request.title,
      createdAt: new Date().toISOString(),
    };
    ctx.registry.change(WORKSPACE_DOC, (doc) => addEvent(doc, event));
    sendJson(res, 201, event);
  },
} satisfies Partial<Record<ApiRouteId, RouteHandler>>;

/** Exactly one handler per API row of the access table (the compiler checks both directions). */
export const API_HANDLERS: Record<ApiRouteId, RouteHandler> = {
  ...workspaceHandlers,
  ...eventHandlers,
  ...bundleHandlers,
  ...attachmentHandlers,
  ...publishHandlers,
  ...padHandlers,
  ...sketchHandlers,
  ...shareHandlers,
  ...tokenHandlers,
};

/**
 * Answers one API request that the access table has matched and allowed. Bad bodies answer 4xx
 * with a reason; a document whose store file is damaged answers 503.
 */
export async function handleApi(ctx: ApiContext, id: ApiRouteId, call: RouteCall): Promise<void> {
  try {
    await API_HANDLERS[id](ctx, call);
  } catch (error) {
    if (error instanceof BadRequestError) {
      sendError(call.res, error.status, error.message, error.details, error.code);
      return;
    }
    if (error instanceof ShareError) {
      sendError(call.res, error.status, error.message);
      return;
    }
    if (error instanceof EventTokenStoreError) {
      sendError(call.res, 503, error.message);
      return;
    }
    if (error instanceof DocUnavailableError) {
      sendError(call.res, 503, error.message);
      return;
    }
    throw error;
  }
}
