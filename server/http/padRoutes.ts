import type { IncomingMessage, ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { z } from 'zod';
import {
  MAX_IMPORT_BYTES,
  exportQuerySchema,
  importQuerySchema,
  padTemplateRequestSchema,
  restoreRequestSchema,
  saveRevisionRequestSchema,
  type ApplyTemplateResponse,
  type EventPadTemplate,
  type PadInfo,
  type PadTemplateResponse,
  type ShareLinks,
} from '../../shared/api/padContract.js';
import { TOKEN_QUERY_PARAM } from '../../shared/api/contract.js';
import { docNameFor, type DocName } from '../../shared/docs/docName.js';
import { padEventId } from '../../shared/pad/padLayout.js';
import { writePadTemplate } from '../../shared/pad/padTemplate.js';
import { padPath } from '../../shared/routes/deepLinks.js';
import type { PadHistory } from '../pad/padHistory.js';
import {
  PadRequestError,
  exportPad,
  applyPadImport,
  listRevisions,
  restoreRevision,
  revisionContent,
  saveRevision,
  type PadHandle,
} from '../pad/padService.js';
import { eventTemplate, findPadSession } from '../pad/padTemplates.js';
import { findEvent } from '../plan/eventService.js';
import { applyTemplateToUntouched, templatePadCounts, type TemplatePadAccess } from '../pad/templatePads.js';
import { readImportInWorker } from '../imports/importCalls.js';
import type { TokenRecord } from '../storage/eventTokenStore.js';
import { param, type ApiContext, type ApiRouteId, type RouteCall, type RouteHandler } from './apiContext.js';
import { BadRequestError, readJsonBody, sendError, sendJson } from './responses.js';

/** What the pad routes need besides the API context. */
export interface PadRouteContext {
  history: PadHistory;
  /** The interface the core listens on (share links list LAN addresses when it is 0.0.0.0). */
  listenHost: string;
  /** The core's own origin (`http://host:port`), for links when the request's Host is unusable. */
  origin: () => string;
}

/** A pad route: the pad's id and document name, with the pad services' errors answered as HTTP. */
function padRoute(
  fn: (
    ctx: ApiContext,
    pads: PadRouteContext,
    call: RouteCall,
    pad: { padId: string; docName: DocName },
  ) => unknown,
): RouteHandler {
  return async (ctx, call) => {
    const padId = param(call, 'padId');
    if (ctx.pads === undefined) {
      sendError(call.res, 404, 'This core serves no notes pads.');
      return;
    }
    try {
      await fn(ctx, ctx.pads, call, { padId, docName: docNameFor('pad', padId) });
    } catch (error) {
      if (error instanceof PadRequestError) {
        sendError(call.res, error.status, error.message, error.details);
        return;
      }
      if (error instanceof RangeError) {
        throw new BadRequestError(error.message, 400);
      }
      throw error;
    }
  };
}

/**
 * The notes-pad routes of the HTTP API; the contract (paths, bodies, status codes) is documented in
 * shared/api/padContract.ts. Changes go through the DocRegistry, so every client connected to the
 * pad sees a restore or an import at once. No GET changes anything. Access: server/access/accessTable.ts.
 */
export const padHandlers = {
  pad: padRoute((ctx, _pads, { res }, { padId, docName }) =>
    sendJson(res, 200, padInfo(ctx, padId, docName)),
  ),
  revisions: padRoute((ctx, pads, { res }, { padId, docName }) =>
    // Lists what is recorded; pending edits become a revision within seconds, or when an editor
    // opens the timeslider (POST, below).
    sendJson(res, 200, withPad(ctx, pads, docName, padId, false, listRevisions)),
  ),
  commitRevision: padRoute((ctx, pads, { res }, { padId, docName }) => {
    // Whoever opens the timeslider to edit sees the latest state as a revision, not one a few seconds old.
    const list = withPad(ctx, pads, docName, padId, false, (h) => {
      h.tracker.commitPending();
      return listRevisions(h);
    });
    sendJson(res, 200, list);
  }),
  revision: padRoute((ctx, pads, call, { padId, docName }) => {
    const rev = Number(param(call, 'rev'));
    sendJson(
      call.res,
      200,
      withPad(ctx, pads, docName, padId, false, (h) => revisionContent(h, rev)),
    );
  }),
  restoreRevision: padRoute(async (ctx, pads, call, { padId, docName }) => {
    const rev = Number(param(call, 'rev'));
    const body = await readJsonBody(call.req, restoreRequestSchema);
    const now = new Date();
    sendJson(
      call.res,
      201,
      withPad(ctx, pads, docName, padId, false, (h) => restoreRevision(h, rev, body.author, now)),
    );
  }),
  saveRevision: padRoute(async (ctx, pads, { req, res }, { padId, docName }) => {
    const body = await readJsonBody(req, saveRevisionRequestSchema);
    const now = new Date();
    sendJson(
      res,
      201,
      withPad(ctx, pads, docName, padId, false, (h) =>
        saveRevision(h, body.rev, body.label, body.author, now),
      ),
    );
  }),
  exportPad: padRoute((ctx, pads, { res, url }, { padId, docName }) => {
    const query = parseQuery(url, exportQuerySchema);
    const title = padInfo(ctx, padId, docName).session?.title.trim() || `Pad ${padId}`;
    const exported = withPad(ctx, pads, docName, padId, false, (h) =>
      exportPad(h, query.format, { title, colours: query.colours === 'true' }),
    );
    res.writeHead(200, {
      'Content-Type': exported.contentType,
      'Content-Disposition': `attachment; filename="${exported.filename}"`,
      'Cache-Control': 'no-store',
    });
    res.end(exported.body);
  }),
  importPad: padRoute(async (ctx, pads, { req, res, url }, { padId, docName }) => {
    const query = parseQuery(url, importQuerySchema);
    const bytes = await readRawBody(req);
    const actor =
      query.author === undefined ? undefined : { id: query.author, name: query.name?.trim() ?? '' };
    const now = new Date();
    // Parsing runs in a worker (time and memory budget); only the checked result is written here.
    const parsed = await readImportInWorker(query.format, bytes);
    const result = withPad(ctx, pads, docName, padId, true, (h) => applyPadImport(h, parsed, actor, now));
    sendJson(res, 201, result);
  }),
  padTemplate: padRoute((ctx, _pads, { res }, { padId, docName }) => sendTemplate(ctx, res, padId, docName)),
  putPadTemplate: padRoute(async (ctx, _pads, { req, res }, { padId, docName }) => {
    const eventId = padEventOf(ctx, padId, docName);
    if (eventId === undefined) {
      noTemplate(res, padId);
      return;
    }
    const body = await readJsonBody(req, padTemplateRequestSchema);
    ctx.registry.change(docNameFor('event', eventId), (doc) => writePadTemplate(doc, body.template));
    sendTemplate(ctx, res, padId, docName);
  }),
  padShare: padRoute(async (ctx, pads, { req, res }, { padId, docName }) => {
    const eventId = padEventOf(ctx, padId, docName);
    if (eventId === undefined) {
      // Join links are per event: a pad of no planned session cannot be shared (the panel says so).
      const body: ShareLinks = { addresses: [], unshareable: 'no-session' };
      sendJson(res, 200, body);
      return;
    }
    // The event's own join links (never the owner's token), made on first use.
    const edit = await ctx.joins.ensure(eventId, 'edit', PAD_LINK_LABEL);
    const view = await ctx.joins.ensure(eventId, 'view', PAD_LINK_LABEL);
    sendJson(res, 200, shareLinks(ctx, pads, padId, req.headers.host ?? '', { edit, view }));
  }),
  eventPadTemplate: eventTemplateRoute((ctx, access, eventId, { res }) => {
    const body: EventPadTemplate = {
      eventId,
      ...eventTemplate(ctx.registry, eventId),
      pads: templatePadCounts(access, eventId),
    };
    sendJson(res, 200, body);
  }),
  applyEventPadTemplate: eventTemplateRoute((_ctx, access, eventId, { res }) => {
    const body: ApplyTemplateResponse = applyTemplateToUntouched(access, eventId, new Date());
    sendJson(res, 200, body);
  }),
} satisfies Partial<Record<ApiRouteId, RouteHandler>>;

/** A route on an event's template and its pads: 404 for an unknown event or a core without pads. */
function eventTemplateRoute(
  fn: (ctx: ApiContext, access: TemplatePadAccess, eventId: string, call: RouteCall) => void,
): RouteHandler {
  return (ctx, call) => {
    const eventId = param(call, 'eventId');
    const pads = ctx.pads;
    if (pads === undefined) {
      sendError(call.res, 404, 'This core serves no notes pads.');
      return;
    }
    if (findEvent(ctx.registry, eventId) === undefined) {
      sendError(call.res, 404, `There is no event "${eventId}".`);
      return;
    }
    const access: TemplatePadAccess = {
      read: (name, read) => ctx.registry.read(name, read),
      padExists: (name) => padExists(ctx, name),
      withPad: (name, run) => {
        const shared = ctx.registry.acquire(name);
        try {
          const tracker = pads.history.tracker(name);
          return tracker ? run(shared.doc, tracker) : undefined;
        } finally {
          ctx.registry.release(name);
        }
      },
    };
    fn(ctx, access, eventId, call);
  };
}

function noTemplate(res: ServerResponse, padId: string): void {
  sendError(res, 404, `Pad "${padId}" belongs to no planned session, so it has no event template.`);
}

function sendTemplate(ctx: ApiContext, res: ServerResponse, padId: string, docName: DocName): void {
  const eventId = padEventOf(ctx, padId, docName);
  if (eventId === undefined) {
    noTemplate(res, padId);
    return;
  }
  const body: PadTemplateResponse = { eventId, ...eventTemplate(ctx.registry, eventId) };
  sendJson(res, 200, body);
}

/** Whether a pad exists (loaded, or a file in the store); read routes never create one. */
export function padExists(ctx: Pick<ApiContext, 'registry' | 'store'>, docName: DocName): boolean {
  return ctx.registry.exists(docName);
}

/** Runs `fn` on the pad, loading it through the registry (so connected clients see changes). */
function withPad<T>(
  ctx: ApiContext,
  pads: PadRouteContext,
  docName: DocName,
  padId: string,
  create: boolean,
  fn: (handle: PadHandle) => T,
): T {
  if (!create && !padExists(ctx, docName)) {
    throw new PadRequestError(`There is no pad "${padId}" (nobody has opened it yet).`, 404);
  }
  const shared = ctx.registry.acquire(docName);
  try {
    const tracker = pads.history.tracker(docName);
    if (!tracker) {
      throw new PadRequestError(
        `The history of pad "${padId}" cannot be read; the core's log names the file.`,
        503,
      );
    }
    return fn({ padId, doc: shared.doc, tracker });
  } finally {
    ctx.registry.release(docName);
  }
}

/** The event of the planned session a pad belongs to (for per-event access). */
export function padEventOf(
  ctx: Pick<ApiContext, 'registry' | 'store'>,
  padId: string,
  docName: DocName,
): string | undefined {
  const hint = padExists(ctx, docName) ? ctx.registry.read(docName, padEventId) : undefined;
  return findPadSession(ctx.registry, padId, hint)?.eventId;
}

function padInfo(ctx: ApiContext, padId: string, docName: DocName): PadInfo {
  const exists = padExists(ctx, docName);
  const hint = exists ? ctx.registry.read(docName, padEventId) : undefined;
  const found = findPadSession(ctx.registry, padId, hint);
  if (!found) {
    return { id: padId, exists, session: null };
  }
  const { session, snapshot } = found;
  const room = session.cell ? snapshot.rooms.find((r) => r.id === session.cell?.roomId) : undefined;
  const slot = session.cell ? snapshot.slots.find((s) => s.id === session.cell?.slotId) : undefined;
  return {
    id: padId,
    exists,
    session: {
      eventId: found.eventId,
      eventTitle: found.eventTitle,
      title: session.title,
      hosts: session.hosts,
      room: room?.name ?? null,
      start: slot?.start ?? null,
      end: slot?.end ?? null,
    },
  };
}

function parseQuery<T>(url: URL, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    throw new BadRequestError(
      'The query does not match the API contract.',
      400,
      parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(query)'}: ${i.message}`),
    );
  }
  return parsed.data;
}

/** Reads a raw body of at most MAX_IMPORT_BYTES (413 beyond, without buffering the rest). */
async function readRawBody(req: IncomingMessage): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_IMPORT_BYTES) {
    req.resume();
    throw new BadRequestError(
      `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; nothing was imported.`,
      413,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_IMPORT_BYTES) {
      throw new BadRequestError(
        `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; nothing was imported.`,
        413,
      );
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

const HOST_HEADER = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/;

/** The label of the join links the pads' share panel makes for an event. */
const PAD_LINK_LABEL = 'Pad-Links';

/**
 * Join links of a pad with the event's edit and view links, for the configured public URL, or the
 * address the request used and, on 0.0.0.0, each LAN address.
 */
function shareLinks(
  ctx: ApiContext,
  pads: PadRouteContext,
  padId: string,
  hostHeader: string,
  links: { edit: TokenRecord; view: TokenRecord },
): ShareLinks {
  const path = padPath(padId);
  const link = (base: string, record: TokenRecord): string =>
    `${base}${path}?${TOKEN_QUERY_PARAM}=${record.secret}`;
  // The public URL, else the network share's address while the core is shared: the addresses others reach.
  const reachable = ctx.publicUrl ?? ctx.share?.status().sharing?.origin;
  if (reachable !== undefined) {
    const base = reachable;
    return {
      addresses: [
        {
          host: base.replace(/^https?:\/\//, ''),
          editUrl: link(base, links.edit),
          viewUrl: link(base, links.view),
        },
      ],
    };
  }
  const hosts: string[] = [];
  const m = HOST_HEADER.exec(hostHeader);
  const port = m?.[2] ?? '';
  if (m) {
    hosts.push(hostHeader);
  }
  const loopback = !m || /^(127\.|localhost$|\[::1\]$)/.test(m[1] ?? '');
  if (loopback && (pads.listenHost === '0.0.0.0' || pads.listenHost === '::') && port !== '') {
    for (const list of Object.values(networkInterfaces())) {
      for (const info of list ?? []) {
        if (info.family === 'IPv4' && !info.internal) {
          hosts.unshift(`${info.address}:${port}`);
        }
      }
    }
  }
  if (hosts.length === 0) {
    hosts.push(pads.origin().replace(/^https?:\/\//, ''));
  }
  return {
    addresses: hosts.map((host) => ({
      host,
      editUrl: link(`http://${host}`, links.edit),
      viewUrl: link(`http://${host}`, links.view),
    })),
  };
}
