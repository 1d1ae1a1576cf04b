import type { IncomingMessage } from 'node:http';
import {
  createEventTokenRequestSchema,
  eventJoinUrl,
  renameEventTokenRequestSchema,
  type EventTokenInfo,
  type EventTokenList,
} from '../../shared/api/eventTokenContract.js';
import { findEvent } from '../plan/eventService.js';
import { EventTokenStoreError, UnknownTokenError, type TokenRecord } from '../storage/eventTokenStore.js';
import { param, type ApiContext, type ApiRouteId, type RouteCall, type RouteHandler } from './apiContext.js';
import { BadRequestError, readJsonBody, sendJson } from './responses.js';

/**
 * The join-link routes of the HTTP API (contract: shared/api/eventTokenContract.ts). Only an
 * organiser of the event or the owner reaches them (server/access/accessTable.ts). Answers carry
 * join-link tokens only, never the owner's.
 */
export const tokenHandlers = {
  listEventTokens: (ctx, call) =>
    withEvent(ctx, call, (eventId) => {
      const base = baseUrl(ctx, call.req);
      const body: EventTokenList = {
        eventId,
        tokens: ctx.joins.list(eventId).map((t) => tokenInfo(t, base)),
      };
      sendJson(call.res, 200, body);
    }),
  createEventToken: (ctx, call) =>
    withEvent(ctx, call, async (eventId) => {
      const request = await readJsonBody(call.req, createEventTokenRequestSchema);
      const record = await ctx.joins.create(eventId, request.role, request.label ?? '');
      sendJson(call.res, 201, tokenInfo(record, baseUrl(ctx, call.req)));
    }),
  renameEventToken: (ctx, call) =>
    withEvent(ctx, call, async (eventId) => {
      const request = await readJsonBody(call.req, renameEventTokenRequestSchema);
      const record = await ctx.joins.rename(eventId, param(call, 'tokenId'), request.label);
      sendJson(call.res, 200, tokenInfo(record, baseUrl(ctx, call.req)));
    }),
  revokeEventToken: (ctx, call) =>
    withEvent(ctx, call, async (eventId) => {
      const record = await ctx.joins.revoke(eventId, param(call, 'tokenId'));
      sendJson(call.res, 200, tokenInfo(record, baseUrl(ctx, call.req)));
    }),
} satisfies Partial<Record<ApiRouteId, RouteHandler>>;

/** Runs `fn` for an existing event; unknown events and links answer 404, an unreadable store 503. */
async function withEvent(
  ctx: ApiContext,
  call: RouteCall,
  fn: (eventId: string) => Promise<void> | void,
): Promise<void> {
  const eventId = param(call, 'eventId');
  if (!findEvent(ctx.registry, eventId)) {
    throw new BadRequestError(`There is no event "${eventId}".`, 404);
  }
  try {
    await fn(eventId);
  } catch (error) {
    if (error instanceof UnknownTokenError) {
      throw new BadRequestError(error.message, 404);
    }
    if (error instanceof EventTokenStoreError) {
      throw new BadRequestError(error.message, 503);
    }
    throw error;
  }
}

const HOST_HEADER = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/;

/**
 * Where join links point: the configured public URL, else the address this request used (what the
 * organiser's browser reached), else the core's own origin.
 */
function baseUrl(ctx: Pick<ApiContext, 'publicUrl'>, req: IncomingMessage, origin?: string): string {
  if (ctx.publicUrl !== undefined) {
    return ctx.publicUrl;
  }
  const host = req.headers.host ?? '';
  return HOST_HEADER.test(host) ? `http://${host}` : (origin ?? `http://${host}`);
}

/** A join link as the API shows it: the token and URL only while it works. */
export function tokenInfo(record: TokenRecord, base: string): EventTokenInfo {
  const working = record.revoked === null;
  return {
    id: record.id,
    eventId: record.eventId,
    role: record.role,
    label: record.label,
    created: record.created,
    revoked: record.revoked,
    token: working ? record.secret : null,
    url: working ? eventJoinUrl(base, record.eventId, record.secret) : null,
  };
}
