import { describe, expect, it } from 'vitest';
import { parseWallTime, wallSchedule } from '../../../shared/event/wallSchedule.js';

const slots = [
  { id: 't0', start: '2026-12-05T09:30', end: '2026-12-05T10:30' },
  { id: 't1', start: '2026-12-05T10:45', end: '2026-12-05T11:30' },
  { id: 't2', start: '2026-12-05T13:30', end: '2026-12-05T14:15' },
  { id: 'd2', start: '2026-12-06T09:30', end: '2026-12-06T10:30' },
];

describe('the wall at any time', () => {
  it('says when the event begins, on the days before and on the morning itself', () => {
    expect(wallSchedule(slots, '2026-11-20T15:00').phase).toEqual({
      kind: 'before',
      start: '2026-12-05T09:30',
    });
    expect(wallSchedule(slots, '2026-12-05T08:00').phase).toEqual({
      kind: 'before',
      start: '2026-12-05T09:30',
    });
    expect(wallSchedule(slots, '2026-12-05T08:00').next).toEqual([slots[0]]);
  });

  it('shows what runs, a break until the next slot, the end of a day and the end of the event', () => {
    expect(wallSchedule(slots, '2026-12-05T10:00')).toMatchObject({
      phase: { kind: 'running' },
      running: [slots[0]],
      next: [slots[1]],
      later: [slots[2]],
    });
    expect(wallSchedule(slots, '2026-12-05T12:00').phase).toEqual({
      kind: 'break',
      until: '2026-12-05T13:30',
    });
    expect(wallSchedule(slots, '2026-12-05T18:00').phase).toEqual({
      kind: 'day-over',
      next: '2026-12-06T09:30',
    });
    expect(wallSchedule(slots, '2026-12-06T08:00').phase).toEqual({
      kind: 'before',
      start: '2026-12-06T09:30',
    });
    expect(wallSchedule(slots, '2026-12-06T10:30').phase).toEqual({ kind: 'over' });
    expect(wallSchedule(slots, '2027-01-01T10:00').phase).toEqual({ kind: 'over' });
    expect(wallSchedule([], '2026-12-05T10:00').phase).toEqual({ kind: 'no-plan' });
  });

  it('reads ?at= as local time, an instant, or a bare time on the first day', () => {
    expect(parseWallTime('2026-12-05T10:30', 'Europe/Berlin')).toBe('2026-12-05T10:30');
    expect(parseWallTime('2026-12-05T10:30:59', 'Europe/Berlin')).toBe('2026-12-05T10:30');
    expect(parseWallTime('2026-12-05T09:30:00Z', 'Europe/Berlin')).toBe('2026-12-05T10:30');
    expect(parseWallTime('9:15', 'Europe/Berlin', '2026-12-05')).toBe('2026-12-05T09:15');
    expect(parseWallTime('9:15', 'Europe/Berlin')).toBeNull();
    expect(parseWallTime('25:00', 'Europe/Berlin', '2026-12-05')).toBeNull();
    expect(parseWallTime('2026-02-30T10:00', 'Europe/Berlin')).toBeNull();
    expect(parseWallTime('morgen', 'Europe/Berlin')).toBeNull();
    expect(parseWallTime('1', 'Europe/Berlin')).toBeNull();
    expect(parseWallTime(null, 'Europe/Berlin')).toBeNull();
    expect(parseWallTime('  ', 'Europe/Berlin')).toBeNull();
  });
});
