import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { suggestFixes } from '../../../shared/event/conflictFixes.js';
import { findConflicts } from '../../../shared/event/conflicts.js';
import {
  addRoom,
  addSession,
  addSlot,
  moveSession,
  swapSessions,
} from '../../../shared/event/eventChanges.js';
import type { Cell } from '../../../shared/event/eventLayout.js';
import { readEvent } from '../../../shared/event/readEvent.js';

function plan(): Y.Doc {
  const doc = new Y.Doc();
  addRoom(doc, { id: 'small', name: 'Kammer', capacity: 10, order: 0 });
  addRoom(doc, { id: 'mid', name: 'Raum 2', capacity: 30, order: 1 });
  addRoom(doc, { id: 'big', name: 'Saal', capacity: 120, order: 2 });
  addSlot(doc, { id: 't1', start: '2026-12-05T10:00', end: '2026-12-05T10:45' });
  addSlot(doc, { id: 't2', start: '2026-12-05T11:00', end: '2026-12-05T11:45' });
  addSlot(doc, { id: 't3', start: '2026-12-05T12:00', end: '2026-12-05T12:45' });
  return doc;
}

function add(doc: Y.Doc, id: string, cell: Cell | null, votes: number | null, hosts: string[] = []): void {
  addSession(doc, { id, title: id, votes, hosts, createdAt: id, ...(cell ? { cell } : {}) });
}

/** Applies a fix and returns the conflicts left. */
function afterFix(
  doc: Y.Doc,
  fix: ReturnType<typeof suggestFixes>[number],
): ReturnType<typeof findConflicts> {
  if (fix.kind === 'move') {
    moveSession(doc, fix.sessionId, fix.to);
  } else {
    swapSessions(doc, fix.sessionId, fix.otherId);
  }
  return findConflicts(readEvent(doc));
}

describe('conflict fixes', () => {
  it('offers the session with fewer votes a free room of the right size at the same time', () => {
    const doc = plan();
    add(doc, 'popular', { roomId: 'mid', slotId: 't1' }, 25);
    add(doc, 'niche', { roomId: 'mid', slotId: 't1' }, 8);
    const [conflict] = findConflicts(readEvent(doc));
    expect(conflict?.kind).toBe('double-booked-cell');
    const fixes = suggestFixes(readEvent(doc), conflict!);
    expect(fixes[0]).toEqual({
      kind: 'move',
      sessionId: 'niche',
      to: { roomId: 'small', slotId: 't1' },
      reason: 'free-room',
    });
    expect(fixes.every((f) => f.kind === 'move' && f.sessionId === 'niche')).toBe(true);
    expect(afterFix(doc, fixes[0]!)).toEqual([]);
  });

  it('offers another time when every room is taken', () => {
    const doc = plan();
    add(doc, 'x', { roomId: 'small', slotId: 't1' }, 1);
    add(doc, 'y', { roomId: 'big', slotId: 't1' }, 1);
    add(doc, 'a', { roomId: 'mid', slotId: 't1' }, 20);
    add(doc, 'b', { roomId: 'mid', slotId: 't1' }, 12);
    const conflict = findConflicts(readEvent(doc)).find((c) => c.kind === 'double-booked-cell')!;
    const fixes = suggestFixes(readEvent(doc), conflict);
    expect(fixes[0]).toEqual({
      kind: 'move',
      sessionId: 'b',
      to: { roomId: 'mid', slotId: 't2' },
      reason: 'free-slot',
    });
    expect(afterFix(doc, fixes[0]!)).toEqual([]);
  });

  it('offers a bigger free room, or a swap with a smaller session in a bigger room, for too many votes', () => {
    const doc = plan();
    add(doc, 'crowd', { roomId: 'small', slotId: 't1' }, 25);
    let conflict = findConflicts(readEvent(doc))[0]!;
    expect(conflict.kind).toBe('over-capacity');
    expect(suggestFixes(readEvent(doc), conflict)[0]).toEqual({
      kind: 'move',
      sessionId: 'crowd',
      to: { roomId: 'mid', slotId: 't1' },
      reason: 'bigger-room',
    });
    add(doc, 'quiet', { roomId: 'mid', slotId: 't1' }, 4);
    add(doc, 'full', { roomId: 'big', slotId: 't1' }, 100);
    conflict = findConflicts(readEvent(doc))[0]!;
    const fixes = suggestFixes(readEvent(doc), conflict);
    expect(fixes).toEqual([{ kind: 'swap', sessionId: 'crowd', otherId: 'quiet', reason: 'bigger-room' }]);
    expect(afterFix(doc, fixes[0]!)).toEqual([]);
  });

  it('moves one of a host’s two sessions to a time the host is free', () => {
    const doc = plan();
    add(doc, 'one', { roomId: 'mid', slotId: 't1' }, 10, ['Ada Lovelace']);
    add(doc, 'two', { roomId: 'big', slotId: 't1' }, 3, ['ada  lovelace']);
    add(doc, 'busy', { roomId: 'small', slotId: 't2' }, 3, ['Ada Lovelace']);
    const conflict = findConflicts(readEvent(doc))[0]!;
    expect(conflict.kind).toBe('host-in-two-rooms');
    const fixes = suggestFixes(readEvent(doc), conflict);
    // t2 is taken by the host's third session, so the nearest free time is t3, same room first.
    expect(fixes[0]).toEqual({
      kind: 'move',
      sessionId: 'two',
      to: { roomId: 'big', slotId: 't3' },
      reason: 'free-slot',
    });
    expect(afterFix(doc, fixes[0]!)).toEqual([]);
  });

  it('suggests nothing when there is no room anywhere', () => {
    const doc = new Y.Doc();
    addRoom(doc, { id: 'r', name: 'Einziger Raum', capacity: null });
    addSlot(doc, { id: 't', start: '2026-12-05T10:00', end: '2026-12-05T11:00' });
    add(doc, 'a', { roomId: 'r', slotId: 't' }, 1);
    add(doc, 'b', { roomId: 'r', slotId: 't' }, 2);
    const conflict = findConflicts(readEvent(doc))[0]!;
    expect(suggestFixes(readEvent(doc), conflict)).toEqual([]);
  });
});
