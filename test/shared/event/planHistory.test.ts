import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addRoom,
  addSession,
  addSlot,
  adjustVotes,
  removeSession,
  setCancelled,
  setVotes,
  updateSession,
} from '../../../shared/event/eventChanges.js';
import { applyDrop, dropOutcome } from '../../../shared/event/planDrop.js';
import { PlanHistory } from '../../../shared/event/planHistory.js';
import { readEvent } from '../../../shared/event/readEvent.js';

function plan(): Y.Doc {
  const doc = new Y.Doc();
  addRoom(doc, { id: 'r1', name: 'Saal', capacity: 80 });
  addRoom(doc, { id: 'r2', name: 'Raum 2', capacity: 12 });
  addSlot(doc, { id: 't1', start: '2026-12-05T10:00', end: '2026-12-05T10:45' });
  addSlot(doc, { id: 't2', start: '2026-12-05T11:00', end: '2026-12-05T11:45' });
  addSession(doc, {
    id: 'a',
    title: 'Offene Daten',
    votes: 14,
    cell: { roomId: 'r1', slotId: 't1' },
    createdAt: '1',
  });
  addSession(doc, { id: 'b', title: 'Radwege', votes: 5, createdAt: '2' });
  addSession(doc, {
    id: 'c',
    title: 'Bürgerhaushalt',
    votes: 9,
    cell: { roomId: 'r2', slotId: 't1' },
    createdAt: '3',
  });
  return doc;
}

function cellOf(doc: Y.Doc, id: string): string | null {
  const session = readEvent(doc).sessions.find((s) => s.id === id);
  return session?.cell ? `${session.cell.roomId}|${session.cell.slotId}` : null;
}

function drop(doc: Y.Doc, history: PlanHistory, id: string, roomId: string, slotId: string): boolean {
  return applyDrop(
    doc,
    dropOutcome(readEvent(doc).sessions, id, { kind: 'cell', cell: { roomId, slotId } }),
    history,
  );
}

describe('plan undo history', () => {
  it('undoes and redoes a move, naming the change', () => {
    const doc = plan();
    const history = new PlanHistory(doc);
    expect(history.state().canUndo).toBe(false);
    expect(drop(doc, history, 'a', 'r1', 't2')).toBe(true);
    expect(cellOf(doc, 'a')).toBe('r1|t2');
    expect(history.state().undoChange).toMatchObject({
      kind: 'moved',
      sessionId: 'a',
      title: 'Offene Daten',
    });
    expect(history.undo()).toMatchObject({ kind: 'moved', sessionId: 'a' });
    expect(cellOf(doc, 'a')).toBe('r1|t1');
    expect(history.state()).toMatchObject({ canUndo: false, canRedo: true, redoChange: { kind: 'moved' } });
    expect(history.redo()).toMatchObject({ kind: 'moved' });
    expect(cellOf(doc, 'a')).toBe('r1|t2');
    expect(history.state().undoChange).toMatchObject({ kind: 'moved', sessionId: 'a' });
  });

  it('undoes a swap that sent the displaced session back to the proposals, in one step', () => {
    const doc = plan();
    const history = new PlanHistory(doc);
    drop(doc, history, 'b', 'r1', 't1');
    expect(cellOf(doc, 'b')).toBe('r1|t1');
    expect(cellOf(doc, 'a')).toBeNull();
    expect(history.state().undoChange).toMatchObject({
      kind: 'swapped',
      otherId: 'a',
      otherTitle: 'Offene Daten',
      otherTo: null,
    });
    history.undo();
    expect(cellOf(doc, 'a')).toBe('r1|t1');
    expect(cellOf(doc, 'b')).toBeNull();
    expect(readEvent(doc).sessions.find((s) => s.id === 'a')?.votes).toBe(14);
  });

  it('undoes taking a session out of the grid, deleting it, calling it off and votes', () => {
    const doc = plan();
    const history = new PlanHistory(doc);
    applyDrop(doc, dropOutcome(readEvent(doc).sessions, 'c', { kind: 'unscheduled' }), history);
    expect(cellOf(doc, 'c')).toBeNull();
    history.record({ kind: 'votes', sessionId: 'a', title: 'Offene Daten', votes: 15 }, () =>
      adjustVotes(doc, 'a', 1),
    );
    history.record({ kind: 'votes', sessionId: 'a', title: 'Offene Daten', votes: 3 }, () =>
      setVotes(doc, 'a', 3),
    );
    history.record({ kind: 'cancelled', sessionId: 'a', title: 'Offene Daten', cancelled: true }, () =>
      setCancelled(doc, 'a', true),
    );
    history.record({ kind: 'deleted', sessionId: 'b', title: 'Radwege' }, () => removeSession(doc, 'b'));
    expect(readEvent(doc).sessions.map((s) => s.id)).toEqual(['a', 'c']);

    expect(history.undo()?.kind).toBe('deleted');
    const restored = readEvent(doc).sessions.find((s) => s.id === 'b');
    expect(restored).toMatchObject({ title: 'Radwege', votes: 5 });
    expect(history.undo()?.kind).toBe('cancelled');
    expect(readEvent(doc).sessions.find((s) => s.id === 'a')?.status).toBe('scheduled');
    expect(history.undo()?.kind).toBe('votes');
    expect(readEvent(doc).sessions.find((s) => s.id === 'a')?.votes).toBe(15);
    expect(history.undo()?.kind).toBe('votes');
    expect(readEvent(doc).sessions.find((s) => s.id === 'a')?.votes).toBe(14);
    expect(history.undo()?.kind).toBe('unscheduled');
    expect(cellOf(doc, 'c')).toBe('r2|t1');
    expect(history.undo()).toBeUndefined();
  });

  it('never takes back what someone else did, nor local changes it did not record', () => {
    const doc = plan();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const history = new PlanHistory(doc);
    drop(doc, history, 'a', 'r1', 't2');
    // A co-organiser renames the session and moves another one; the update arrives here.
    updateSession(peer, 'c', { title: 'Bürgerhaushalt 2027' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    // A local change outside the history (e.g. typing a description) is not undone either.
    updateSession(doc, 'b', { description: 'Mit Karte' });
    history.undo();
    const snapshot = readEvent(doc);
    expect(cellOf(doc, 'a')).toBe('r1|t1');
    expect(snapshot.sessions.find((s) => s.id === 'c')?.title).toBe('Bürgerhaushalt 2027');
    expect(snapshot.sessions.find((s) => s.id === 'b')?.description).toBe('Mit Karte');
    expect(history.state().canUndo).toBe(false);
  });

  it('keeps quick successive drops as separate steps and tells listeners', () => {
    const doc = plan();
    const history = new PlanHistory(doc);
    let calls = 0;
    const stop = history.subscribe(() => (calls += 1));
    drop(doc, history, 'a', 'r1', 't2');
    drop(doc, history, 'c', 'r2', 't2');
    expect(calls).toBeGreaterThanOrEqual(2);
    history.undo();
    expect(cellOf(doc, 'a')).toBe('r1|t2');
    expect(cellOf(doc, 'c')).toBe('r2|t1');
    stop();
    history.destroy();
  });

  it('adds no step for a drop where the session already is', () => {
    const doc = plan();
    const history = new PlanHistory(doc);
    expect(drop(doc, history, 'a', 'r1', 't1')).toBe(false);
    expect(history.state().canUndo).toBe(false);
  });
});
