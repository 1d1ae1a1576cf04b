import { idSchema } from '../../shared/docs/docName.js';
import type { RouteParams } from './accessCheck.js';
import { PAGE_PATTERN, ROUTES, type RouteId, type RouteSpec } from './accessTable.js';

/** A request matched to a row of the access table, or why none matched. */
export type RouteMatch =
  | { ok: true; id: RouteId; spec: RouteSpec; params: RouteParams }
  | { ok: false; status: 404 | 405; allowed: string[] };

const REV = /^\d{1,9}$/;
const PARAMS = new Set([
  'eventId',
  'padId',
  'sketchId',
  'sessionId',
  'exportId',
  'publishId',
  'attachmentId',
  'rev',
  'tokenId',
]);
const ROWS = (Object.entries(ROUTES) as [RouteId, RouteSpec][]).map(([id, spec]) => ({
  id,
  spec,
  segments: spec.path.split('/').slice(1),
}));

/** Decodes a path segment; a malformed escape (`%zz`) matches no parameter, not a server error. */
export function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function matchPath(segments: readonly string[], path: string): Record<string, string> | undefined {
  const parts = path.split('/').slice(1);
  if (segments.length !== parts.length) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (const [i, segment] of segments.entries()) {
    const part = parts[i] ?? '';
    if (!segment.startsWith(':')) {
      if (segment !== part) {
        return undefined;
      }
      continue;
    }
    const name = segment.slice(1);
    const value = safeDecode(part);
    const valid =
      value !== undefined && (name === 'rev' ? REV.test(value) : idSchema.safeParse(value).success);
    if (!valid || !PARAMS.has(name)) {
      return undefined;
    }
    params[name] = value;
  }
  return params;
}

/**
 * Finds the row of the access table for a method and path (HEAD counts as GET). No row: 404, or
 * 405 when the path is known for other methods. `/*` (the renderer) takes any path outside `/api/`.
 */
export function matchRoute(method: string, pathname: string): RouteMatch {
  const wanted = method === 'HEAD' ? 'GET' : method;
  const isApi = pathname === '/api' || pathname.startsWith('/api/');
  const allowed: string[] = [];
  for (const row of ROWS) {
    const params =
      row.spec.path === PAGE_PATTERN ? (isApi ? undefined : {}) : matchPath(row.segments, pathname);
    if (params === undefined) {
      continue;
    }
    if (row.spec.method === wanted) {
      return { ok: true, id: row.id, spec: row.spec, params };
    }
    allowed.push(row.spec.method);
  }
  return allowed.length === 0 ? { ok: false, status: 404, allowed } : { ok: false, status: 405, allowed };
}
