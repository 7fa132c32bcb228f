import { describe, expect, it } from '@jest/globals';
import { datetimeValue, startOfDay } from '../../backend/src/transfer/mapping/time-values.js';

describe('datetime values', () => {
  it('are the instant in ISO 8601 UTC with milliseconds, as HubSpot takes them', () => {
    expect(datetimeValue(new Date(Date.UTC(2026, 0, 5, 7, 3, 9, 4)))).toBe('2026-01-05T07:03:09.004Z');
    expect(datetimeValue(new Date(Date.UTC(1999, 11, 31, 23, 59, 59, 999)))).toBe('1999-12-31T23:59:59.999Z');
    expect(datetimeValue(new Date(Date.UTC(2024, 1, 29, 12, 0, 0, 50)))).toBe('2024-02-29T12:00:00.050Z');
  });

  it('keep the ISO form of years outside 1000–9999 (six digits and a sign beyond 9999)', () => {
    expect(datetimeValue(new Date(Date.UTC(999, 0, 1)))).toBe('0999-01-01T00:00:00.000Z');
    expect(datetimeValue(new Date(Date.UTC(10000, 0, 1)))).toBe('+010000-01-01T00:00:00.000Z');
    expect(datetimeValue(new Date(Date.UTC(-1, 0, 1)))).toBe('-000001-01-01T00:00:00.000Z');
  });

  it('refuse an invalid date, as toISOString does', () => {
    expect(() => datetimeValue(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('start of a day', () => {
  it('is the same instant each time it is asked (a new Date each time)', () => {
    const first = startOfDay('2026-03-29', 'Europe/Berlin');
    first.setTime(0);
    expect(startOfDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDay('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});
