import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventsMap } from '../../../shared/docs/workspaceIndex.js';
import { readEventIndex } from '../../../renderer/src/sync/eventIndex.js';
import {
  addRoom,
  addSession,
  addSlot,
  ensureSketchId,
  setEventMeta,
  setVotes,
  sketchIdFor,
} from '../../../shared/event/eventChanges.js';
import {
  addEventEntry,
  moveEventToTrash,
  renameEvent,
  restoreEvent,
} from '../../../shared/event/eventIndexChanges.js';
import { sessionsMap } from '../../../shared/event/eventLayout.js';
import {
  copyAsTemplate,
  daysBetween,
  firstDayOf,
  shiftDate,
  shiftLocalDateTime,
} from '../../../shared/event/eventTemplate.js';
import { readEvent } from '../../../shared/event/readEvent.js';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('sketchnote ids of sessions', () => {
  function withSession(): Y.Doc {
    const doc = new Y.Doc();
    addSession(doc, { id: 'sess1', title: 'Open Data', createdAt: '2018-05-05T09:00:00Z' });
    return doc;
  }

  it('has none until first opened, then keeps the one it got', () => {
    const doc = withSession();
    expect(readEvent(doc).sessions[0]?.sketchId).toBeUndefined();
    const id = ensureSketchId(doc, 'sess1');
    expect(id).toBe(sketchIdFor('sess1'));
    expect(readEvent(doc).sessions[0]?.sketchId).toBe(id);
    // A stored id wins over the rule, so links survive a change of the rule.
    (sessionsMap(doc).get('sess1') as Y.Map<unknown>).set('sketchId', 'older-sketch');
    expect(ensureSketchId(doc, 'sess1')).toBe('older-sketch');
  });

  it('gives two devices that open it at once, offline, the same sketchnote', () => {
    const a = withSession();
    const b = new Y.Doc();
    sync(a, b);
    const fromA = ensureSketchId(a, 'sess1');
    const fromB = ensureSketchId(b, 'sess1');
    sync(a, b);
    expect(fromA).toBe(fromB);
    expect(readEvent(a).sessions[0]?.sketchId).toBe(fromA);
    expect(readEvent(b).sessions[0]?.sketchId).toBe(fromA);
  });

  it('returns undefined for a session that is gone, and repairs a bad stored value', () => {
    const doc = withSession();
    expect(ensureSketchId(doc, 'nope')).toBeUndefined();
    (sessionsMap(doc).get('sess1') as Y.Map<unknown>).set('sketchId', 'no/slashes');
    const snapshot = readEvent(doc);
    expect(snapshot.sessions[0]?.sketchId).toBeUndefined();
    expect(snapshot.problems.map((p) => p.path)).toContain('sessions/sess1');
    expect(ensureSketchId(doc, 'sess1')).toBe('sess1');
  });

  it('does not change the seq (a sketchnote is not a calendar change)', () => {
    const doc = withSession();
    ensureSketchId(doc, 'sess1');
    expect(readEvent(doc).sessions[0]?.seq).toBe(0);
  });
});

describe('the workspace index: rename, trash, restore', () => {
  function workspace(): Y.Doc {
    const doc = new Y.Doc();
    addEventEntry(doc, { id: 'ev1', title: 'BarCamp 2018', createdAt: '2018-01-01T10:00:00.000Z' });
    addEventEntry(doc, { id: 'ev2', title: 'OGP-Tag', createdAt: '2018-02-01T10:00:00.000Z' });
    return doc;
  }

  it('renames with the API limits', () => {
    const doc = workspace();
    expect(renameEvent(doc, 'ev1', '  BarCamp München 2018 ')).toBe(true);
    expect(readEventIndex(doc).find((e) => e.id === 'ev1')?.title).toBe('BarCamp München 2018');
    expect(() => renameEvent(doc, 'ev1', '   ')).toThrow(RangeError);
    expect(() => renameEvent(doc, 'ev1', 'x'.repeat(201))).toThrow(RangeError);
    expect(renameEvent(doc, 'gone', 'Titel')).toBe(false);
  });

  it('moves to the trash and back, keeping the entry', () => {
    const doc = workspace();
    expect(moveEventToTrash(doc, 'ev1', new Date('2018-06-01T08:00:00Z'))).toBe(true);
    expect(readEventIndex(doc).find((e) => e.id === 'ev1')?.deletedAt).toBe('2018-06-01T08:00:00.000Z');
    expect(restoreEvent(doc, 'ev1')).toBe(true);
    expect(readEventIndex(doc).find((e) => e.id === 'ev1')).toEqual({
      id: 'ev1',
      title: 'BarCamp 2018',
      createdAt: '2018-01-01T10:00:00.000Z',
    });
    expect(moveEventToTrash(doc, 'gone', new Date())).toBe(false);
    expect(restoreEvent(doc, 'gone')).toBe(false);
  });

  it('refuses entries that are not ids', () => {
    const doc = new Y.Doc();
    expect(() => addEventEntry(doc, { id: 'a/b', title: 'X', createdAt: '2018-01-01T00:00:00Z' })).toThrow(
      RangeError,
    );
    expect(eventsMap(doc).size).toBe(0);
  });
});

describe('an event as next year’s template', () => {
  it('shifts dates across month and year ends and leap days', () => {
    expect(shiftDate('2018-05-05', 364)).toBe('2019-05-04');
    expect(shiftDate('2019-12-31', 1)).toBe('2020-01-01');
    expect(shiftDate('2020-03-01', -1)).toBe('2020-02-29');
    expect(daysBetween('2018-05-05', '2019-05-04')).toBe(364);
    expect(shiftLocalDateTime('2018-05-05T10:45', 364)).toBe('2019-05-04T10:45');
    expect(() => shiftDate('2018-02-30', 1)).toThrow(RangeError);
  });

  it('copies settings, rooms and the slot pattern to the new first day, but no sessions or people', () => {
    const source = new Y.Doc();
    setEventMeta(source, {
      motto: 'Stadt digital',
      venue: 'Rathaus',
      licence: 'CC-BY-SA-4.0',
      days: ['2018-05-05', '2018-05-06'],
    });
    addRoom(source, { id: 'r1', name: 'Plenum', capacity: 120 });
    addRoom(source, { id: 'r2', name: 'Raum 1.01', capacity: 20 });
    addSlot(source, { id: 't1', start: '2018-05-05T10:45', end: '2018-05-05T11:30' });
    addSlot(source, { id: 't2', start: '2018-05-06T09:30', end: '2018-05-06T10:15' });
    addSession(source, {
      id: 's1',
      title: 'Open Data',
      cell: { roomId: 'r1', slotId: 't1' },
      createdAt: '2018-05-05T09:00:00Z',
    });
    setVotes(source, 's1', 12);
    const snapshot = readEvent(source);
    expect(firstDayOf(snapshot)).toBe('2018-05-05');

    const target = new Y.Doc();
    copyAsTemplate(snapshot, target, '2019-05-04');
    const copy = readEvent(target);
    expect(copy.meta).toEqual({ ...snapshot.meta, days: ['2019-05-04', '2019-05-05'] });
    expect(copy.rooms).toEqual(snapshot.rooms);
    expect(copy.slots).toEqual([
      { id: 't1', start: '2019-05-04T10:45', end: '2019-05-04T11:30' },
      { id: 't2', start: '2019-05-05T09:30', end: '2019-05-05T10:15' },
    ]);
    expect(copy.sessions).toEqual([]);
    expect(copy.problems).toEqual([]);
  });

  it('takes the days from the slots when none are set, and the new day when there is nothing', () => {
    const source = new Y.Doc();
    addSlot(source, { id: 't1', start: '2018-05-05T10:45', end: '2018-05-05T11:30' });
    const target = new Y.Doc();
    copyAsTemplate(readEvent(source), target, '2018-06-01');
    expect(readEvent(target).meta.days).toEqual(['2018-06-01']);
    expect(readEvent(target).slots[0]?.start).toBe('2018-06-01T10:45');

    const empty = new Y.Doc();
    copyAsTemplate(readEvent(new Y.Doc()), empty, '2019-01-10');
    expect(readEvent(empty).meta.days).toEqual(['2019-01-10']);
  });
});
