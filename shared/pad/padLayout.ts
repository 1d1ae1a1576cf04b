import * as Y from 'yjs';
import { z } from 'zod';

/**
 * Layout of one notes pad's Yjs document, `pad/<sessionId>` (kept with gc:false by the core, so
 * every earlier state can be rebuilt for the timeslider):
 *
 *   content  Y.XmlFragment  the editor's document (y-prosemirror encoding: one Y.XmlElement per
 *                           node, Y.XmlText per run of text with marks as formatting attributes;
 *                           text carries an `author` mark {id} like Etherpad's author attribute)
 *   authors  Y.Map<userId, {name, colour}>
 *                           who wrote in this pad, so names and colours of text stay known after
 *                           the author has left (awareness only covers who is here now)
 *   meta     Y.Map          eventId: string (the event the session belongs to, set by the core)
 *                           initialisedAt: ISO instant (when the core filled in the template)
 *   chat     Y.Array<{author, text, time}>  the pad's chat, oldest first
 *
 * Revisions (the timeslider) are NOT in the document: the core keeps them in a separate store
 * (server/pad/revisionStore.ts), so they never travel to every phone with the pad.
 */
const PAD_KEYS = {
  content: 'content',
  authors: 'authors',
  meta: 'meta',
  chat: 'chat',
} as const;

/** A user id as the renderer makes them (`u` + base62) or an imported Etherpad id (`a.` + 16). */
export const userIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, 'A user id has 1 to 64 letters, digits, ".", "_" or "-".');

/** A CSS colour in the one form the pad stores: `#rrggbb`. */
export const hexColourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/);

/** An author of the pad. */
const padAuthorSchema = z.object({
  name: z.string().max(200),
  colour: hexColourSchema,
});
/** An author as stored in the `authors` map. */
export type PadAuthor = z.infer<typeof padAuthorSchema>;

/** One chat message. */
const chatMessageSchema = z.object({
  author: z.string().max(64),
  text: z.string().min(1).max(2000),
  /** Milliseconds since 1970. */
  time: z.number().int().positive(),
});
/** A chat message as stored in the `chat` array. */
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** The editor's content. */
export function contentFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(PAD_KEYS.content);
}

/** The authors map. */
function authorsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(PAD_KEYS.authors);
}

/** The pad's settings map. */
function padMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(PAD_KEYS.meta);
}

/** The chat array. */
function chatArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray<unknown>(PAD_KEYS.chat);
}

/** Every well-formed author entry (a peer may have written anything; bad entries are skipped). */
export function readAuthors(doc: Y.Doc): Map<string, PadAuthor> {
  const out = new Map<string, PadAuthor>();
  authorsMap(doc).forEach((value, id) => {
    const parsed = padAuthorSchema.safeParse(value);
    if (parsed.success && userIdSchema.safeParse(id).success) {
      out.set(id, parsed.data);
    }
  });
  return out;
}

/** Records (or updates) an author's name and colour; does nothing if they are already as given. */
export function setAuthor(doc: Y.Doc, id: string, author: PadAuthor): void {
  const checked = padAuthorSchema.parse(author);
  userIdSchema.parse(id);
  const current = padAuthorSchema.safeParse(authorsMap(doc).get(id));
  if (current.success && current.data.name === checked.name && current.data.colour === checked.colour) {
    return;
  }
  authorsMap(doc).set(id, { name: checked.name, colour: checked.colour });
}

/** The event this pad belongs to, if the core found one. */
export function padEventId(doc: Y.Doc): string | undefined {
  const value = padMetaMap(doc).get('eventId');
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : undefined;
}

/** Whether the core has already decided about this pad's initial content. */
export function isPadInitialised(doc: Y.Doc): boolean {
  return typeof padMetaMap(doc).get('initialisedAt') === 'string';
}

/** Marks the pad as initialised (optionally with its event); call inside a transaction. */
export function markPadInitialised(doc: Y.Doc, at: Date, eventId?: string): void {
  const meta = padMetaMap(doc);
  meta.set('initialisedAt', at.toISOString());
  if (eventId !== undefined) {
    meta.set('eventId', eventId);
  }
}

/** Whether the content is empty (nothing, or one empty paragraph). */
export function isContentEmpty(doc: Y.Doc): boolean {
  const fragment = contentFragment(doc);
  if (fragment.length === 0) {
    return true;
  }
  if (fragment.length > 1) {
    return false;
  }
  const first = fragment.get(0);
  return first instanceof Y.XmlElement && first.nodeName === 'paragraph' && first.length === 0;
}

/** The chat messages, oldest first; malformed entries are skipped. */
export function readChat(doc: Y.Doc): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const value of chatArray(doc).toArray()) {
    const parsed = chatMessageSchema.safeParse(value);
    if (parsed.success) {
      out.push(parsed.data);
    }
  }
  return out;
}

/** Appends a chat message. */
export function addChatMessage(doc: Y.Doc, message: ChatMessage): void {
  chatArray(doc).push([chatMessageSchema.parse(message)]);
}
