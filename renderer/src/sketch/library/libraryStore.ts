import {
  libraryFileText,
  mergeLibrary,
  readLibraryFile,
  type LibraryEntry,
} from '../../../../shared/sketch/library/savedLibrary.js';
import { getSketchLibraryText, setSketchLibraryText } from '../../platform/preferences.js';

/**
 * The recorder's stamps and templates on this device (stored with the preferences), shared by
 * every sketchnote and window: a change in one window reaches the others through the storage event.
 */

const listeners = new Set<() => void>();
let cached: { text: string | null; entries: readonly LibraryEntry[] } = { text: null, entries: [] };

/** The stored entries, newest first (read again only when the stored text changed). */
export function libraryEntries(): readonly LibraryEntry[] {
  const text = getSketchLibraryText();
  if (text !== cached.text) {
    const read = text === null ? null : readLibraryFile(text);
    cached = { text, entries: read?.ok ? read.entries : [] };
  }
  return cached.entries;
}

/** Calls `listener` when the library changes (here or in another window); returns the unsubscribe. */
export function subscribeLibrary(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent): void => {
    if (event.key === null || event.key.endsWith('sketchLibrary')) {
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Stores a new library; false (and nothing changed) when the device's storage refused it. */
function store(entries: readonly LibraryEntry[]): boolean {
  if (!setSketchLibraryText(libraryFileText(entries))) {
    return false;
  }
  for (const listener of listeners) {
    listener();
  }
  return true;
}

/** Adds entries (replacing those with the same id); false when the storage is full. */
export function addLibraryEntries(added: readonly LibraryEntry[]): boolean {
  return store(mergeLibrary(libraryEntries(), added));
}

/** Removes one entry. */
export function removeLibraryEntry(id: string): void {
  store(libraryEntries().filter((entry) => entry.id !== id));
}
