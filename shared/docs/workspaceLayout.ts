/**
 * Layout of the `workspace` Yjs document, which both the core and the renderer read and write.
 *
 * - `events`: Y.Map<eventId, Y.Map> with the keys of {@link EventIndexEntry}. The event's own content
 *   (rooms, slots, sessions) lives in its `event/<id>` document; this map only lists events.
 */
export const WORKSPACE_EVENTS_KEY = 'events';

/** The fields of one entry in the workspace's event index. */
export interface EventIndexEntry {
  id: string;
  title: string;
  /** ISO 8601 time the event was created. */
  createdAt: string;
  /** ISO 8601 time it was moved to the trash, or absent while it is live. */
  deletedAt?: string;
}

/** Sorts events newest first, the order the events list shows. */
export function newestFirst(a: EventIndexEntry, b: EventIndexEntry): number {
  return b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);
}
