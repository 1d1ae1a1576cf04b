import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findConflicts, planConflictSchema } from '../../../shared/event/conflicts.js';
import {
  addRoom,
  addSession,
  addSlot,
  moveSession,
  setCancelled,
} from '../../../shared/event/eventChanges.js';
import { readEvent } from '../../../shared/event/readEvent.js';

function grid(): Y.Doc {
  const doc = new Y.Doc();
  addRoom(doc, { id: 'r1', name: 'Raum 1.01', capacity: 20 });
  addRoom(doc, { id: 'r2', name: 'Raum 1.02', capacity: null });
  addSlot(doc, { id: 't1', start: '2018-05-05T10:45', end: '2018-05-05T11:30' });
  addSlot(doc, { id: 't2', start: '2018-05-05T11:30', end: '2018-05-05T12:15' });
  addSlot(doc, { id: 'long', start: '2018-05-05T10:45', end: '2018-05-05T12:15' });
  return doc;
}

function session(
  doc: Y.Doc,
  id: string,
  roomId: string | null,
  slotId: string | null,
  extra: { hosts?: string[]; votes?: number } = {},
): void {
  addSession(doc, {
    id,
    title: `Session ${id}`,
    createdAt: `2018-05-05T08:00:00.00${id.slice(-1)}Z`,
    ...(roomId && slotId ? { cell: { roomId, slotId } } : {}),
    ...extra,
  });
}

describe('plan conflicts', () => {
  it('finds nothing in a clean plan (touching slots do not overlap)', () => {
    const doc = grid();
    session(doc, 's1', 'r1', 't1', { hosts: ['Ada'], votes: 20 });
    session(doc, 's2', 'r1', 't2', { hosts: ['Ada'] });
    session(doc, 's3', 'r2', 't1', { hosts: ['Grace'], votes: 300 });
    session(doc, 's4', null, null, { hosts: ['Ada'] });
    expect(findConflicts(readEvent(doc))).toEqual([]);
  });

  it('reports two sessions in one cell (as after two concurrent moves) as one conflict', () => {
    const a = grid();
    session(a, 's1', 'r1', 't1');
    session(a, 's2', null, null);
    session(a, 's3', null, null);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveSession(a, 's2', { roomId: 'r1', slotId: 't1' });
    moveSession(b, 's3', { roomId: 'r1', slotId: 't1' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const conflicts = findConflicts(readEvent(a));
    expect(conflicts).toHaveLength(1);
    expect(planConflictSchema.parse(conflicts[0])).toMatchObject({
      kind: 'double-booked-cell',
      sessionIds: ['s1', 's2', 's3'],
      messageKey: 'plan.conflict.doubleBooked',
      params: { room: 'Raum 1.01', start: '2018-05-05T10:45', end: '2018-05-05T11:30', count: 3 },
    });
    expect(conflicts[0]?.message).toContain('3 sessions are planned in Raum 1.01');
  });

  it('reports overlapping slots in one room as double booking too', () => {
    const doc = grid();
    session(doc, 's1', 'r2', 't2');
    session(doc, 's2', 'r2', 'long');
    expect(findConflicts(readEvent(doc))).toMatchObject([
      { kind: 'double-booked-cell', sessionIds: ['s2', 's1'] },
    ]);
  });

  it('reports a host in two rooms at overlapping times, comparing names loosely', () => {
    const doc = grid();
    session(doc, 's1', 'r1', 't1', { hosts: ['Lena Schmidt'] });
    session(doc, 's2', 'r2', 'long', { hosts: ['  lena  schmidt', 'Tobias Lang'] });
    session(doc, 's3', 'r1', 't2', { hosts: ['Tobias Lang'] });
    const conflicts = findConflicts(readEvent(doc));
    expect(conflicts.map((c) => [c.kind, c.sessionIds, c.params['host']])).toEqual([
      ['host-in-two-rooms', ['s1', 's2'], 'Lena Schmidt'],
      ['host-in-two-rooms', ['s2', 's3'], 'Tobias Lang'],
    ]);
    expect(conflicts[0]?.params['rooms']).toBe('Raum 1.01, Raum 1.02');
  });

  it('reports more votes than seats, and ignores cancelled sessions', () => {
    const doc = grid();
    session(doc, 's1', 'r1', 't1', { votes: 25 });
    session(doc, 's2', 'r1', 't1', { votes: 3 });
    setCancelled(doc, 's2', true);
    expect(findConflicts(readEvent(doc))).toMatchObject([
      {
        kind: 'over-capacity',
        sessionIds: ['s1'],
        messageKey: 'plan.conflict.overCapacity',
        params: { title: 'Session s1', room: 'Raum 1.01', votes: 25, capacity: 20 },
      },
    ]);
  });
});
