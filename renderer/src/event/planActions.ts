import type * as Y from 'yjs';
import { moveSession, swapSessions, unschedule } from '../../../shared/event/eventChanges.js';
import type { Cell } from '../../../shared/event/eventLayout.js';
import type { Session } from '../../../shared/event/eventSnapshot.js';
import { cellKey } from './planGrid.js';

/** Where a dragged (or keyboard-moved) session can be put. */
export type DropTarget = { kind: 'cell'; cell: Cell } | { kind: 'unscheduled' };

/** What a drop did, for the announcement. */
export type DropResult =
  | { kind: 'moved'; cell: Cell }
  | { kind: 'swapped'; cell: Cell; other: Session }
  | { kind: 'unscheduled' }
  | { kind: 'none' };

/** Encodes a drop target for a `data-drop` attribute. */
export function encodeDropTarget(target: DropTarget): string {
  return target.kind === 'cell' ? `cell:${cellKey(target.cell)}` : 'unscheduled';
}

/** Decodes a `data-drop` attribute; null for anything else. */
export function decodeDropTarget(value: string | null | undefined): DropTarget | null {
  if (value === 'unscheduled') {
    return { kind: 'unscheduled' };
  }
  const match = /^cell:([A-Za-z0-9_-]{1,64})\|([A-Za-z0-9_-]{1,64})$/.exec(value ?? '');
  return match?.[1] && match[2] ? { kind: 'cell', cell: { roomId: match[1], slotId: match[2] } } : null;
}

/** The session a drop on `target` would exchange places with, if any. */
export function swapPartner(
  sessions: readonly Session[],
  sessionId: string,
  target: DropTarget,
): Session | undefined {
  if (target.kind !== 'cell') {
    return undefined;
  }
  const key = cellKey(target.cell);
  return sessions.find((s) => s.id !== sessionId && s.cell !== null && cellKey(s.cell) === key);
}

/**
 * Puts a session where it was dropped: into a free cell (moved), onto an occupied cell (the two
 * exchange places; the other one becomes a proposal if the dropped one was one), or back to the
 * proposals (unscheduled). Dropping where it already is does nothing.
 */
export function dropSession(
  doc: Y.Doc,
  sessions: readonly Session[],
  sessionId: string,
  target: DropTarget,
): DropResult {
  const session = sessions.find((s) => s.id === sessionId);
  if (!session) {
    return { kind: 'none' };
  }
  if (target.kind === 'unscheduled') {
    return session.cell !== null && unschedule(doc, sessionId) ? { kind: 'unscheduled' } : { kind: 'none' };
  }
  if (session.cell !== null && cellKey(session.cell) === cellKey(target.cell)) {
    return { kind: 'none' };
  }
  const other = swapPartner(sessions, sessionId, target);
  if (other) {
    return swapSessions(doc, sessionId, other.id)
      ? { kind: 'swapped', cell: target.cell, other }
      : { kind: 'none' };
  }
  return moveSession(doc, sessionId, target.cell) ? { kind: 'moved', cell: target.cell } : { kind: 'none' };
}
