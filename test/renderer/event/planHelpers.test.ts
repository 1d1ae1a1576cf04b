import { describe, expect, it } from 'vitest';
import { CONFLICT_MESSAGE_KEYS, findConflicts } from '../../../shared/event/conflicts.js';
import { de } from '../../../renderer/src/i18n/de.js';
import { en } from '../../../renderer/src/i18n/en.js';
import { conflictText } from '../../../renderer/src/event/conflictText.js';
import {
  badRows,
  parseCapacity,
  slotTimes,
  splitList,
  templateTitle,
  titleFromFileName,
} from '../../../renderer/src/event/planForms.js';
import { typedCount, voteKeyAction } from '../../../renderer/src/event/voteKeys.js';
import { localNow, parseNowParam, wallSlots } from '../../../renderer/src/event/wallTime.js';
import i18next from 'i18next';

const slots = [
  { id: 't0', start: '2018-05-05T09:30', end: '2018-05-05T10:30' },
  { id: 't1', start: '2018-05-05T10:45', end: '2018-05-05T11:30' },
  { id: 't2', start: '2018-05-05T11:45', end: '2018-05-05T12:30' },
  { id: 't3', start: '2018-05-05T13:30', end: '2018-05-05T14:15' },
  { id: 'd2', start: '2018-05-06T09:30', end: '2018-05-06T10:30' },
];

describe('the wall clock', () => {
  it('reads ?now= as the event’s wall-clock time, or as an instant when it has a zone', () => {
    expect(parseNowParam('2018-05-05T11:00', 'Europe/Berlin')).toBe('2018-05-05T11:00');
    expect(parseNowParam('2018-05-05T11:00:30', 'Europe/Berlin')).toBe('2018-05-05T11:00');
    expect(parseNowParam('2018-05-05T09:00:00Z', 'Europe/Berlin')).toBe('2018-05-05T11:00');
    expect(parseNowParam('2018-05-05T11:00+02:00', 'Europe/London')).toBe('2018-05-05T10:00');
    expect(parseNowParam(null, 'Europe/Berlin')).toBeNull();
    expect(parseNowParam('', 'Europe/Berlin')).toBeNull();
    expect(parseNowParam('gestern', 'Europe/Berlin')).toBeNull();
    expect(parseNowParam('2018-02-30T11:00', 'Europe/Berlin')).toBeNull();
    expect(localNow(Date.UTC(2018, 4, 5, 9, 0), 'Europe/Berlin')).toBe('2018-05-05T11:00');
  });

  it('highlights the running slot and the next one', () => {
    expect(wallSlots(slots, '2018-05-05T11:00')).toEqual({
      running: [slots[1]],
      next: [slots[2]],
      later: [slots[3]],
    });
  });

  it('shows only what comes next in a break, and the next day after the last slot', () => {
    const lunch = wallSlots(slots, '2018-05-05T12:45');
    expect(lunch.running).toEqual([]);
    expect(lunch.next).toEqual([slots[3]]);
    const evening = wallSlots(slots, '2018-05-05T18:00');
    expect(evening.next).toEqual([slots[4]]);
    expect(wallSlots(slots, '2018-05-07T08:00')).toEqual({ running: [], next: [], later: [] });
    // A slot ends at its end: at 11:30 the 10:45 slot is over.
    expect(wallSlots(slots, '2018-05-05T11:30').running).toEqual([]);
  });
});

describe('the vote counter keys', () => {
  it('counts with + − and the arrows, by five with Page Up/Down, resets with Home', () => {
    expect(voteKeyAction('+')).toEqual({ kind: 'add', delta: 1 });
    expect(voteKeyAction('ArrowUp')).toEqual({ kind: 'add', delta: 1 });
    expect(voteKeyAction('-')).toEqual({ kind: 'add', delta: -1 });
    expect(voteKeyAction('ArrowDown')).toEqual({ kind: 'add', delta: -1 });
    expect(voteKeyAction('PageUp')).toEqual({ kind: 'add', delta: 5 });
    expect(voteKeyAction('Home')).toEqual({ kind: 'set', value: 0 });
    expect(voteKeyAction('7')).toEqual({ kind: 'digit', digit: 7 });
    expect(voteKeyAction('Tab')).toBeNull();
    expect(voteKeyAction('a')).toBeNull();
  });

  it('joins digits typed in quick succession into one number', () => {
    expect(typedCount(null, 2, 1000)).toBe(2);
    expect(typedCount({ value: 2, at: 1000 }, 3, 1500)).toBe(23);
    expect(typedCount({ value: 2, at: 1000 }, 3, 5000)).toBe(3);
  });
});

describe('form helpers', () => {
  it('reads capacities, slot times and name lists', () => {
    expect(parseCapacity(' 20 ')).toBe(20);
    expect(parseCapacity('')).toBeNull();
    expect(parseCapacity('zwanzig')).toBeUndefined();
    expect(parseCapacity('-3')).toBeUndefined();
    expect(slotTimes('2018-05-05', '10:45', '11:30')).toEqual({
      start: '2018-05-05T10:45',
      end: '2018-05-05T11:30',
    });
    expect(slotTimes('2018-05-05', '11:30', '10:45')).toBeUndefined();
    expect(slotTimes('2018-05-05', '', '10:45')).toBeUndefined();
    expect(splitList('Ada Lovelace,  Grace Hopper;\nKatherine Johnson, ')).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      'Katherine Johnson',
    ]);
  });

  it('moves the year along in a template’s title', () => {
    expect(templateTitle('BarCamp München 2018', '2018-05-05', '2019-05-04', 'Kopie')).toBe(
      'BarCamp München 2019',
    );
    expect(templateTitle('#MucGov18', '2018-05-05', '2019-05-04', '#MucGov18 (Kopie)')).toBe(
      '#MucGov18 (Kopie)',
    );
    expect(templateTitle('Tag 2018', undefined, '2019-05-04', 'Tag 2018 (Kopie)')).toBe('Tag 2018 (Kopie)');
  });

  it('names new events after the file and lists exactly the rows with errors', () => {
    expect(titleFromFileName('mucgov18-sessionplan.csv')).toBe('mucgov18 sessionplan');
    const ok = { line: 2, values: {}, problems: [], session: 0 };
    const warned = {
      line: 3,
      values: {},
      problems: [{ severity: 'warning' as const, code: 'x', column: 'votes', message: 'm' }],
      session: 1,
    };
    const bad = {
      line: 4,
      values: {},
      problems: [{ severity: 'error' as const, code: 'y', column: 'start', message: 'm' }],
      session: null,
    };
    expect(badRows({ rows: [ok, warned, bad] }).map((r) => r.line)).toEqual([4]);
  });
});

describe('conflict messages', () => {
  it('has every message key of the shared checker in both languages', () => {
    for (const key of Object.values(CONFLICT_MESSAGE_KEYS)) {
      const [, group, name] = key.split('.');
      expect((de.plan as Record<string, Record<string, unknown>>)[group!]?.[name!], `de ${key}`).toBeTypeOf(
        'string',
      );
      expect((en.plan as Record<string, Record<string, unknown>>)[group!]?.[name!], `en ${key}`).toBeTypeOf(
        'string',
      );
    }
  });

  it('translates a conflict with its parameters and short times', async () => {
    // The app's instance touches the DOM on load; a plain one with the same resources will do.
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { de: { translation: de } },
      lng: 'de',
      interpolation: { escapeValue: false },
    });
    const [conflict] = findConflicts({
      rooms: [{ id: 'r1', name: 'Raum 1.01', capacity: 10, order: 0 }],
      slots: [{ id: 't1', start: '2018-05-05T10:45', end: '2018-05-05T11:30' }],
      sessions: [
        {
          id: 's1',
          title: 'Open Data',
          hosts: [],
          description: '',
          tags: [],
          votes: 19,
          status: 'scheduled',
          cell: { roomId: 'r1', slotId: 't1' },
          seq: 0,
          createdAt: '1',
        },
      ],
    });
    expect(conflictText(i18n.t, conflict!, false)).toBe(
      '„Open Data“ hat 19 Stimmen, Raum 1.01 aber nur 10 Plätze.',
    );
    const [double] = findConflicts({
      rooms: [{ id: 'r1', name: 'Raum 1.01', capacity: null, order: 0 }],
      slots: [{ id: 't1', start: '2018-05-05T10:45', end: '2018-05-05T11:30' }],
      sessions: ['a', 'b'].map((id) => ({
        id,
        title: id,
        hosts: [],
        description: '',
        tags: [],
        votes: null,
        status: 'scheduled' as const,
        cell: { roomId: 'r1', slotId: 't1' },
        seq: 0,
        createdAt: id,
      })),
    });
    expect(conflictText(i18n.t, double!, false)).toBe(
      '2 Sessions liegen zur selben Zeit in Raum 1.01 (10:45–11:30).',
    );
    expect(conflictText(i18n.t, double!, true)).toContain('(05.05. 10:45–05.05. 11:30)');
  });
});
