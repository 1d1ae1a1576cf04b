import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_QUERY_PARAM } from '../../shared/api/contract.js';

/** The cookie that carries the token after the first visit; per port, so two cores on one host never mix. */
export function cookieNameFor(port: number): string {
  return `mitschrift_${port}`;
}

/** Compares two tokens in constant time. */
export function tokensMatch(given: string | undefined, expected: string): boolean {
  if (!given) {
    return false;
  }
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads one cookie from a request. */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) {
    return undefined;
  }
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      return decodeURIComponent(part.slice(eq + 1).trim());
    }
  }
  return undefined;
}

/** The ways a request can show its token. */
export interface PresentedToken {
  query?: string;
  cookie?: string;
  bearer?: string;
}

/** Collects the token a request presents by query, cookie or `Authorization: Bearer`. */
export function presentedToken(req: IncomingMessage, url: URL, cookieName: string): PresentedToken {
  const auth = req.headers.authorization;
  const presented: PresentedToken = {};
  const query = url.searchParams.get(TOKEN_QUERY_PARAM);
  if (query !== null) {
    presented.query = query;
  }
  const cookie = readCookie(req, cookieName);
  if (cookie !== undefined) {
    presented.cookie = cookie;
  }
  if (auth?.startsWith('Bearer ')) {
    presented.bearer = auth.slice('Bearer '.length).trim();
  }
  return presented;
}

/** True when any presented token is the right one. */
export function isAuthorized(presented: PresentedToken, token: string): boolean {
  return [presented.query, presented.cookie, presented.bearer].some((t) => tokensMatch(t, token));
}
