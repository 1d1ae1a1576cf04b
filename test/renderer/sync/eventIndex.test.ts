import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addEvent, eventsMap } from '../../../shared/docs/workspaceIndex.js';
import { filterByTitle, liveEvents, readEventIndex } from '../../../renderer/src/sync/eventIndex.js';

function workspace(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    addEvent(doc, { id: 'a1', title: 'BarCamp Verwaltung digital', createdAt: '2025-03-01T09:00:00.000Z' });
    addEvent(doc, { id: 'b2', title: 'Tag der offenen Verwaltung', createdAt: '2025-05-01T09:00:00.000Z' });
    addEvent(doc, { id: 'c3', title: 'Open Government Tag', createdAt: '2025-04-01T09:00:00.000Z' });
  });
  return doc;
}

describe('readEventIndex', () => {
  it('reads what the core writes, newest first', () => {
    expect(readEventIndex(workspace()).map((entry) => entry.id)).toEqual(['b2', 'c3', 'a1']);
  });

  it('keeps trashed entries for the event page but not for the list', () => {
    const doc = workspace();
    eventsMap(doc).get('c3')?.set('deletedAt', '2025-06-01T00:00:00.000Z');
    const entries = readEventIndex(doc);
    expect(entries.find((entry) => entry.id === 'c3')?.deletedAt).toBe('2025-06-01T00:00:00.000Z');
    expect(liveEvents(entries).map((entry) => entry.id)).toEqual(['b2', 'a1']);
  });

  it('skips malformed entries and ids that could not appear in a link', () => {
    const doc = workspace();
    const broken = new Y.Map<unknown>();
    broken.set('title', 42);
    eventsMap(doc).set('broken', broken);
    const badId = new Y.Map<unknown>();
    badId.set('title', 'Bad');
    badId.set('createdAt', '2025-01-01T00:00:00.000Z');
    eventsMap(doc).set('../etc', badId);
    expect(readEventIndex(doc).map((entry) => entry.id)).toEqual(['b2', 'c3', 'a1']);
  });
});

describe('filterByTitle', () => {
  it('matches parts of titles regardless of case and keeps the order', () => {
    const entries = readEventIndex(workspace());
    expect(filterByTitle(entries, 'VERWALTUNG', 'de').map((entry) => entry.id)).toEqual(['b2', 'a1']);
    expect(filterByTitle(entries, '  ', 'de')).toHaveLength(3);
    expect(filterByTitle(entries, 'Stadtrat', 'de')).toEqual([]);
  });
});
