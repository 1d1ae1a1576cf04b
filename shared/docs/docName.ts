import { z } from 'zod';

/**
 * Every Yjs document the core stores has one of these names. They double as the y-websocket room
 * (`/yjs/<name>`) and, percent-encoded, as the store file name. `event-people/<eventId>` holds an
 * event's people with their contact details and consent, apart from the plan (`event/<eventId>`)
 * that every join link reads: only the organisers open it (see shared/event/peopleLayout.ts).
 * `event-library/<eventId>` holds the stamps and templates an event's organisers and recorders
 * share (shared/sketch/library/teamLibrary.ts).
 * @public (the list the kind type is read from)
 */
export const DOC_KINDS = ['event', 'event-people', 'event-library', 'pad', 'sketch'] as const;

/** The kind of a per-item document. */
export type DocKind = (typeof DOC_KINDS)[number];

/** Ids are URL- and file-safe so they can appear in deep links, QR codes and file names unchanged. */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'An id has 1 to 64 letters, digits, "-" or "_".');

/** The workspace document: the index of events. */
export const WORKSPACE_DOC = 'workspace';

/** A valid document name: `workspace` or `<kind>/<id>`. */
export const docNameSchema = z
  .string()
  .regex(
    /^(workspace|(event|event-people|event-library|pad|sketch)\/[A-Za-z0-9_-]{1,64})$/,
    'A document name is "workspace" or "event/<id>", "event-people/<id>", "event-library/<id>", "pad/<id>", "sketch/<id>".',
  );

/** A parsed document name. */
export type DocName = z.infer<typeof docNameSchema>;

/** Builds the document name of one event, event's people or library, pad or sketchnote. */
export function docNameFor(kind: DocKind, id: string): DocName {
  return docNameSchema.parse(`${kind}/${idSchema.parse(id)}`);
}
