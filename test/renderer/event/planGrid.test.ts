import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addRoom,
  addSession,
  addSlot,
  setCancelled,
  setEventMeta,
} from '../../../shared/event/eventChanges.js';
import { readEvent } from '../../../shared/event/readEvent.js';
import {
  decodeDropTarget,
  dropSession,
  encodeDropTarget,
  swapPartner,
} from '../../../renderer/src/event/planActions.js';
import { buildGrid, compactGrid, slotLabel } from '../../../renderer/src/event/planGrid.js';

/** A small BarCamp: a plenary room used only for the opening, two parallel rooms, three slots. */
function barcamp(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    setEventMeta(doc, { days: ['2018-05-05', '2018-05-06'] });
    addRoom(doc, { id: 'plenum', name: 'Plenum', capacity: 120 });
    addRoom(doc, { id: 'r1', name: 'Raum 1.01', capacity: 20 });
    addRoom(doc, { id: 'r2', name: 'Raum 1.02', capacity: 20 });
    addSlot(doc, { id: 't0', start: '2018-05-05T09:30', end: '2018-05-05T10:30' });
    addSlot(doc, { id: 't1', start: '2018-05-05T10:45', end: '2018-05-05T11:30' });
    addSlot(doc, { id: 't2', start: '2018-05-05T11:45', end: '2018-05-05T12:30' });
    const session = (id: string, title: string, cell?: { roomId: string; slotId: string }, n = 0) =>
      addSession(doc, {
        id,
        title,
        ...(cell ? { cell } : {}),
        createdAt: `2018-05-05T08:00:0${n}.000Z`,
      });
    session('open', 'Eröffnung', { roomId: 'plenum', slotId: 't0' }, 0);
    session('a', 'Open Data', { roomId: 'r1', slotId: 't1' }, 1);
    session('b', 'eAkte', { roomId: 'r2', slotId: 't1' }, 2);
    session('c', 'Chatbot', { roomId: 'r1', slotId: 't2' }, 3);
    session('p', 'Vorschlag', undefined, 4);
  });
  return doc;
}

describe('the plan grid', () => {
  it('has a row per slot, a cell per room, and keeps proposals apart', () => {
    const grid = buildGrid(readEvent(barcamp()));
    expect(grid.rooms.map((r) => r.name)).toEqual(['Plenum', 'Raum 1.01', 'Raum 1.02']);
    expect(grid.days.map((d) => [d.day, d.rows.length])).toEqual([
      ['2018-05-05', 3],
      ['2018-05-06', 0],
    ]);
    const t1 = grid.days[0]!.rows[1]!;
    expect(t1.cells.map((c) => c.sessions.map((s) => s.title))).toEqual([[], ['Open Data'], ['eAkte']]);
    expect(grid.unscheduled.map((s) => s.title)).toEqual(['Vorschlag']);
    expect(grid.placedCount).toBe(4);
  });

  it('keeps a cancelled session in its cell (struck through), and two in one cell both', () => {
    const doc = barcamp();
    setCancelled(doc, 'a', true);
    addSession(doc, {
      id: 'd',
      title: 'Doppelt',
      cell: { roomId: 'r2', slotId: 't1' },
      createdAt: '2018-05-05T08:00:09.000Z',
    });
    const cells = buildGrid(readEvent(doc)).days[0]!.rows[1]!.cells;
    expect(cells[1]!.sessions.map((s) => [s.title, s.status])).toEqual([['Open Data', 'cancelled']]);
    expect(cells[2]!.sessions.map((s) => s.title)).toEqual(['eAkte', 'Doppelt']);
  });

  it('prints a plenary across the row and leaves out its empty column', () => {
    const compact = compactGrid(buildGrid(readEvent(barcamp())));
    expect(compact.rooms.map((r) => r.name)).toEqual(['Raum 1.01', 'Raum 1.02']);
    expect(compact.days).toHaveLength(1); // the empty second day is not printed
    const [opening, first, second] = compact.days[0]!.rows;
    expect(opening).toMatchObject({ kind: 'spanning', room: { name: 'Plenum' } });
    expect(first?.kind).toBe('cells');
    // A slot with one session in a room that has parallel sessions elsewhere is not a plenary.
    expect(second?.kind).toBe('cells');
    expect(second?.kind === 'cells' && second.cells.map((c) => c.sessions.length)).toEqual([1, 0]);
  });

  it('spans nothing while nothing runs in parallel (early in the planning)', () => {
    const doc = new Y.Doc();
    addRoom(doc, { id: 'r1', name: 'A' });
    addRoom(doc, { id: 'r2', name: 'B' });
    addSlot(doc, { id: 't1', start: '2018-05-05T10:00', end: '2018-05-05T11:00' });
    addSession(doc, { id: 's', title: 'X', cell: { roomId: 'r2', slotId: 't1' }, createdAt: '1' });
    const compact = compactGrid(buildGrid(readEvent(doc)));
    expect(compact.rooms.map((r) => r.name)).toEqual(['A', 'B']);
    expect(compact.days[0]!.rows[0]!.kind).toBe('cells');
  });

  it('labels slots as people read them', () => {
    expect(slotLabel({ start: '2018-05-05T10:45', end: '2018-05-05T11:30' })).toBe('10:45–11:30');
  });
});

describe('dropping a session', () => {
  it('round-trips drop targets through data attributes and rejects anything else', () => {
    const target = { kind: 'cell', cell: { roomId: 'r1', slotId: 't2' } } as const;
    expect(decodeDropTarget(encodeDropTarget(target))).toEqual(target);
    expect(decodeDropTarget('unscheduled')).toEqual({ kind: 'unscheduled' });
    expect(decodeDropTarget('cell:r1')).toBeNull();
    expect(decodeDropTarget('cell:a|b|c')).toBeNull();
    expect(decodeDropTarget(null)).toBeNull();
  });

  it('moves into a free cell', () => {
    const doc = barcamp();
    const result = dropSession(doc, readEvent(doc).sessions, 'c', {
      kind: 'cell',
      cell: { roomId: 'r2', slotId: 't2' },
    });
    expect(result).toEqual({ kind: 'moved', cell: { roomId: 'r2', slotId: 't2' } });
    expect(readEvent(doc).sessions.find((s) => s.id === 'c')?.cell).toEqual({ roomId: 'r2', slotId: 't2' });
  });

  it('swaps with the session in an occupied cell', () => {
    const doc = barcamp();
    const sessions = readEvent(doc).sessions;
    const target = { kind: 'cell', cell: { roomId: 'r2', slotId: 't1' } } as const;
    expect(swapPartner(sessions, 'c', target)?.id).toBe('b');
    const result = dropSession(doc, sessions, 'c', target);
    expect(result.kind).toBe('swapped');
    const after = readEvent(doc).sessions;
    expect(after.find((s) => s.id === 'c')?.cell).toEqual({ roomId: 'r2', slotId: 't1' });
    expect(after.find((s) => s.id === 'b')?.cell).toEqual({ roomId: 'r1', slotId: 't2' });
  });

  it('puts a proposal into an occupied cell by sending the other one back to the proposals', () => {
    const doc = barcamp();
    dropSession(doc, readEvent(doc).sessions, 'p', { kind: 'cell', cell: { roomId: 'r1', slotId: 't1' } });
    const after = readEvent(doc).sessions;
    expect(after.find((s) => s.id === 'p')?.status).toBe('scheduled');
    expect(after.find((s) => s.id === 'a')?.status).toBe('proposed');
  });

  it('unschedules, and does nothing where nothing changes', () => {
    const doc = barcamp();
    expect(dropSession(doc, readEvent(doc).sessions, 'a', { kind: 'unscheduled' })).toEqual({
      kind: 'unscheduled',
    });
    expect(dropSession(doc, readEvent(doc).sessions, 'a', { kind: 'unscheduled' })).toEqual({ kind: 'none' });
    expect(
      dropSession(doc, readEvent(doc).sessions, 'b', { kind: 'cell', cell: { roomId: 'r2', slotId: 't1' } }),
    ).toEqual({ kind: 'none' });
    expect(dropSession(doc, readEvent(doc).sessions, 'gone', { kind: 'unscheduled' })).toEqual({
      kind: 'none',
    });
  });
});
