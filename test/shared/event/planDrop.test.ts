import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRoom, addSession, addSlot, removeRoom } from '../../../shared/event/eventChanges.js';
import { applyDrop, dropOutcome } from '../../../shared/event/planDrop.js';
import { readEvent } from '../../../shared/event/readEvent.js';

function plan(): Y.Doc {
  const doc = new Y.Doc();
  addRoom(doc, { id: 'r1', name: 'Saal', capacity: 80 });
  addRoom(doc, { id: 'r2', name: 'Raum 2', capacity: 12 });
  addSlot(doc, { id: 't1', start: '2026-12-05T10:00', end: '2026-12-05T10:45' });
  addSession(doc, { id: 'a', title: 'A', cell: { roomId: 'r1', slotId: 't1' }, createdAt: '1' });
  addSession(doc, { id: 'b', title: 'B', createdAt: '2' });
  addSession(doc, { id: 'c', title: 'C', cell: { roomId: 'r2', slotId: 't1' }, createdAt: '3' });
  return doc;
}

describe('what a drop does, said before it is done', () => {
  it('moves into a free cell', () => {
    const doc = plan();
    addSlot(doc, { id: 't2', start: '2026-12-05T11:00', end: '2026-12-05T11:45' });
    const outcome = dropOutcome(readEvent(doc).sessions, 'a', {
      kind: 'cell',
      cell: { roomId: 'r1', slotId: 't2' },
    });
    expect(outcome).toMatchObject({ kind: 'move', session: { id: 'a' }, to: { roomId: 'r1', slotId: 't2' } });
  });

  it('names the displaced session and where it goes: to the proposals, or to the old cell', () => {
    const sessions = readEvent(plan()).sessions;
    expect(dropOutcome(sessions, 'b', { kind: 'cell', cell: { roomId: 'r1', slotId: 't1' } })).toMatchObject({
      kind: 'swap',
      session: { id: 'b' },
      other: { id: 'a' },
      otherTo: null,
    });
    expect(dropOutcome(sessions, 'c', { kind: 'cell', cell: { roomId: 'r1', slotId: 't1' } })).toMatchObject({
      kind: 'swap',
      other: { id: 'a' },
      otherTo: { roomId: 'r2', slotId: 't1' },
    });
  });

  it('does nothing where the session already is, for a proposal dropped on the proposals, or an unknown id', () => {
    const sessions = readEvent(plan()).sessions;
    expect(dropOutcome(sessions, 'a', { kind: 'cell', cell: { roomId: 'r1', slotId: 't1' } }).kind).toBe(
      'none',
    );
    expect(dropOutcome(sessions, 'b', { kind: 'unscheduled' }).kind).toBe('none');
    expect(dropOutcome(sessions, 'zz', { kind: 'unscheduled' }).kind).toBe('none');
    expect(dropOutcome(sessions, 'a', { kind: 'unscheduled' })).toMatchObject({
      kind: 'unschedule',
      from: { roomId: 'r1' },
    });
  });

  it('applies exactly what it said, and reports false when a peer removed the room meanwhile', () => {
    const doc = plan();
    const outcome = dropOutcome(readEvent(doc).sessions, 'b', {
      kind: 'cell',
      cell: { roomId: 'r1', slotId: 't1' },
    });
    expect(applyDrop(doc, outcome)).toBe(true);
    const after = readEvent(doc).sessions;
    expect(after.find((s) => s.id === 'b')?.cell).toEqual({ roomId: 'r1', slotId: 't1' });
    expect(after.find((s) => s.id === 'a')?.cell).toBeNull();

    const stale = dropOutcome(readEvent(doc).sessions, 'a', {
      kind: 'cell',
      cell: { roomId: 'r2', slotId: 't1' },
    });
    const lonely = dropOutcome(readEvent(doc).sessions, 'b', {
      kind: 'cell',
      cell: { roomId: 'r2', slotId: 't1' },
    });
    removeRoom(doc, 'r2');
    expect(stale.kind).toBe('swap');
    expect(lonely.kind).toBe('swap');
    const moveToGone = dropOutcome(readEvent(doc).sessions, 'a', {
      kind: 'cell',
      cell: { roomId: 'r2', slotId: 't1' },
    });
    expect(applyDrop(doc, moveToGone)).toBe(false);
  });
});
