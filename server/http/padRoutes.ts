import { existsSync } from 'node:fs';
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
  type Access,
  type PadInfo,
  type PadTemplateResponse,
  type SessionInfo,
  type ShareLinks,
} from '../../shared/api/padContract.js';
import { TOKEN_QUERY_PARAM } from '../../shared/api/contract.js';
import { docNameFor, idSchema, type DocName } from '../../shared/docs/docName.js';
import { padEventId } from '../../shared/pad/padLayout.js';
import { writePadTemplate } from '../../shared/pad/padTemplate.js';
import { padPath } from '../../shared/routes/deepLinks.js';
import type { PadHistory } from '../pad/padHistory.js';
import {
  PadRequestError,
  applyPadImport,
  exportPad,
  listRevisions,
  restoreRevision,
  revisionContent,
  saveRevision,
  type PadHandle,
} from '../pad/padService.js';
import { eventTemplate, findPadSession } from '../pad/padTemplates.js';
import { readImportInWorker } from '../imports/importCalls.js';
import type { ApiContext } from './apiRoutes.js';
import { BadRequestError, readJsonBody, sendError, sendJson } from './responses.js';

/** What the pad routes need besides the API context. */
export interface PadRouteContext {
  history: PadHistory;
  /** The full token and the read-only token, for share links. */
  tokens: { edit: string; view: string };
  /** The interface the core listens on (share links list LAN addresses when it is 0.0.0.0). */
  listenHost: string;
  /** The core's own origin (`http://host:port`), for links when the request's Host is unusable. */
  origin: () => string;
}

/**
 * The notes-pad routes of the HTTP API; the contract (paths, bodies, status codes) is documented in
 * shared/api/padContract.ts. Changes go through the DocRegistry, so every client connected to the
 * pad sees a restore or an import at once. Returns false for paths that are not these routes.
 */
export async function handlePadRoute(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const method = req.method ?? 'GET';
  const access: Access = ctx.access ?? 'edit';
  if (url.pathname === '/api/session' && method === 'GET') {
    const body: SessionInfo = { access };
    sendJson(res, 200, body);
    return true;
  }
  const segments = url.pathname.split('/');
  if (segments[2] !== 'pads' || ctx.pads === undefined) {
    return false;
  }
  const pads = ctx.pads;
  const parts = segments.slice(3);
  const id = idSchema.safeParse(safeDecode(parts[0] ?? ''));
  if (!id.success || parts.length > 4) {
    return false;
  }
  const padId = id.data;
  const docName = docNameFor('pad', padId);
  const route = `${method} ${parts.slice(1).join('/')}`;
  const now = new Date();
  try {
    if (route === 'GET ') {
      sendJson(res, 200, padInfo(ctx, padId, docName));
      return true;
    }
    if (route === 'GET revisions') {
      // Whoever opens the timeslider sees the latest state as a revision, not one a few seconds old.
      const list = withPad(ctx, pads, docName, padId, false, (h) => {
        h.tracker.commitPending();
        return listRevisions(h);
      });
      sendJson(res, 200, list);
      return true;
    }
    const revMatch = /^(GET|POST) revisions\/(\d{1,9})(\/restore)?$/.exec(route);
    if (revMatch) {
      const rev = Number(revMatch[2]);
      if (revMatch[1] === 'GET' && !revMatch[3]) {
        sendJson(
          res,
          200,
          withPad(ctx, pads, docName, padId, false, (h) => revisionContent(h, rev)),
        );
        return true;
      }
      if (revMatch[1] === 'POST' && revMatch[3]) {
        const body = await readJsonBody(req, restoreRequestSchema);
        sendJson(
          res,
          201,
          withPad(ctx, pads, docName, padId, false, (h) => restoreRevision(h, rev, body.author, now)),
        );
        return true;
      }
      return false;
    }
    switch (route) {
      case 'POST saved-revisions': {
        const body = await readJsonBody(req, saveRevisionRequestSchema);
        sendJson(
          res,
          201,
          withPad(ctx, pads, docName, padId, false, (h) =>
            saveRevision(h, body.rev, body.label, body.author, now),
          ),
        );
        return true;
      }
      case 'GET export': {
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
        return true;
      }
      case 'POST import': {
        const query = parseQuery(url, importQuerySchema);
        const bytes = await readRawBody(req);
        const actor =
          query.author === undefined ? undefined : { id: query.author, name: query.name?.trim() ?? '' };
        // Parsing runs in a worker (time and memory budget); only the checked result is written here.
        const parsed = await readImportInWorker(query.format, bytes);
        const result = withPad(ctx, pads, docName, padId, true, (h) => applyPadImport(h, parsed, actor, now));
        sendJson(res, 201, result);
        return true;
      }
      case 'GET template':
      case 'PUT template': {
        const eventId = padEventOf(ctx, padId, docName);
        if (eventId === undefined) {
          sendError(res, 404, `Pad "${padId}" belongs to no planned session, so it has no event template.`);
          return true;
        }
        if (method === 'PUT') {
          const body = await readJsonBody(req, padTemplateRequestSchema);
          ctx.registry.change(docNameFor('event', eventId), (doc) => writePadTemplate(doc, body.template));
        }
        const body: PadTemplateResponse = { eventId, ...eventTemplate(ctx.registry, eventId) };
        sendJson(res, 200, body);
        return true;
      }
      case 'GET share': {
        if (access !== 'edit') {
          sendError(res, 403, 'Read-only links cannot hand out links.');
          return true;
        }
        sendJson(res, 200, shareLinks(pads, padId, req.headers.host ?? ''));
        return true;
      }
      default:
        return false;
    }
  } catch (error) {
    if (error instanceof PadRequestError) {
      sendError(res, error.status, error.message, error.details);
      return true;
    }
    if (error instanceof RangeError) {
      throw new BadRequestError(error.message, 400);
    }
    throw error;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

function padExists(ctx: ApiContext, docName: DocName): boolean {
  return ctx.registry.isLoaded(docName) || existsSync(ctx.store.fileFor(docName));
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

function padEventOf(ctx: ApiContext, padId: string, docName: DocName): string | undefined {
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

/** Join links of a pad, for the address the request used and, on 0.0.0.0, each LAN address. */
function shareLinks(pads: PadRouteContext, padId: string, hostHeader: string): ShareLinks {
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
  const path = padPath(padId);
  return {
    addresses: hosts.map((host) => ({
      host,
      editUrl: `http://${host}${path}?${TOKEN_QUERY_PARAM}=${pads.tokens.edit}`,
      viewUrl: `http://${host}${path}?${TOKEN_QUERY_PARAM}=${pads.tokens.view}`,
    })),
  };
}
