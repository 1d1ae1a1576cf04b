import type * as Y from 'yjs';
import { MAX_LIBRARY_ENTRIES, libraryEntrySchema, type LibraryEntry } from './savedLibrary.js';

/**
 * An event's team library: the stamps and templates the event's organisers and recorders share,
 * in the Yjs document `event-library/<eventId>` (access: `server/access/accessTable.ts`). It syncs
 * live between the team's devices and is stored and scaled out like every other document.
 *
 * Layout: `entries`, a Y.Map from entry id to a plain JSON {@link LibraryEntry} (never a nested Y
 * type): sharing replaces the whole entry. Readers validate every entry, so one a buggy or hostile
 * client wrote is skipped, never shown or placed.
 */

/** The map of entries. */
function entriesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('entries');
}

/** Most characters of content the team library holds in all (well under the core's document limit). */
const MAX_TEAM_LIBRARY_CHARS = 96 * 1024 * 1024;

/** The valid entries of a team library, newest first, and how many were skipped as malformed. */
export function readTeamLibrary(doc: Y.Doc): { entries: LibraryEntry[]; skipped: number } {
  const entries: LibraryEntry[] = [];
  let skipped = 0;
  for (const [id, value] of entriesMap(doc)) {
    const parsed = libraryEntrySchema.safeParse(value);
    if (parsed.success && parsed.data.id === id) {
      entries.push(parsed.data);
    } else {
      skipped += 1;
    }
  }
  entries.sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
  return { entries, skipped };
}

/** Why an entry was not shared: the library has its most entries, or its content would be too large. */
export type ShareRefusal = 'full' | 'too-large';

/**
 * Shares an entry with the team (replacing one with the same id). Refuses, changing nothing, when
 * the library already has {@link MAX_LIBRARY_ENTRIES} other entries or its content would pass
 * `maxChars` ({@link MAX_TEAM_LIBRARY_CHARS}).
 */
export function shareWithTeam(
  doc: Y.Doc,
  entry: LibraryEntry,
  maxChars = MAX_TEAM_LIBRARY_CHARS,
): ShareRefusal | null {
  const valid = libraryEntrySchema.parse(entry);
  const others = readTeamLibrary(doc).entries.filter((e) => e.id !== valid.id);
  if (others.length >= MAX_LIBRARY_ENTRIES) {
    return 'full';
  }
  const chars = others.reduce((sum, e) => sum + e.content.length, valid.content.length);
  if (chars > maxChars) {
    return 'too-large';
  }
  entriesMap(doc).set(valid.id, { ...valid });
  return null;
}

/** Removes an entry from the team library (nothing happens if it is not there). */
export function removeFromTeam(doc: Y.Doc, id: string): void {
  entriesMap(doc).delete(id);
}
