import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_QUERY_PARAM } from '../../shared/api/contract.js';
import type { Principal } from '../access/accessTable.js';

/** The core's tokens: the workspace owner's and the read-along (view) link's. */
export interface CoreTokens {
  edit: string;
  view: string;
}

/** Which of the core's tokens a credential stands for. */
export type TokenKind = keyof CoreTokens;

/**
 * The cookie that carries a token after the first visit, one per kind (so a read-along link never
 * replaces an editor's cookie) and per port (so two cores on one host never mix).
 */
export function cookieNameFor(port: number, kind: TokenKind): string {
  return kind === 'edit' ? `mitschrift_${port}` : `mitschrift_${port}_view`;
}

/**
 * The cookie's value: an HMAC of the token, never the token itself, so a cookie seen by another
 * service on the same host (cookies ignore ports) does not give away the token for links or Bearer.
 */
export function cookieValueFor(token: string, kind: TokenKind): string {
  return createHmac('sha256', token).update(`mitschrift-cookie-v1:${kind}`).digest('base64url');
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

/**
 * Reads one cookie from a request, as sent (the core's cookie values are base64url and need no
 * decoding, so a malformed escape in any cookie is never an error).
 */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) {
    return undefined;
  }
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      return part.slice(eq + 1).trim();
    }
  }
  return undefined;
}

/** The ways a request can show its token. */
export interface PresentedToken {
  query?: string;
  editCookie?: string;
  viewCookie?: string;
  bearer?: string;
}

/** Collects what a request presents: `?token=`, the two cookies, `Authorization: Bearer`. */
export function presentedToken(req: IncomingMessage, url: URL, port: number): PresentedToken {
  const auth = req.headers.authorization;
  const presented: PresentedToken = {};
  const query = url.searchParams.get(TOKEN_QUERY_PARAM);
  if (query !== null) {
    presented.query = query;
  }
  const editCookie = readCookie(req, cookieNameFor(port, 'edit'));
  if (editCookie !== undefined) {
    presented.editCookie = editCookie;
  }
  const viewCookie = readCookie(req, cookieNameFor(port, 'view'));
  if (viewCookie !== undefined) {
    presented.viewCookie = viewCookie;
  }
  if (auth?.startsWith('Bearer ')) {
    presented.bearer = auth.slice('Bearer '.length).trim();
  }
  return presented;
}

/** Which token a link's `?token=` is, if any. */
export function linkTokenKind(presented: PresentedToken, tokens: CoreTokens): TokenKind | undefined {
  if (tokensMatch(presented.query, tokens.edit)) {
    return 'edit';
  }
  return tokensMatch(presented.query, tokens.view) ? 'view' : undefined;
}

function presents(presented: PresentedToken, tokens: CoreTokens, kind: TokenKind): boolean {
  const cookie = kind === 'edit' ? presented.editCookie : presented.viewCookie;
  return (
    tokensMatch(presented.query, tokens[kind]) ||
    tokensMatch(presented.bearer, tokens[kind]) ||
    tokensMatch(cookie, cookieValueFor(tokens[kind], kind))
  );
}

/**
 * Who the request is: the owner (the workspace token), a read-along link on every event (the view
 * token), or nobody. The strongest credential wins.
 */
export function principalOf(presented: PresentedToken, tokens: CoreTokens): Principal | null {
  if (presents(presented, tokens, 'edit')) {
    return { kind: 'owner' };
  }
  return presents(presented, tokens, 'view') ? { kind: 'role', role: 'view', eventId: null } : null;
}
