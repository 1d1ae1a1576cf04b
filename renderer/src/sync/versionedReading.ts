import type * as Y from 'yjs';
import type { SharedDoc } from './sharedDoc.js';

/**
 * Wraps a reader of a document so it reads once per document version: every caller between two
 * changes gets the same object, which useSyncExternalStore needs and which keeps memoised views
 * from recomputing.
 */
export function versionedReading<T>(read: (doc: Y.Doc) => T): (shared: SharedDoc) => T {
  const cache = new WeakMap<Y.Doc, { version: number; value: T }>();
  return (shared) => {
    const version = shared.getVersion();
    const cached = cache.get(shared.doc);
    if (cached && cached.version === version) {
      return cached.value;
    }
    const value = read(shared.doc);
    cache.set(shared.doc, { version, value });
    return value;
  };
}
