/**
 * Stable deep links into the UI. Join links and QR codes point at these, so they never change shape.
 */
export const routePatterns = {
  events: '/',
  event: '/e/:eventId',
  eventNow: '/e/:eventId/now',
  pad: '/pad/:sessionId',
  sketch: '/sketch/:sketchId',
  sketchPresent: '/sketch/:sketchId/present',
  wall: '/wall/:eventId',
  settings: '/settings',
} as const;

/** Path of an event and its session plan. */
export function eventPath(eventId: string): string {
  return `/e/${encodeURIComponent(eventId)}`;
}

/**
 * Path of an event's "Jetzt / Als Nächstes" for participants (the landing page of a participant
 * link). `at` previews another local time (`2026-12-05T10:30`).
 */
export function eventNowPath(eventId: string, at?: string): string {
  const path = `/e/${encodeURIComponent(eventId)}/now`;
  return at === undefined ? path : `${path}?at=${encodeURIComponent(at)}`;
}

/** Path of a session's notes pad. */
export function padPath(sessionId: string): string {
  return `/pad/${encodeURIComponent(sessionId)}`;
}

/** Path of a sketchnote. */
export function sketchPath(sketchId: string): string {
  return `/sketch/${encodeURIComponent(sketchId)}`;
}

/** Path of a sketchnote as the projector shows it: the canvas alone, fitted, nothing to draw with. */
export function sketchPresentPath(sketchId: string): string {
  return `/sketch/${encodeURIComponent(sketchId)}/present`;
}

/** Path of an event's projector wall. */
export function wallPath(eventId: string): string {
  return `/wall/${encodeURIComponent(eventId)}`;
}

/** The one prefix under which the HTTP API lives. */
export const API_PREFIX = '/api/';

/** The prefix of the y-websocket endpoint; the room name follows it. */
export const SYNC_PREFIX = '/yjs';
