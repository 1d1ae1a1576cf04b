import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRoom, addSession, addSlot, setCancelled } from '../../../shared/event/eventChanges.js';
import { readEvent } from '../../../shared/event/readEvent.js';
import { findSessions, searchKey } from '../../../shared/event/sessionFinder.js';

function plan() {
  const doc = new Y.Doc();
  addRoom(doc, { id: 'saal', name: 'Großer Saal', capacity: null, order: 0 });
  addRoom(doc, { id: 'r2', name: 'Raum 2', capacity: 20, order: 1 });
  addSlot(doc, { id: 't1', start: '2026-12-05T10:00', end: '2026-12-05T10:45' });
  addSlot(doc, { id: 't2', start: '2026-12-05T11:00', end: '2026-12-05T11:45' });
  addSlot(doc, { id: 't3', start: '2026-12-05T12:00', end: '2026-12-05T12:45' });
  const s = (
    id: string,
    title: string,
    roomId: string,
    slotId: string,
    hosts: string[] = [],
    tags: string[] = [],
  ) => addSession(doc, { id, title, hosts, tags, createdAt: id, cell: { roomId, slotId } });
  s('b1', 'Straßenbäume zählen', 'r2', 't1', ['Jörg Müller'], ['Umwelt']);
  s('a1', 'Offener Haushalt', 'saal', 't1', ['Ada']);
  s('a2', 'Radverkehr', 'saal', 't2', [], ['Mobilität']);
  s('b2', 'Fragestunde', 'r2', 't2');
  s('b3', 'Open Data Café', 'r2', 't3', ['Grace']);
  addSession(doc, { id: 'p', title: 'Noch ein Vorschlag Radverkehr', createdAt: 'p' });
  setCancelled(doc, 'b2', true);
  return readEvent(doc);
}

describe('the session finder (Jetzt / Als Nächstes)', () => {
  it('lists what runs now and next in room order, the rest of the day later', () => {
    const result = findSessions(plan(), '2026-12-05T10:15');
    expect(result.phase.kind).toBe('running');
    expect(result.now.map((e) => e.session.id)).toEqual(['a1', 'b1']);
    expect(result.next.map((e) => e.session.id)).toEqual(['a2', 'b2']);
    expect(result.next[1]?.session.status).toBe('cancelled');
    expect(result.later.map((e) => e.session.id)).toEqual(['b3']);
    expect(result.matches).toEqual([]);
  });

  it('narrows to one room', () => {
    const result = findSessions(plan(), '2026-12-05T10:15', { roomId: 'r2' });
    expect(result.now.map((e) => e.session.id)).toEqual(['b1']);
    expect(result.next.map((e) => e.session.id)).toEqual(['b2']);
  });

  it('searches titles, hosts, tags and rooms, ignoring case, accents and ß/ss, all words', () => {
    const ids = (text: string) =>
      findSessions(plan(), '2026-12-05T10:15', { text }).matches.map((e) => e.session.id);
    expect(ids('strassen')).toEqual(['b1']);
    expect(ids('JORG')).toEqual(['b1']);
    expect(ids('mobilitat')).toEqual(['a2']);
    expect(ids('saal')).toEqual(['a1', 'a2']);
    expect(ids('open grace')).toEqual(['b3']);
    expect(ids('open ada')).toEqual([]);
    // Proposals have no place and are not listed.
    expect(ids('radverkehr')).toEqual(['a2']);
    expect(searchKey('  Größe  ÄRGER ')).toBe('grosse arger');
  });

  it('before the event everything is next', () => {
    const result = findSessions(plan(), '2026-12-04T18:00');
    expect(result.phase).toEqual({ kind: 'before', start: '2026-12-05T10:00' });
    expect(result.now).toEqual([]);
    expect(result.next.map((e) => e.session.id)).toEqual(['a1', 'b1']);
  });
});
