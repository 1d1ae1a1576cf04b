import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, relative, resolve, isAbsolute } from 'node:path';
import { contentTypeOf, fileEndingOf } from '../../shared/files/fileFormats.js';

/** The Content-Type of a served file, from the one table of file endings. */
function servedContentType(file: string): string {
  const ending = fileEndingOf(file);
  return ending ? contentTypeOf(ending) : 'application/octet-stream';
}

/** Resolves a URL path inside `root`, or undefined if it would leave it (path traversal). */
function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) {
    return undefined;
  }
  const target = resolve(root, '.' + decoded);
  const rel = relative(root, target);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    return undefined;
  }
  return target;
}

/**
 * Serves the built renderer: files by path, and `index.html` for every other path so deep links
 * (`/e/<id>`, `/pad/<id>`, ...) open the app, which routes them itself.
 */
export function serveRenderer(rendererDir: string, urlPath: string, res: ServerResponse): void {
  const root = resolve(rendererDir);
  const target = resolveInside(root, urlPath);
  if (target && extname(target) && isFile(target)) {
    sendFile(
      res,
      target,
      urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    return;
  }
  if (extname(urlPath) && urlPath.startsWith('/assets/')) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  sendFile(res, join(root, 'index.html'), 'no-cache');
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function sendFile(res: ServerResponse, file: string, cacheControl: string): void {
  const stream = createReadStream(file);
  stream.on('error', () => {
    if (!res.headersSent) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    res.end('Not found');
  });
  stream.once('open', () => {
    res.writeHead(200, {
      'Content-Type': servedContentType(file),
      'Cache-Control': cacheControl,
    });
    stream.pipe(res);
  });
}
