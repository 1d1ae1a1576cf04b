import type { IncomingMessage } from 'node:http';
import {
  MAX_EXCALIDRAW_FILE_BYTES,
  RENDER_MIME,
  eventSketchesZipName,
  renderedSketchFileName,
  sketchRenderOptionsSchema,
  type ImportExcalidrawResponse,
  type SketchExportSize,
  type SketchSession,
  type SketchRenderOptions,
} from '../../shared/api/sketchContract.js';
import { WORKSPACE_DOC, docNameFor } from '../../shared/docs/docName.js';
import { listEvents } from '../../shared/docs/workspaceIndex.js';
import { readEvent } from '../../shared/event/readEvent.js';
import type { ReadAccess } from '../pad/padTemplates.js';
import { DocUnavailableError } from '../storage/docStore.js';
import type { ExcalidrawImportResult } from '../../shared/sketch/excalidraw/excalidrawImport.js';
import { ImportBudgetError } from '../imports/importPool.js';
import { APP_VERSION } from '../core/version.js';
import {
  ExportCancelledError,
  checkExport,
  exportSize,
  exportSketch as renderSketch,
  readExportScene,
} from '../export/exportSketch.js';
import { eventSketchesOf, writeEventSketchesZip } from '../export/eventSketches.js';
import { readEventDetail } from '../plan/eventService.js';
import { exportSketch, importIntoSketch, sketchExists } from '../sketch/sketchService.js';
import { mediaTypeOf } from '../../shared/files/fileFormats.js';
import type { ExportScene } from '../../shared/sketch/export/exportScene.js';
import { param, type ApiRouteId, type RouteHandler } from './apiContext.js';
import { BadRequestError, sendError, sendJson } from './responses.js';

/**
 * The sketchnote routes of the HTTP API; the contract (paths, bodies, status codes) is documented
 * in shared/api/sketchContract.ts. Imports go through the DocRegistry, so everyone connected to the
 * sketch sees the imported drawing at once. Access: server/access/accessTable.ts.
 */
export const sketchHandlers = {
  importExcalidraw: async (ctx, call) => {
    const sketchId = param(call, 'sketchId');
    const text = decodeUtf8(await readFileBody(call.req));
    const exists = ctx.registry.exists(docNameFor('sketch', sketchId));
    let result: ExcalidrawImportResult;
    try {
      result = await importIntoSketch(ctx.registry, sketchId, text, { now: Date.now(), exists });
    } catch (error) {
      if (error instanceof ImportBudgetError) {
        throw new BadRequestError(error.message, error.status);
      }
      throw error;
    }
    if (!result.ok) {
      sendError(call.res, 422, `${result.reason} Nothing was imported.`);
      return;
    }
    const body: ImportExcalidrawResponse = { sketchId, report: result.value.report };
    sendJson(call.res, 200, body);
  },
  exportExcalidraw: (ctx, call) => {
    const { res } = call;
    const sketchId = param(call, 'sketchId');
    if (!sketchExists(ctx.store, sketchId)) {
      sendError(res, 404, `There is no sketchnote "${sketchId}".`);
      return;
    }
    const exported = exportSketch(ctx.registry, sketchId, { source: `mitschrift ${APP_VERSION}` });
    res.writeHead(200, {
      'Content-Type': exported.contentType,
      'Content-Disposition': `attachment; filename="${exported.filename}"`,
      'Cache-Control': 'no-store',
    });
    res.end(exported.body);
  },
  renderSketch: async (ctx, call) => {
    const { res } = call;
    const sketchId = param(call, 'sketchId');
    const options = renderOptionsOf(call.url);
    if (!sketchExists(ctx.store, sketchId)) {
      sendError(res, 404, `There is no sketchnote "${sketchId}".`);
      return;
    }
    const scene = ctx.registry.read(docNameFor('sketch', sketchId), readExportScene);
    try {
      checkExport(scene, options);
    } catch (error) {
      if (error instanceof RangeError) {
        throw new BadRequestError(error.message, 422);
      }
      throw error;
    }
    // Closing the download (the editor's cancel) stops the rendering between tiles.
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) {
        abort.abort();
      }
    });
    res.writeHead(200, {
      'Content-Type': RENDER_MIME[options.format],
      'Content-Disposition': `attachment; filename="${renderedSketchFileName(sketchId, options.format)}"`,
      'Cache-Control': 'no-store',
    });
    try {
      await renderSketch(scene, { ...options, signal: abort.signal }, res);
    } catch (error) {
      // The headers are sent: a failure can only cut the download short.
      res.destroy();
      if (!(error instanceof ExportCancelledError)) {
        console.error(`Export of sketchnote ${sketchId} failed:`, error);
      }
    }
  },
  sketchExportSize: (ctx, call) => {
    const sketchId = param(call, 'sketchId');
    const options = renderOptionsOf(call.url, 'png');
    if (!sketchExists(ctx.store, sketchId)) {
      sendError(call.res, 404, `There is no sketchnote "${sketchId}".`);
      return;
    }
    const scene = ctx.registry.read(docNameFor('sketch', sketchId), readExportScene);
    const eventId = sketchEventOf(ctx.registry, sketchId);
    const detail = eventId === undefined ? undefined : readEventDetail(ctx.registry, eventId);
    const body: SketchExportSize = {
      ...exportSize(scene, options),
      event: detail
        ? {
            id: detail.id,
            title: detail.title,
            sketches: eventSketchesOf(detail, (id) => sketchExists(ctx.store, id)).length,
          }
        : null,
    };
    sendJson(call.res, 200, body);
  },
  sketchSession: (ctx, call) => {
    const sketchId = param(call, 'sketchId');
    const eventId = sketchEventOf(ctx.registry, sketchId);
    const detail = eventId === undefined ? undefined : readEventDetail(ctx.registry, eventId);
    const session = detail?.sessions.find((s) => s.sketchId === sketchId || s.id === sketchId);
    if (!detail || !session) {
      const none: SketchSession = { event: null, session: null };
      sendJson(call.res, 200, none);
      return;
    }
    const body: SketchSession = {
      event: { id: detail.id, title: detail.title, venue: detail.venue, timeZone: detail.timeZone },
      session: {
        id: session.id,
        title: session.title,
        hosts: session.hosts,
        room: session.room,
        start: session.start,
        end: session.end,
      },
    };
    sendJson(call.res, 200, body);
  },
  renderEventSketches: async (ctx, call) => {
    const { res } = call;
    const eventId = param(call, 'eventId');
    const options = renderOptionsOf(call.url);
    const detail = readEventDetail(ctx.registry, eventId);
    if (!detail) {
      sendError(res, 404, `There is no event "${eventId}".`);
      return;
    }
    const sketches = eventSketchesOf(detail, (id) => sketchExists(ctx.store, id));
    if (sketches.length === 0) {
      sendError(res, 404, `The event "${detail.title}" has no sketchnotes yet.`, undefined, 'no-sketches');
      return;
    }
    const readScene = (id: string): ExportScene =>
      ctx.registry.read(docNameFor('sketch', id), readExportScene);
    // Every sketchnote is checked before the first byte goes out: afterwards a failure can only cut
    // the download short, so a PNG too large is named here, with its session.
    for (const sketch of sketches) {
      try {
        checkExport(readScene(sketch.sketchId), options);
      } catch (error) {
        if (error instanceof RangeError) {
          throw new BadRequestError(`"${sketch.sessionTitle}": ${error.message}`, 422);
        }
        throw error;
      }
    }
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) {
        abort.abort();
      }
    });
    res.writeHead(200, {
      'Content-Type': mediaTypeOf('zip'),
      'Content-Disposition': `attachment; filename="${eventSketchesZipName(detail.id, options.format)}"`,
      'Cache-Control': 'no-store',
      'X-Sketch-Count': String(sketches.length),
    });
    try {
      await writeEventSketchesZip(sketches, readScene, options, res, { signal: abort.signal });
    } catch (error) {
      res.destroy();
      if (!(error instanceof ExportCancelledError)) {
        console.error(`Export of the sketchnotes of event ${eventId} failed:`, error);
      }
    }
  },
} satisfies Partial<Record<ApiRouteId, RouteHandler>>;

/** The format, DPI and scale of an export request's query; a 400 naming the problem otherwise. */
function renderOptionsOf(url: URL, format?: SketchRenderOptions['format']): SketchRenderOptions {
  const query = (name: string): string | undefined => url.searchParams.get(name) ?? undefined;
  const parsed = sketchRenderOptionsSchema.safeParse({
    format: format ?? query('format'),
    dpi: query('dpi'),
    scale: query('scale'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadRequestError(`${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'invalid'}.`, 400);
  }
  return parsed.data;
}

/** The event of the planned session whose sketchnote this is (for per-event access). */
export function sketchEventOf(registry: ReadAccess, sketchId: string): string | undefined {
  for (const event of registry.read(WORKSPACE_DOC, listEvents)) {
    try {
      const snapshot = registry.read(docNameFor('event', event.id), readEvent);
      if (snapshot.sessions.some((s) => (s.sketchId ?? s.id) === sketchId)) {
        return event.id;
      }
    } catch (error) {
      if (!(error instanceof DocUnavailableError)) {
        throw error;
      }
    }
  }
  return undefined;
}

function tooLarge(size: number): BadRequestError {
  return new BadRequestError(
    `The file is ${(size / 1024 / 1024).toFixed(1)} MB; Excalidraw files may be at most ${MAX_EXCALIDRAW_FILE_BYTES / 1024 / 1024} MB.`,
    413,
  );
}

/** Reads the request body, refusing more than MAX_EXCALIDRAW_FILE_BYTES with 413 without buffering it. */
async function readFileBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_EXCALIDRAW_FILE_BYTES) {
    req.resume();
    throw tooLarge(declared);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_EXCALIDRAW_FILE_BYTES) {
      throw tooLarge(size);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The body as UTF-8 text; anything else is not an Excalidraw file (422). */
function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BadRequestError(
      'The file is not UTF-8 text, so it is not an Excalidraw drawing. Nothing was imported.',
      422,
    );
  }
}
