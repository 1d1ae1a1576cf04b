import * as Y from 'yjs';
import { newestFirst, WORKSPACE_EVENTS_KEY, type EventIndexEntry } from './workspaceLayout.js';

/** The event index map of a workspace document. */
export function eventsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(WORKSPACE_EVENTS_KEY);
}

/** Reads one index entry; entries with missing or mistyped fields (e.g. from a buggy client) are skipped. */
export function readEventEntry(id: string, entry: unknown): EventIndexEntry | undefined {
  if (!(entry instanceof Y.Map)) {
    return undefined;
  }
  const title: unknown = entry.get('title');
  const createdAt: unknown = entry.get('createdAt');
  const deletedAt: unknown = entry.get('deletedAt');
  if (typeof title !== 'string' || typeof createdAt !== 'string') {
    return undefined;
  }
  return typeof deletedAt === 'string' ? { id, title, createdAt, deletedAt } : { id, title, createdAt };
}

/** Lists the live (not deleted) events, newest first. */
export function listEvents(doc: Y.Doc): EventIndexEntry[] {
  const events: EventIndexEntry[] = [];
  eventsMap(doc).forEach((value, id) => {
    const entry = readEventEntry(id, value);
    if (entry && !entry.deletedAt) {
      events.push(entry);
    }
  });
  return events.sort(newestFirst);
}

/** Adds an event to the index; call inside a transaction. */
export function addEvent(doc: Y.Doc, entry: EventIndexEntry): void {
  const map = new Y.Map<unknown>();
  map.set('title', entry.title);
  map.set('createdAt', entry.createdAt);
  eventsMap(doc).set(entry.id, map);
}
