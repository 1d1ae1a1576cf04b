import type * as Y from 'yjs';
import { idSchema } from '../docs/docName.js';
import { entryOf, sessionsMap } from '../event/eventLayout.js';

/**
 * Links a session of an event document to a sketchnote: sets the session's `sketchId` (the field
 * eventLayout.ts defines and `ensureSketchId` in eventChanges.ts fills on first open) to a given
 * sketch, for a sketchnote made elsewhere (an Excalidraw import). The event module has no setter
 * for an arbitrary id, so this one lives beside the sketch code; it writes only that one field.
 *
 * Returns the id the session linked before (undefined if none), or null if there is no such
 * session. Throws a RangeError for an invalid sketch id (a caller's bug).
 */
export function linkSessionSketch(
  eventDoc: Y.Doc,
  sessionId: string,
  sketchId: string,
): { previous: string | undefined } | null {
  if (!idSchema.safeParse(sketchId).success) {
    throw new RangeError(`"${sketchId.slice(0, 80)}" is not a valid sketch id.`);
  }
  let result: { previous: string | undefined } | null = null;
  eventDoc.transact(() => {
    const session = entryOf(sessionsMap(eventDoc), sessionId);
    if (!session) {
      return;
    }
    const stored: unknown = session.get('sketchId');
    const previous = typeof stored === 'string' && idSchema.safeParse(stored).success ? stored : undefined;
    session.set('sketchId', sketchId);
    result = { previous };
  });
  return result;
}
