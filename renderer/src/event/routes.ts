import { eventPath } from '../../../shared/routes/deepLinks.js';

/** The print view of an event's plan (no app chrome, print stylesheet). */
export const printRoutePattern = '/e/:eventId/print';

/** Path of an event's printable plan. */
export function printPath(eventId: string): string {
  return `${eventPath(eventId)}/print`;
}
