import {
  eventTokenInfoSchema,
  eventTokenListSchema,
  type EventRole,
  type EventTokenInfo,
  type EventTokenList,
} from '../../../shared/api/eventTokenContract.js';
import { shareStatusSchema, type ShareStatus } from '../../../shared/api/shareContract.js';
import { request } from '../api/coreApi.js';

/**
 * The renderer's side of sharing: the network listener (owner only, shared/api/shareContract.ts)
 * and the event's join links (shared/api/eventTokenContract.ts).
 */

function json(body: unknown, method = 'POST'): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

const tokens = (eventId: string): string => `events/${encodeURIComponent(eventId)}/tokens`;

/** Interfaces, the network listener, the base of join links and who is connected. */
export function getShareStatus(): Promise<ShareStatus> {
  return request('share', shareStatusSchema);
}

/** Starts (or moves) the network listener on one interface address. */
export function startShare(address: string): Promise<ShareStatus> {
  return request('share', shareStatusSchema, json({ address }));
}

/** "Freigabe beenden": closes the network port and its connections. */
export function stopShare(): Promise<ShareStatus> {
  return request('share/stop', shareStatusSchema, { method: 'POST' });
}

/** The event's join links, revoked ones included. */
export function listTokens(eventId: string): Promise<EventTokenList> {
  return request(tokens(eventId), eventTokenListSchema);
}

/** Makes a new join link for a role. */
export function createToken(eventId: string, role: EventRole, label: string): Promise<EventTokenInfo> {
  return request(tokens(eventId), eventTokenInfoSchema, json({ role, label }));
}

/** Renames a join link. */
export function renameToken(eventId: string, tokenId: string, label: string): Promise<EventTokenInfo> {
  return request(
    `${tokens(eventId)}/${encodeURIComponent(tokenId)}`,
    eventTokenInfoSchema,
    json({ label }, 'PUT'),
  );
}

/** Revokes a join link; the core closes its live connections at once. */
export function revokeToken(eventId: string, tokenId: string): Promise<EventTokenInfo> {
  return request(`${tokens(eventId)}/${encodeURIComponent(tokenId)}/revoke`, eventTokenInfoSchema, {
    method: 'POST',
  });
}
