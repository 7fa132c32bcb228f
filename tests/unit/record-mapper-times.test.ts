import { describe, expect, it } from '@jest/globals';
import {
  calendarDay,
  dayIn,
  instantOf,
  knownTimeZone,
  startOfDay,
} from '../../backend/src/transfer/mapping/time-values.js';

describe('the start of a day in a time zone', () => {
  it('is midnight local time, whatever the offset that day', () => {
    expect(startOfDay('2026-01-15', 'Europe/Berlin').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDay('2026-07-15', 'Europe/Berlin').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(startOfDay('2026-07-15', 'UTC').toISOString()).toBe('2026-07-15T00:00:00.000Z');
  });

  it('holds on the days Berlin changes its clocks (29 March and 25 October 2026)', () => {
    // Clocks go forward at 02:00 on 29 March: midnight is still winter time (+01:00).
    expect(startOfDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDay('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // Clocks go back at 03:00 on 25 October: midnight is still summer time (+02:00).
    expect(startOfDay('2026-10-25', 'Europe/Berlin').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDay('2026-10-26', 'Europe/Berlin').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('holds in Pacific/Auckland, a day ahead of UTC, across its own DST changes', () => {
    // NZDT (+13:00) until 5 April 2026 03:00, NZST (+12:00) after; NZDT again from 27 September 02:00.
    expect(startOfDay('2026-04-05', 'Pacific/Auckland').toISOString()).toBe('2026-04-04T11:00:00.000Z');
    expect(startOfDay('2026-04-06', 'Pacific/Auckland').toISOString()).toBe('2026-04-05T12:00:00.000Z');
    expect(startOfDay('2026-09-27', 'Pacific/Auckland').toISOString()).toBe('2026-09-26T12:00:00.000Z');
    expect(startOfDay('2026-09-28', 'Pacific/Auckland').toISOString()).toBe('2026-09-27T11:00:00.000Z');
  });

  it('is the first instant of a day whose midnight the clocks skip (Santiago, 6 September 2026)', () => {
    // Chile moves from -04:00 to -03:00 at 24:00 on 5 September: 6 September starts at 01:00 -03:00.
    expect(startOfDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });
});

describe('the day an instant falls on', () => {
  it('is the next day in Berlin for 23:30 UTC, the same day in UTC, and a day on in Auckland earlier', () => {
    const instant = new Date('2026-03-09T23:30:00Z');
    expect(dayIn(instant, 'Europe/Berlin')).toBe('2026-03-10');
    expect(dayIn(instant, 'UTC')).toBe('2026-03-09');
    expect(dayIn(new Date('2026-03-09T11:30:00Z'), 'Pacific/Auckland')).toBe('2026-03-10');
  });
});

describe('reading source times', () => {
  it('takes ISO 8601 with a zone and zoneless UTC times, nothing else', () => {
    expect(instantOf('2026-03-09T23:30:00Z')?.toISOString()).toBe('2026-03-09T23:30:00.000Z');
    expect(instantOf('2026-03-10T00:30:00+01:00')?.toISOString()).toBe('2026-03-09T23:30:00.000Z');
    expect(instantOf('2026-03-09 23:30:00')?.toISOString()).toBe('2026-03-09T23:30:00.000Z');
    for (const bad of ['', 'yesterday', '2026-03-09', '2026-13-40T00:00:00Z', null, 1773098999000, {}]) {
      expect(instantOf(bad)).toBeNull();
    }
  });

  it('takes only real calendar days', () => {
    expect(calendarDay('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2026-02-29', '2026-02-30', '2026-1-5', '05.01.2026', null, 20260105]) {
      expect(calendarDay(bad)).toBeNull();
    }
  });

  it('falls back to UTC for a missing or unknown time zone', () => {
    expect(knownTimeZone(null)).toBe('UTC');
    expect(knownTimeZone('Mars/Olympus_Mons')).toBe('UTC');
    expect(knownTimeZone('Pacific/Auckland')).toBe('Pacific/Auckland');
  });
});
