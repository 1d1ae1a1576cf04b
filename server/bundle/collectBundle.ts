import type * as Y from 'yjs';
import { WORKSPACE_DOC, docNameFor, type DocName } from '../../shared/docs/docName.js';
import { listEvents } from '../../shared/docs/workspaceIndex.js';
import { sessionsInPlanOrder } from '../../shared/event/planOrder.js';
import { readEvent } from '../../shared/event/readEvent.js';
import { readPadContent } from '../../shared/pad/padContent.js';
import { readAuthors, readChat } from '../../shared/pad/padLayout.js';
import { exportPad, type PadHandle } from '../pad/padService.js';
import { readEventPeople } from '../plan/eventPeople.js';
import { readBundleSketch } from './bundleSketch.js';
import type { AttachedItem, BundleInput, BundleProfile, PadData } from './bundleTypes.js';

/** How the collector reaches the workspace: the DocRegistry in the core, the locked store in the CLI. */
export interface BundleSourceAccess {
  read<T>(name: DocName, read: (doc: Y.Doc) => T): T;
  /** Runs `fn` on a pad with its history; undefined when the pad was never created. */
  withPad<T>(padId: string, fn: (handle: PadHandle) => T): T | undefined;
  /** Whether a document exists (reading one that does not would create it). */
  exists(name: DocName): boolean;
  /** The session's attachments, files with their bytes. */
  attachments(sessionId: string): AttachedItem[];
}

/** An export that cannot be made as asked (unknown event or session): status for HTTP, exit 1 in the CLI. */
export class BundleRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'BundleRequestError';
  }
}

/** What to collect. */
export interface CollectOptions {
  profile: BundleProfile;
  /** Only these sessions (in plan order); all when absent. */
  sessionIds?: readonly string[];
  /**
   * The bundle's date (PDF dates, metadata, the ZIP's file times). Absent: the event's own date
   * ({@link eventDate}), so publishing an unchanged event again gives byte-identical files and
   * uploads nothing.
   */
  now?: Date;
  generator: string;
}

/** The event's date: its last day (midnight UTC), or when it was created if it has no days. */
function eventDate(days: readonly string[], createdAt: string): Date {
  const last = [...days].sort().at(-1);
  const date = new Date(last === undefined ? createdAt : `${last}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

/**
 * Reads everything a bundle needs from the workspace, once, synchronously (so the core's documents
 * are never held across an await): the event, its sessions in plan order (cancelled ones left out
 * unless asked for by id) and each session's pad. The pads' histories are read only for `internal`.
 */
export function collectBundle(
  access: BundleSourceAccess,
  eventId: string,
  options: CollectOptions,
): BundleInput {
  const entry = access.read(WORKSPACE_DOC, listEvents).find((e) => e.id === eventId);
  if (!entry) {
    throw new BundleRequestError(`There is no event "${eventId}".`, 404);
  }
  const snapshot = access.read(docNameFor('event', eventId), readEvent);
  const { people, organiserContact } = readEventPeople(access, eventId);
  const ordered = sessionsInPlanOrder(snapshot);
  let chosen = ordered.filter((s) => s.session.status !== 'cancelled');
  if (options.sessionIds !== undefined) {
    const known = new Set(ordered.map((s) => s.session.id));
    const unknown = options.sessionIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new BundleRequestError(
        `The event "${entry.title}" has no session ${unknown.map((id) => `"${id}"`).join(', ')}.`,
        400,
      );
    }
    const wanted = new Set(options.sessionIds);
    chosen = ordered.filter((s) => wanted.has(s.session.id));
  }
  if (chosen.length === 0) {
    throw new BundleRequestError(`The event "${entry.title}" has no sessions to export.`, 400);
  }
  return {
    eventId,
    title: entry.title,
    snapshot,
    people,
    organiserContact,
    now: options.now ?? eventDate(snapshot.meta.days, entry.createdAt),
    generator: options.generator,
    sessions: chosen.map(({ session, room, slot }) => ({
      session,
      room,
      slot,
      attachments: access.attachments(session.id),
      ...(session.sketchId && access.exists(docNameFor('sketch', session.sketchId))
        ? { sketch: access.read(docNameFor('sketch', session.sketchId), readBundleSketch) }
        : {}),
      pad: access.withPad(session.id, (handle): PadData => {
        const data: PadData = {
          content: readPadContent(handle.doc),
          authors: readAuthors(handle.doc),
          chat: readChat(handle.doc),
        };
        if (options.profile === 'internal') {
          data.etherpadWithHistory = exportPad(handle, 'etherpad', { title: session.title }).body;
        }
        return data;
      }),
    })),
  };
}
