import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_EXCALIDRAW_FILE_BYTES, type ImportExcalidrawResponse } from '../../shared/api/sketchContract.js';
import { docNameFor, idSchema } from '../../shared/docs/docName.js';
import type { ExcalidrawImportResult } from '../../shared/sketch/excalidraw/excalidrawImport.js';
import { ImportBudgetError } from '../imports/importPool.js';
import { APP_VERSION } from '../core/version.js';
import { exportSketch, importIntoSketch, sketchExists } from '../sketch/sketchService.js';
import type { ApiContext } from './apiRoutes.js';
import { BadRequestError, sendError, sendJson } from './responses.js';

/**
 * The sketchnote routes of the HTTP API; the contract (paths, bodies, status codes) is documented
 * in shared/api/sketchContract.ts. Imports go through the DocRegistry, so everyone connected to the
 * sketch sees the imported drawing at once.
 *
 * Returns false for a path that is not one of these routes, so the caller answers 404.
 */
export async function handleSketchRoute(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const parts = url.pathname.split('/'); // ['', 'api', 'sketches', id, action]
  if (parts[2] !== 'sketches' || parts.length !== 5) {
    return false;
  }
  const id = idSchema.safeParse(safeDecode(parts[3] ?? ''));
  if (!id.success) {
    return false;
  }
  const sketchId = id.data;
  if ((ctx.access ?? 'edit') !== 'edit') {
    // Read-only links are for notes pads (as on the sync endpoint); sketchnotes stay private.
    sendError(res, 403, 'This is a read-only link for notes pads; it cannot open sketchnotes.');
    return true;
  }
  const route = `${req.method ?? 'GET'} ${parts[4] ?? ''}`;
  switch (route) {
    case 'POST import-excalidraw': {
      const text = decodeUtf8(await readFileBody(req));
      const exists =
        ctx.registry.isLoaded(docNameFor('sketch', sketchId)) || sketchExists(ctx.store, sketchId);
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
        sendError(res, 422, `${result.reason} Nothing was imported.`);
        return true;
      }
      const body: ImportExcalidrawResponse = { sketchId, report: result.value.report };
      sendJson(res, 200, body);
      return true;
    }
    case 'GET export.excalidraw': {
      if (!sketchExists(ctx.store, sketchId)) {
        sendError(res, 404, `There is no sketchnote "${sketchId}".`);
        return true;
      }
      const exported = exportSketch(ctx.registry, sketchId, { source: `mitschrift ${APP_VERSION}` });
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
