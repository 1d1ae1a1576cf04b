import { describe, expect, it } from 'vitest';
import {
  isLocalDateTime,
  localTimeExists,
  localToIsoWithOffset,
  localToUtc,
  offsetMinutesAt,
  parseLocalDateTime,
} from '../../../shared/event/localTime.js';

const BERLIN = 'Europe/Berlin';

describe('local wall-clock times', () => {
  it('accepts only real calendar times', () => {
    expect(isLocalDateTime('2018-05-05T10:45')).toBe(true);
    expect(isLocalDateTime('2024-02-29T00:00')).toBe(true);
    expect(isLocalDateTime('2018-02-29T10:00')).toBe(false);
    expect(isLocalDateTime('2018-02-31T10:00')).toBe(false);
    expect(isLocalDateTime('2018-05-05T25:00')).toBe(false);
    expect(isLocalDateTime('2018-05-05 10:45')).toBe(false);
    expect(parseLocalDateTime('2018-05-05T10:45')).toEqual({
      year: 2018,
      month: 5,
      day: 5,
      hour: 10,
      minute: 45,
    });
  });

  it('converts summer and winter time in Berlin to the right instant', () => {
    expect(new Date(localToUtc('2018-05-05T10:45', BERLIN)).toISOString()).toBe('2018-05-05T08:45:00.000Z');
    expect(new Date(localToUtc('2018-01-20T10:45', BERLIN)).toISOString()).toBe('2018-01-20T09:45:00.000Z');
    expect(localToIsoWithOffset('2018-05-05T10:45', BERLIN)).toBe('2018-05-05T10:45:00+02:00');
    expect(localToIsoWithOffset('2018-12-01T09:00', BERLIN)).toBe('2018-12-01T09:00:00+01:00');
  });

  it('handles the March change: before, the gap (read with the offset before it) and after', () => {
    // 31 March 2024: 02:00 CET becomes 03:00 CEST.
    expect(localToIsoWithOffset('2024-03-31T01:30', BERLIN)).toBe('2024-03-31T01:30:00+01:00');
    expect(localTimeExists('2024-03-31T02:30', BERLIN)).toBe(false);
    expect(new Date(localToUtc('2024-03-31T02:30', BERLIN)).toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(localToIsoWithOffset('2024-03-31T02:30', BERLIN)).toBe('2024-03-31T03:30:00+02:00');
    expect(localToIsoWithOffset('2024-03-31T10:00', BERLIN)).toBe('2024-03-31T10:00:00+02:00');
  });

  it('handles the late-October change: the doubled hour means its first occurrence', () => {
    // 27 October 2024: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice.
    expect(new Date(localToUtc('2024-10-27T02:30', BERLIN)).toISOString()).toBe('2024-10-27T00:30:00.000Z');
    expect(localToIsoWithOffset('2024-10-26T10:00', BERLIN)).toBe('2024-10-26T10:00:00+02:00');
    expect(localToIsoWithOffset('2024-10-27T10:00', BERLIN)).toBe('2024-10-27T10:00:00+01:00');
    expect(offsetMinutesAt(Date.UTC(2024, 9, 27, 0, 59), BERLIN)).toBe(120);
    expect(offsetMinutesAt(Date.UTC(2024, 9, 27, 1, 0), BERLIN)).toBe(60);
  });

  it('works for zones west of UTC and without summer time', () => {
    expect(localToIsoWithOffset('2024-07-01T09:00', 'America/New_York')).toBe('2024-07-01T09:00:00-04:00');
    expect(localToIsoWithOffset('2024-07-01T09:00', 'UTC')).toBe('2024-07-01T09:00:00+00:00');
    expect(localToIsoWithOffset('2024-07-01T09:00', 'Asia/Kolkata')).toBe('2024-07-01T09:00:00+05:30');
  });

  it('refuses a malformed local time', () => {
    expect(() => localToUtc('05.05.2018 10:45', BERLIN)).toThrow(RangeError);
  });
});
