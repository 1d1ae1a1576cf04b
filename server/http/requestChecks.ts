import type { IncomingMessage } from 'node:http';

/**
 * Defensive readings of what a request says about itself: its target, its Origin, its body's type.
 * None of them throws; a request they cannot read is answered with a 4xx by the caller.
 */

const BASE = 'http://core.invalid';

/**
 * The request target as a URL, or undefined if it is not one. Leading slashes are collapsed first,
 * so `//host/x` is the path `/host/x` on this core, never another host; absolute-form targets
 * (`http://h/x`) keep only their path and query.
 */
export function parseTarget(target: string | undefined): URL | undefined {
  if (target === undefined || target === '') {
    return undefined;
  }
  try {
    if (target.startsWith('/')) {
      return new URL(target.replace(/^[/\\]+/, '/'), BASE);
    }
    const absolute = new URL(target);
    if (absolute.protocol !== 'http:' && absolute.protocol !== 'https:') {
      return undefined;
    }
    return new URL(absolute.pathname.replace(/^[/\\]+/, '/') + absolute.search, BASE);
  } catch {
    return undefined;
  }
}

/**
 * A same-origin path to redirect to: the path and query of `url` with leading slashes and
 * backslashes collapsed, so a `Location` is never protocol-relative (`//evil.example/`) or absolute.
 */
export function sameOriginLocation(url: URL): string {
  return '/' + url.pathname.replace(/^[/\\]+/, '') + url.search;
}

/**
 * Whether a request came from a page of this core, or from no page at all. Browsers send `Origin`
 * on every WebSocket upgrade and on non-GET requests; it must then be this core's own origin, that
 * is the scheme and the `Host` the request was sent to (the core is reachable under several names
 * and addresses). No `Origin` is a non-browser client (the CLI, tests with Bearer): allowed.
 */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) {
    return true;
  }
  const host = req.headers.host?.toLowerCase();
  if (!host) {
    return false;
  }
  const given = origin.toLowerCase();
  // https for a core behind a TLS-terminating proxy that keeps the Host header.
  return given === `http://${host}` || given === `https://${host}`;
}

/** Whether the request's body is declared as JSON (`application/json`, any parameters). */
export function isJsonBody(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  return type !== undefined && type.split(';')[0]?.trim().toLowerCase() === 'application/json';
}
