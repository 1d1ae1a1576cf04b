import type * as Y from 'yjs';
import { moveSession, swapSessions, unschedule } from './eventChanges.js';
import { encodeCell, type Cell } from './eventLayout.js';
import type { Session } from './eventSnapshot.js';
import type { PlanChange, PlanHistory } from './planHistory.js';

/**
 * What putting a session somewhere in the plan does, decided before it is done: the plan shows it
 * while a card hovers over a cell ("tauscht mit …, das in die Vorschläge geht") and the same value
 * is then applied, so what the person read is what happens.
 */

/** Where a dragged (or keyboard-moved) session can be put. */
export type DropTarget = { kind: 'cell'; cell: Cell } | { kind: 'unscheduled' };

/** What a drop would do. */
export type DropOutcome =
  | { kind: 'none' }
  | { kind: 'move'; session: Session; to: Cell }
  | {
      kind: 'swap';
      session: Session;
      /** The session now in the target cell. */
      other: Session;
      to: Cell;
      /** Where `other` goes: the dropped session's old cell, or null (back to the proposals). */
      otherTo: Cell | null;
    }
  | { kind: 'unschedule'; session: Session; from: Cell };

function sameCell(a: Cell | null, b: Cell | null): boolean {
  return a !== null && b !== null && encodeCell(a) === encodeCell(b);
}

/** The session in `target` that a drop would exchange places with (the first one, in plan order). */
function swapPartner(
  sessions: readonly Session[],
  sessionId: string,
  target: DropTarget,
): Session | undefined {
  if (target.kind !== 'cell') {
    return undefined;
  }
  return sessions.find((s) => s.id !== sessionId && sameCell(s.cell, target.cell));
}

/**
 * What dropping `sessionId` on `target` does: into a free cell it moves; onto an occupied cell the
 * two exchange places (the other one becomes a proposal if the dropped one was one); onto the
 * proposals it leaves the grid. Where it already is, or an unknown session: nothing.
 */
export function dropOutcome(
  sessions: readonly Session[],
  sessionId: string,
  target: DropTarget,
): DropOutcome {
  const session = sessions.find((s) => s.id === sessionId);
  if (!session) {
    return { kind: 'none' };
  }
  if (target.kind === 'unscheduled') {
    return session.cell === null ? { kind: 'none' } : { kind: 'unschedule', session, from: session.cell };
  }
  if (sameCell(session.cell, target.cell)) {
    return { kind: 'none' };
  }
  const other = swapPartner(sessions, sessionId, target);
  return other
    ? { kind: 'swap', session, other, to: target.cell, otherTo: session.cell }
    : { kind: 'move', session, to: target.cell };
}

/** The history entry of an outcome (undefined for 'none'). */
export function changeOfOutcome(outcome: DropOutcome): PlanChange | undefined {
  switch (outcome.kind) {
    case 'none':
      return undefined;
    case 'move':
      return {
        kind: 'moved',
        sessionId: outcome.session.id,
        title: outcome.session.title,
        from: outcome.session.cell,
        to: outcome.to,
      };
    case 'swap':
      return {
        kind: 'swapped',
        sessionId: outcome.session.id,
        title: outcome.session.title,
        otherId: outcome.other.id,
        otherTitle: outcome.other.title,
        to: outcome.to,
        otherTo: outcome.otherTo,
      };
    case 'unschedule':
      return {
        kind: 'unscheduled',
        sessionId: outcome.session.id,
        title: outcome.session.title,
        from: outcome.from,
      };
  }
}

/**
 * Applies an outcome to the event document, as one undoable step when a history is given. Returns
 * false if the document no longer allowed it (a peer deleted the session or the room meanwhile).
 */
export function applyDrop(doc: Y.Doc, outcome: DropOutcome, history?: PlanHistory): boolean {
  const change = changeOfOutcome(outcome);
  if (change === undefined) {
    return false;
  }
  const run = (): boolean => {
    switch (outcome.kind) {
      case 'move':
        return moveSession(doc, outcome.session.id, outcome.to);
      case 'swap':
        return swapSessions(doc, outcome.session.id, outcome.other.id);
      case 'unschedule':
        return unschedule(doc, outcome.session.id);
      case 'none':
        return false;
    }
  };
  return history ? history.record(change, run) : run();
}
