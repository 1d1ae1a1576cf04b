import type * as Y from 'yjs';
import type { TemplatePadCounts } from '../../shared/api/padContract.js';
import { docNameFor, type DocName } from '../../shared/docs/docName.js';
import type { EventSnapshot } from '../../shared/event/eventSnapshot.js';
import { readEvent } from '../../shared/event/readEvent.js';
import { writePadContent } from '../../shared/pad/padContent.js';
import { isContentEmpty, markPadInitialised } from '../../shared/pad/padLayout.js';
import { templatePadDoc, templateValuesFor } from '../../shared/pad/padTemplate.js';
import { eventTemplate, type ReadAccess } from './padTemplates.js';
import { PAD_OPERATION_ORIGIN, type PadTracker } from './padTracker.js';

/**
 * Which session pads of an event a template change reaches, and applying it to the pads nobody
 * has written in yet. A pad counts as untouched when its content is empty or every revision it has
 * is the template and no edit is waiting to be recorded (so a line typed a second ago counts as writing).
 * Applying replaces such a pad's content with the event's current template; the old content stays
 * in the pad's history (revision "template"), so nothing is lost.
 */

/** What the routes need: the registry, whether a pad's file exists, and a pad's tracker. */
export interface TemplatePadAccess extends ReadAccess {
  /** Whether the pad was ever opened (its document exists). */
  padExists(name: DocName): boolean;
  /** Runs `fn` on the loaded pad with its history; undefined if its history cannot be read. */
  withPad<T>(name: DocName, fn: (doc: Y.Doc, tracker: PadTracker) => T): T | undefined;
}

/** The state of one session's pad with respect to the template. */
type TemplatePadState = 'waiting' | 'untouched' | 'written';

/** Untouched: empty, or nothing but template revisions and no edit waiting to become one (read only). */
function isUntouched(doc: Y.Doc, tracker: PadTracker): boolean {
  return (
    isContentEmpty(doc) ||
    (!tracker.hasPending && tracker.log.revisions.every((r) => r.source === 'template'))
  );
}

function stateOf(access: TemplatePadAccess, sessionId: string): TemplatePadState {
  const name = docNameFor('pad', sessionId);
  if (!access.padExists(name)) {
    return 'waiting';
  }
  return (
    access.withPad(name, (doc, tracker) => (isUntouched(doc, tracker) ? 'untouched' : 'written')) ?? 'written'
  );
}

function count(states: readonly TemplatePadState[]): TemplatePadCounts {
  return {
    waiting: states.filter((s) => s === 'waiting').length,
    untouched: states.filter((s) => s === 'untouched').length,
    written: states.filter((s) => s === 'written').length,
  };
}

/** How many of the event's session pads are waiting, untouched and written. */
export function templatePadCounts(access: TemplatePadAccess, eventId: string): TemplatePadCounts {
  const snapshot = access.read(docNameFor('event', eventId), readEvent);
  return count(snapshot.sessions.map((s) => stateOf(access, s.id)));
}

/** Gives every untouched pad of the event the event's current template; returns how many. */
export function applyTemplateToUntouched(
  access: TemplatePadAccess,
  eventId: string,
  now: Date,
): { applied: number; pads: TemplatePadCounts } {
  const snapshot: EventSnapshot = access.read(docNameFor('event', eventId), readEvent);
  const { template } = eventTemplate(access, eventId);
  let applied = 0;
  for (const session of snapshot.sessions) {
    const name = docNameFor('pad', session.id);
    if (!access.padExists(name)) {
      continue;
    }
    const values = templateValuesFor(snapshot, session.id);
    if (!values) {
      continue;
    }
    const done = access.withPad(name, (doc, tracker) => {
      if (!isUntouched(doc, tracker)) {
        return false;
      }
      doc.transact(() => {
        writePadContent(doc, templatePadDoc(template, values));
        markPadInitialised(doc, now, eventId);
      }, PAD_OPERATION_ORIGIN);
      tracker.record('template', [], { time: now.getTime() });
      return true;
    });
    if (done === true) {
      applied += 1;
    }
  }
  return { applied, pads: templatePadCounts(access, eventId) };
}
