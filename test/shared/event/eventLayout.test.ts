import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addEventDays,
  addPerson,
  addRoom,
  addSession,
  addSlot,
  adjustVotes,
  moveSession,
  removeRoom,
  removeSession,
  setCancelled,
  setEventMeta,
  setVotes,
  swapSessions,
  unschedule,
  updatePerson,
  updateRoom,
  updateSession,
  updateSlot,
} from '../../../shared/event/eventChanges.js';
import {
  decodeCell,
  encodeCell,
  roomsMap,
  sessionsMap,
  slotsMap,
  metaMap,
} from '../../../shared/event/eventLayout.js';
import { eventSnapshotSchema } from '../../../shared/event/eventSnapshot.js';
import { newId } from '../../../shared/event/ids.js';
import { sessionsInPlanOrder } from '../../../shared/event/planOrder.js';
import { readEvent } from '../../../shared/event/readEvent.js';
import { readPeople } from '../../../shared/event/readPeople.js';

/** A small plan: two rooms, two slots, three sessions (two scheduled, one proposal). */
function plan(doc = new Y.Doc()): Y.Doc {
  doc.transact(() => {
    addRoom(doc, { id: 'r1', name: 'Raum 1.01', capacity: 20 });
    addRoom(doc, { id: 'r2', name: 'Raum 1.02' });
    addSlot(doc, { id: 't1', start: '2018-05-05T10:45', end: '2018-05-05T11:30' });
    addSlot(doc, { id: 't2', start: '2018-05-05T11:45', end: '2018-05-05T12:30' });
    addSession(doc, {
      id: 's1',
      title: 'Open Data',
      hosts: ['Miriam Daten'],
      tags: ['opendata'],
      votes: 19,
      cell: { roomId: 'r1', slotId: 't1' },
      createdAt: '2018-05-05T09:00:00.000Z',
    });
    addSession(doc, {
      id: 's2',
      title: 'eAkte',
      hosts: ['Georg Akten'],
      cell: { roomId: 'r2', slotId: 't1' },
      createdAt: '2018-05-05T09:00:00.001Z',
    });
    addSession(doc, {
      id: 's3',
      title: 'Chatbot auf Bairisch 🥨',
      votes: 4,
      createdAt: '2018-05-05T09:00:00.002Z',
    });
  });
  return doc;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function session(doc: Y.Doc, id: string) {
  return readEvent(doc).sessions.find((s) => s.id === id);
}

describe('event document layout', () => {
  it('reads back what the change functions wrote, as a schema-valid snapshot', () => {
    const doc = plan();
    const snapshot = readEvent(doc);
    expect(eventSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    expect(snapshot.problems).toEqual([]);
    expect(snapshot.meta).toEqual({
      motto: '',
      venue: '',
      licence: 'CC-BY-4.0',
      timeZone: 'Europe/Berlin',
      days: [],
    });
    expect(snapshot.rooms.map((r) => [r.name, r.capacity, r.order])).toEqual([
      ['Raum 1.01', 20, 0],
      ['Raum 1.02', null, 1],
    ]);
    expect(snapshot.slots.map((s) => s.id)).toEqual(['t1', 't2']);
    expect(snapshot.sessions.map((s) => [s.id, s.status, s.cell])).toEqual([
      ['s1', 'scheduled', { roomId: 'r1', slotId: 't1' }],
      ['s2', 'scheduled', { roomId: 'r2', slotId: 't1' }],
      ['s3', 'proposed', null],
    ]);
    expect(sessionsMap(doc).get('s1')).toBeInstanceOf(Y.Map);
    expect((sessionsMap(doc).get('s1') as Y.Map<unknown>).get('cell')).toBe('r1|t1');
  });

  it('sets settings and days', () => {
    const doc = plan();
    setEventMeta(doc, { motto: 'Digital. Gemeinsam.', venue: 'Rathaus', licence: 'CC-BY-SA-4.0' });
    addEventDays(doc, ['2018-05-05']);
    addEventDays(doc, ['2018-05-04', '2018-05-05']);
    expect(readEvent(doc).meta).toMatchObject({
      motto: 'Digital. Gemeinsam.',
      venue: 'Rathaus',
      licence: 'CC-BY-SA-4.0',
      days: ['2018-05-04', '2018-05-05'],
    });
    expect(() => setEventMeta(doc, { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => setEventMeta(doc, { days: ['2018-02-30'] })).toThrow(RangeError);
  });

  it('moves, swaps and unschedules sessions, bumping the calendar sequence', () => {
    const doc = plan();
    expect(moveSession(doc, 's3', { roomId: 'r1', slotId: 't2' })).toBe(true);
    expect(session(doc, 's3')).toMatchObject({
      status: 'scheduled',
      cell: { roomId: 'r1', slotId: 't2' },
      seq: 1,
    });
    expect(swapSessions(doc, 's1', 's3')).toBe(true);
    expect(session(doc, 's1')?.cell).toEqual({ roomId: 'r1', slotId: 't2' });
    expect(session(doc, 's3')?.cell).toEqual({ roomId: 'r1', slotId: 't1' });
    // Swapping with a proposal puts the proposal in and takes the other out.
    expect(unschedule(doc, 's3')).toBe(true);
    expect(swapSessions(doc, 's2', 's3')).toBe(true);
    expect(session(doc, 's2')).toMatchObject({ status: 'proposed', cell: null });
    expect(session(doc, 's3')).toMatchObject({ status: 'scheduled', cell: { roomId: 'r2', slotId: 't1' } });
    expect(session(doc, 's3')?.seq).toBe(4);
  });

  it('returns false for ids that are gone and refuses cells with unknown rooms or slots', () => {
    const doc = plan();
    expect(moveSession(doc, 'nope', { roomId: 'r1', slotId: 't1' })).toBe(false);
    expect(moveSession(doc, 's3', { roomId: 'r9', slotId: 't1' })).toBe(false);
    expect(moveSession(doc, 's3', { roomId: 'r1', slotId: 't9' })).toBe(false);
    expect(session(doc, 's3')?.status).toBe('proposed');
    expect(setVotes(doc, 'nope', 3)).toBe(false);
    expect(swapSessions(doc, 's1', 's1')).toBe(false);
    expect(removeSession(doc, 's1')).toBe(true);
    expect(removeSession(doc, 's1')).toBe(false);
    expect(() => moveSession(doc, 's2', { roomId: 'r|1', slotId: 't1' })).toThrow(RangeError);
  });

  it('counts votes and never below zero', () => {
    const doc = plan();
    expect(adjustVotes(doc, 's1', 1)).toBe(true);
    expect(session(doc, 's1')?.votes).toBe(20);
    adjustVotes(doc, 's2', -1);
    expect(session(doc, 's2')?.votes).toBe(0);
    adjustVotes(doc, 's2', 2);
    expect(session(doc, 's2')?.votes).toBe(2);
    setVotes(doc, 's2', null);
    expect(session(doc, 's2')?.votes).toBeNull();
    expect(() => setVotes(doc, 's2', -3)).toThrow(RangeError);
    expect(() => setVotes(doc, 's2', 2.5)).toThrow(RangeError);
  });

  it('edits sessions, rooms, slots, cancellation and people', () => {
    const doc = plan();
    updateSession(doc, 's1', {
      title: 'Open Data in München',
      hosts: ['Miriam Daten', 'Polly Zahl'],
      tags: [],
    });
    expect(session(doc, 's1')).toMatchObject({
      title: 'Open Data in München',
      hosts: ['Miriam Daten', 'Polly Zahl'],
      tags: [],
      seq: 1,
    });
    setCancelled(doc, 's1', true);
    expect(session(doc, 's1')).toMatchObject({ status: 'cancelled', cell: { roomId: 'r1', slotId: 't1' } });
    setCancelled(doc, 's1', false);
    expect(session(doc, 's1')?.status).toBe('scheduled');
    updateRoom(doc, 'r2', { name: 'Raum 1.02 (groß)', capacity: 40, order: -1 });
    expect(readEvent(doc).rooms.map((r) => r.name)).toEqual(['Raum 1.02 (groß)', 'Raum 1.01']);
    expect(updateSlot(doc, 't1', { start: '2018-05-05T10:30', end: '2018-05-05T11:15' })).toBe(true);
    expect(session(doc, 's2')?.seq).toBe(1);
    expect(() => updateSlot(doc, 't1', { start: '2018-05-05T11:15', end: '2018-05-05T10:30' })).toThrow(
      RangeError,
    );
    // People live in the event's people document, not in the plan.
    const people = new Y.Doc();
    addPerson(people, { id: 'p1', name: 'Miriam Daten', email: 'miriam@example.invalid' });
    updatePerson(people, 'p1', { consent: true, email: null });
    expect(readPeople(people).people).toEqual([{ id: 'p1', name: 'Miriam Daten', consent: true }]);
    expect(readEvent(doc)).not.toHaveProperty('people');
  });

  it('removing a room turns its sessions back into proposals', () => {
    const doc = plan();
    expect(removeRoom(doc, 'r1')).toBe(true);
    expect(session(doc, 's1')).toMatchObject({ status: 'proposed', cell: null, votes: 19 });
    expect(readEvent(doc).problems).toEqual([]);
  });

  it('never leaves a session half-moved when two people move it at once', () => {
    const a = plan();
    const b = new Y.Doc();
    sync(a, b);
    moveSession(a, 's3', { roomId: 'r1', slotId: 't2' });
    moveSession(b, 's3', { roomId: 'r2', slotId: 't2' });
    sync(a, b);
    const cellA = session(a, 's3')?.cell;
    expect(cellA).toEqual(session(b, 's3')?.cell);
    expect([
      { roomId: 'r1', slotId: 't2' },
      { roomId: 'r2', slotId: 't2' },
    ]).toContainEqual(cellA);
  });

  it('shows a session moved into a room deleted at the same time as a proposal, with a problem', () => {
    const a = plan();
    const b = new Y.Doc();
    sync(a, b);
    moveSession(a, 's3', { roomId: 'r2', slotId: 't2' });
    removeRoom(b, 'r2');
    sync(a, b);
    const snapshot = readEvent(b);
    expect(snapshot.sessions.find((s) => s.id === 's3')).toMatchObject({ status: 'proposed', cell: null });
    expect(snapshot.problems).toEqual([
      { path: 'sessions/s3', message: expect.stringContaining('room r2 no longer exists') },
    ]);
  });

  it('skips and reports malformed entries from a bad peer instead of throwing', () => {
    const doc = plan();
    doc.transact(() => {
      roomsMap(doc).set('bad-room', 'not a map');
      const nameless = new Y.Map<unknown>();
      nameless.set('capacity', 5);
      roomsMap(doc).set('r3', nameless);
      const backwards = new Y.Map<unknown>();
      backwards.set('start', '2018-05-05T12:00');
      backwards.set('end', '2018-05-05T11:00');
      slotsMap(doc).set('t3', backwards);
      const s1 = sessionsMap(doc).get('s1') as Y.Map<unknown>;
      s1.set('votes', 'many');
      s1.set('tags', 'opendata');
      const s2 = sessionsMap(doc).get('s2') as Y.Map<unknown>;
      s2.set('cell', 'r2-t1');
      const untitled = new Y.Map<unknown>();
      untitled.set('hosts', ['x']);
      sessionsMap(doc).set('s4', untitled);
      sessionsMap(doc).set('bad id!', new Y.Map());
      metaMap(doc).set('timeZone', 'Nowhere/City');
      metaMap(doc).set('days', 'soon');
    });
    const snapshot = readEvent(doc);
    expect(eventSnapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.rooms.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(snapshot.slots.map((s) => s.id)).toEqual(['t1', 't2']);
    expect(snapshot.sessions.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(snapshot.sessions[0]).toMatchObject({ votes: null, tags: [] });
    expect(snapshot.sessions[1]).toMatchObject({ status: 'proposed', cell: null });
    expect(snapshot.meta.timeZone).toBe('Europe/Berlin');
    expect(snapshot.meta.days).toEqual([]);
    const paths = snapshot.problems.map((p) => p.path);
    for (const path of [
      'rooms/bad-room',
      'rooms/r3',
      'slots/t3',
      'sessions/s1',
      'sessions/s2',
      'sessions/s4',
      'sessions/bad id!',
      'meta',
    ]) {
      expect(paths).toContain(path);
    }
  });

  it('lists sessions in plan order: by time, then room order, then proposals', () => {
    const doc = plan();
    moveSession(doc, 's3', { roomId: 'r1', slotId: 't2' });
    updateRoom(doc, 'r1', { order: 5 });
    expect(sessionsInPlanOrder(readEvent(doc)).map((x) => x.session.id)).toEqual(['s2', 's1', 's3']);
  });

  it('encodes cells as one value and makes url-safe ids from the random source it is given', () => {
    expect(encodeCell({ roomId: 'a', slotId: 'b' })).toBe('a|b');
    expect(decodeCell('a|b')).toEqual({ roomId: 'a', slotId: 'b' });
    expect(decodeCell('a|b|c')).toBeUndefined();
    expect(decodeCell('|b')).toBeUndefined();
    expect(decodeCell(7)).toBeUndefined();
    expect(newId((n) => new Uint8Array(n))).toBe('AAAAAAAAAAAA');
    // Never a leading '-' or '_': the id must not read as a command-line option.
    expect(newId((n) => new Uint8Array(n).fill(255))).toBe('H___________');
    let seed = 1;
    const id = newId((n) => Uint8Array.from({ length: n }, () => (seed = (seed * 97 + 13) % 256)));
    expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });
});
