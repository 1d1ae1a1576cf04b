import * as Y from 'yjs';
import { z } from 'zod';
import { idSchema } from '../docs/docName.js';
import { addEvent, eventsMap } from '../docs/workspaceIndex.js';
import type { EventIndexEntry } from '../docs/workspaceLayout.js';

/**
 * Changes to an event's entry in the workspace index (workspaceLayout.ts): its title, and moving it
 * to the trash and back. The event's own document is never touched here, so an event in the trash
 * keeps its whole plan and comes back complete.
 *
 * Like eventChanges.ts: a bad argument from this program throws a RangeError, an id that is not (or
 * no longer) in the index returns false.
 */

/** Same limits as creating an event through the API (`createEventRequestSchema`). */
export const eventTitleSchema = z
  .string()
  .trim()
  .min(1, 'The title is empty.')
  .max(200, 'The title is longer than 200 characters.');

function entry(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  const value: unknown = eventsMap(doc).get(id);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined;
}

function checkedTitle(title: string): string {
  const parsed = eventTitleSchema.safeParse(title);
  if (!parsed.success) {
    throw new RangeError(`event title: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  return parsed.data;
}

/** Gives an event a new title (trimmed; 1 to 200 characters). */
export function renameEvent(doc: Y.Doc, id: string, title: string): boolean {
  const checked = checkedTitle(title);
  let done = false;
  doc.transact(() => {
    const found = entry(doc, id);
    if (found) {
      found.set('title', checked);
      done = true;
    }
  });
  return done;
}

/** Moves an event to the trash: it leaves the list, its document and plan stay as they are. */
export function moveEventToTrash(doc: Y.Doc, id: string, now: Date): boolean {
  let done = false;
  doc.transact(() => {
    const found = entry(doc, id);
    if (found) {
      found.set('deletedAt', now.toISOString());
      done = true;
    }
  });
  return done;
}

/** Takes an event out of the trash again. */
export function restoreEvent(doc: Y.Doc, id: string): boolean {
  let done = false;
  doc.transact(() => {
    const found = entry(doc, id);
    if (found) {
      found.delete('deletedAt');
      done = true;
    }
  });
  return done;
}

/**
 * Lists a new event in the index. Write the event's own document first (as the core does for
 * imports), so a reader who sees the entry also finds its plan.
 */
export function addEventEntry(doc: Y.Doc, event: Omit<EventIndexEntry, 'deletedAt'>): void {
  const id = idSchema.safeParse(event.id);
  if (!id.success) {
    throw new RangeError(`event id: ${id.error.issues.map((i) => i.message).join('; ')}`);
  }
  const title = checkedTitle(event.title);
  doc.transact(() => addEvent(doc, { id: id.data, title, createdAt: event.createdAt }));
}
