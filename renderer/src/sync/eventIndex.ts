import type * as Y from 'yjs';
import { idSchema } from '../../../shared/docs/docName.js';
import { eventsMap, readEventEntry } from '../../../shared/docs/workspaceIndex.js';
import { newestFirst, type EventIndexEntry } from '../../../shared/docs/workspaceLayout.js';

/**
 * Reads the workspace document's event index with the same entry reader the core uses, so both
 * sides agree on what an entry is. Unlike the core's `listEvents` it keeps trashed entries: the
 * event page says "in the trash" instead of "not found".
 */

/** Every well-formed entry of the index, trash included, newest first. */
export function readEventIndex(doc: Y.Doc): EventIndexEntry[] {
  const entries: EventIndexEntry[] = [];
  eventsMap(doc).forEach((value, id) => {
    // The id ends up in links and document names; a key another client made up must not.
    const entry = idSchema.safeParse(id).success ? readEventEntry(id, value) : undefined;
    if (entry) {
      entries.push(entry);
    }
  });
  return entries.sort(newestFirst);
}

/** The events the list shows: those not in the trash. */
export function liveEvents(entries: readonly EventIndexEntry[]): EventIndexEntry[] {
  return entries.filter((entry) => entry.deletedAt === undefined);
}

/** Events whose title contains the query, ignoring case; an empty query matches all. */
export function filterByTitle(
  entries: readonly EventIndexEntry[],
  query: string,
  locale: string,
): EventIndexEntry[] {
  const needle = query.trim().toLocaleLowerCase(locale);
  if (needle === '') {
    return [...entries];
  }
  return entries.filter((entry) => entry.title.toLocaleLowerCase(locale).includes(needle));
}
