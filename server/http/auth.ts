import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_QUERY_PARAM } from '../../shared/api/contract.js';
import type { Principal } from '../access/accessTable.js';
import type { EventTokens } from '../access/eventTokens.js';
import type { TokenRecord } from '../storage/eventTokenStore.js';

/** The core's tokens: the workspace owner's and the read-along (view) link's. */
export interface CoreTokens {
  edit: string;
  view: string;
}

/** Which of the core's tokens a credential stands for; `join` is any per-event join link. */
export type TokenKind = keyof CoreTokens | 'join';

/**
 * The cookie that carries a token after the first visit, one per kind (so a read-along or join link
 * never replaces the owner's cookie) and per port (so two cores on one host never mix).
 */
export function cookieNameFor(port: number, kind: TokenKind): string {
  return kind === 'edit' ? `mitschrift_${port}` : `mitschrift_${port}_${kind}`;
}

/**
 * The join cookie's value: the link's id and an HMAC of its secret, so the core finds the link by id
 * (and sees at once when it was revoked) and the cookie never gives away the secret.
 */
export function joinCookieValue(tokenId: string, secret: string): string {
  return `${tokenId}.${cookieValueFor(secret, 'join')}`;
}

/**
 * The cookie's value: an HMAC of the token, never the token itself, so a cookie seen by another
 * service on the same host (cookies ignore ports) does not give away the token for links or Bearer.
 */
export function cookieValueFor(token: string, kind: TokenKind): string {
  return createHmac('sha256', token).update(`mitschrift-cookie-v1:${kind}`).digest('base64url');
}

/** Compares two tokens in constant time. */
function tokensMatch(given: string | undefined, expected: string): boolean {
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
function readCookie(req: IncomingMessage, name: string): string | undefined {
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
  joinCookie?: string;
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
  const joinCookie = readCookie(req, cookieNameFor(port, 'join'));
  if (joinCookie !== undefined) {
    presented.joinCookie = joinCookie;
  }
  if (auth?.startsWith('Bearer ')) {
    presented.bearer = auth.slice('Bearer '.length).trim();
  }
  return presented;
}

/** Which token a link's `?token=` is, if any (a join link only while it works). */
export function linkTokenKind(
  presented: PresentedToken,
  tokens: CoreTokens,
  joins: EventTokens,
): TokenKind | undefined {
  if (tokensMatch(presented.query, tokens.edit)) {
    return 'edit';
  }
  if (tokensMatch(presented.query, tokens.view)) {
    return 'view';
  }
  return presented.query !== undefined && joins.bySecret(presented.query).ok ? 'join' : undefined;
}

function presents(presented: PresentedToken, tokens: CoreTokens, kind: keyof CoreTokens): boolean {
  const cookie = kind === 'edit' ? presented.editCookie : presented.viewCookie;
  return (
    tokensMatch(presented.query, tokens[kind]) ||
    tokensMatch(presented.bearer, tokens[kind]) ||
    tokensMatch(cookie, cookieValueFor(tokens[kind], kind))
  );
}

/** Who a request is, or why nobody: no credential (or an unknown one), or a revoked join link. */
export type Identification =
  { ok: true; principal: Principal } | { ok: false; reason: 'unknown' | 'revoked' };

/**
 * Who the request is: the owner (the workspace token), a join link's role on its event, the
 * workspace-wide read-along link (the view token; pads only), or nobody. The owner wins over
 * everything; a join link in `?token=` or `Authorization: Bearer` wins over cookies; the join cookie
 * comes last. A revoked join link is told apart from an unknown token, for a clear refusal.
 */
export function identify(presented: PresentedToken, tokens: CoreTokens, joins: EventTokens): Identification {
  if (presents(presented, tokens, 'edit')) {
    return { ok: true, principal: { kind: 'owner' } };
  }
  let revoked = false;
  for (const secret of [presented.query, presented.bearer]) {
    if (secret === undefined || tokensMatch(secret, tokens.view)) {
      continue;
    }
    const found = joins.bySecret(secret);
    if (found.ok) {
      return { ok: true, principal: joinPrincipal(found.record) };
    }
    revoked ||= found.reason === 'revoked';
  }
  if (presents(presented, tokens, 'view')) {
    return { ok: true, principal: { kind: 'role', role: 'view', eventId: null } };
  }
  const cookie = presented.joinCookie;
  const dot = cookie?.indexOf('.') ?? -1;
  if (cookie !== undefined && dot > 0) {
    const found = joins.byTokenId(cookie.slice(0, dot));
    const record = found.ok ? found.record : undefined;
    if (record && tokensMatch(cookie, joinCookieValue(record.id, record.secret))) {
      return { ok: true, principal: joinPrincipal(record) };
    }
    revoked ||= !found.ok && found.reason === 'revoked';
  }
  return { ok: false, reason: revoked ? 'revoked' : 'unknown' };
}

function joinPrincipal(record: TokenRecord): Principal {
  return { kind: 'role', role: record.role, eventId: record.eventId, tokenId: record.id };
}
