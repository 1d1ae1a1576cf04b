import type { Access, SessionInfo } from '../../shared/api/padContract.js';
import { DOCS, type EventSource, type Need, type Principal } from './accessTable.js';

/** Finds the event a pad or sketchnote belongs to (through its planned session). */
export interface EventLookup {
  padEvent(padId: string): string | undefined;
  sketchEvent(sketchId: string): string | undefined;
}

/** The parameters of a matched route or document (see RouteSpec.path in accessTable.ts). */
export type RouteParams = Readonly<
  Partial<
    Record<
      | 'eventId'
      | 'padId'
      | 'sketchId'
      | 'sessionId'
      | 'exportId'
      | 'publishId'
      | 'attachmentId'
      | 'rev'
      | 'tokenId',
      string
    >
  >
>;

/**
 * The one access decision: whether `principal` has `need` for the route or document with `params`.
 * A join link's role counts only on its own event: the event in the path, or the event of the
 * planned session a pad or sketchnote belongs to (a pad or sketchnote of no planned session belongs
 * to no event, so only the owner reaches it). The workspace-wide read-along token (`eventId: null`)
 * reaches pads only.
 */
export function allows(principal: Principal, need: Need, params: RouteParams, lookup: EventLookup): boolean {
  if (principal.kind === 'owner') {
    return true;
  }
  switch (need.who) {
    case 'anyone':
      return true;
    case 'owner':
      return false;
    case 'roles':
      if (!need.roles.includes(principal.role)) {
        return false;
      }
      if (principal.eventId === null) {
        return need.event === 'pad';
      }
      return principal.eventId === eventOf(need.event, params, lookup);
  }
}

function eventOf(source: EventSource, params: RouteParams, lookup: EventLookup): string | undefined {
  switch (source) {
    case 'path':
      return params.eventId;
    case 'pad':
      return params.padId === undefined ? undefined : lookup.padEvent(params.padId);
    case 'sketch':
      return params.sketchId === undefined ? undefined : lookup.sketchEvent(params.sketchId);
    case 'session':
      // A session's id is its pad's: the same lookup finds its event.
      return params.sessionId === undefined ? undefined : lookup.padEvent(params.sessionId);
    case 'none':
      return undefined;
  }
}

/** How a principal may open a live document: read-write, read-only, or not at all. */
export function docAccess(
  principal: Principal,
  docName: string,
  lookup: EventLookup,
): 'write' | 'read' | 'none' {
  const slash = docName.indexOf('/');
  const kind = slash === -1 ? docName : docName.slice(0, slash);
  const id = slash === -1 ? '' : docName.slice(slash + 1);
  const spec = kind in DOCS ? DOCS[kind as keyof typeof DOCS] : null;
  if (spec === null) {
    return 'none';
  }
  const params: RouteParams =
    kind === 'event' || kind === 'event-people' || kind === 'event-library'
      ? { eventId: id }
      : kind === 'pad'
        ? { padId: id }
        : kind === 'sketch'
          ? { sketchId: id }
          : {};
  if (allows(principal, spec.write, params, lookup)) {
    return 'write';
  }
  return allows(principal, spec.read, params, lookup) ? 'read' : 'none';
}

/** The pad views' access level (`GET /api/session`'s `access`): read-along links are `view`, everyone else `edit`. */
export function sessionAccess(principal: Principal): Access {
  return principal.kind === 'role' && principal.role === 'view' ? 'view' : 'edit';
}

/**
 * How a principal may open the documents of one kind that belong to its own event(s): the access
 * table's rows for that kind with the event taken as matching (a role bound to one event is asked
 * about that event's documents). The renderer decides from this whether it shows an editor.
 */
function kindAccess(principal: Principal, kind: keyof typeof DOCS): 'write' | 'read' | 'none' {
  // A document of the principal's own event: every way of finding the event finds that one.
  const own = principal.kind === 'owner' ? undefined : (principal.eventId ?? undefined);
  const ownEvent: EventLookup = { padEvent: () => own, sketchEvent: () => own };
  const params: RouteParams = own === undefined ? {} : { eventId: own, padId: own, sketchId: own };
  const spec = DOCS[kind];
  if (allows(principal, spec.write, params, ownEvent)) {
    return 'write';
  }
  return allows(principal, spec.read, params, ownEvent) ? 'read' : 'none';
}

/** The body of `GET /api/session` for a principal. */
export function sessionInfo(principal: Principal): Omit<SessionInfo, 'label' | 'tokenId'> {
  return {
    access: sessionAccess(principal),
    role: principal.kind === 'owner' ? 'owner' : principal.role,
    eventId: principal.kind === 'owner' ? null : principal.eventId,
    docs: {
      workspace: kindAccess(principal, 'workspace'),
      event: kindAccess(principal, 'event'),
      'event-people': kindAccess(principal, 'event-people'),
      'event-library': kindAccess(principal, 'event-library'),
      pad: kindAccess(principal, 'pad'),
      sketch: kindAccess(principal, 'sketch'),
    },
  };
}
