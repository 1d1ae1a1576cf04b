import type * as Y from 'yjs';
import { WORKSPACE_DOC, docNameFor, type DocName } from '../../shared/docs/docName.js';
import { listEvents } from '../../shared/docs/workspaceIndex.js';
import type { EventSnapshot, Session } from '../../shared/event/eventSnapshot.js';
import { readEvent } from '../../shared/event/readEvent.js';
import { writePadContent } from '../../shared/pad/padContent.js';
import {
  isContentEmpty,
  isPadInitialised,
  markPadInitialised,
  padEventId,
} from '../../shared/pad/padLayout.js';
import {
  DEFAULT_PAD_TEMPLATE,
  readPadTemplate,
  templatePadDoc,
  templateValuesFor,
} from '../../shared/pad/padTemplate.js';
import { DocUnavailableError } from '../storage/docStore.js';
import { PAD_OPERATION_ORIGIN, type PadTracker } from './padTracker.js';

/** Reading documents (the DocRegistry in the core, the store in the CLI). */
export interface ReadAccess {
  read<T>(name: DocName, read: (doc: Y.Doc) => T): T;
}

/** The session a pad belongs to, found in the workspace's events. */
export interface FoundSession {
  eventId: string;
  eventTitle: string;
  snapshot: EventSnapshot;
  session: Session;
}

/**
 * Finds the planned session whose id is the pad's id: a pad is `pad/<sessionId>`, and session ids
 * are unique across the workspace (random 72-bit ids). The event recorded in the pad is tried
 * first, then every live event. Events whose documents cannot be opened are skipped.
 */
export function findPadSession(
  access: ReadAccess,
  padId: string,
  hintEventId?: string,
): FoundSession | undefined {
  const events = access.read(WORKSPACE_DOC, listEvents);
  const ordered = hintEventId
    ? [...events.filter((e) => e.id === hintEventId), ...events.filter((e) => e.id !== hintEventId)]
    : events;
  for (const event of ordered) {
    let snapshot: EventSnapshot;
    try {
      snapshot = access.read(docNameFor('event', event.id), readEvent);
    } catch (error) {
      if (error instanceof DocUnavailableError) {
        continue;
      }
      throw error;
    }
    const session = snapshot.sessions.find((s) => s.id === padId);
    if (session) {
      return { eventId: event.id, eventTitle: event.title, snapshot, session };
    }
  }
  return undefined;
}

/** The template text of an event (its own, or the default). */
export function eventTemplate(access: ReadAccess, eventId: string): { template: string; isDefault: boolean } {
  const own = access.read(docNameFor('event', eventId), readPadTemplate);
  return own === undefined
    ? { template: DEFAULT_PAD_TEMPLATE, isDefault: true }
    : { template: own, isDefault: false };
}

/**
 * Gives a new pad its first content, once: when the pad has never been initialised, is empty, and
 * belongs to a planned session, the event's template is filled in with the session's title, hosts,
 * room and time, the pad is marked initialised (with its event), and revision "template" recorded.
 * A pad that already has content is only marked. A pad of no known session is left alone (and
 * tried again next time it is opened, in case the session is planned later).
 *
 * Runs in the core when the registry loads the document, before any connection sees it, so two
 * people opening a new pad at once can never both get the template.
 */
export function initialisePad(
  access: ReadAccess,
  padId: string,
  doc: Y.Doc,
  tracker: PadTracker | undefined,
  now: Date,
): boolean {
  if (isPadInitialised(doc)) {
    return false;
  }
  if (!isContentEmpty(doc)) {
    doc.transact(() => markPadInitialised(doc, now, padEventId(doc)), PAD_OPERATION_ORIGIN);
    return false;
  }
  const found = findPadSession(access, padId);
  if (!found) {
    return false;
  }
  const values = templateValuesFor(found.snapshot, padId);
  if (!values) {
    return false;
  }
  const { template } = eventTemplate(access, found.eventId);
  const content = templatePadDoc(template, values);
  doc.transact(() => {
    writePadContent(doc, content);
    markPadInitialised(doc, now, found.eventId);
  }, PAD_OPERATION_ORIGIN);
  tracker?.record('template', [], { time: now.getTime() });
  return true;
}
