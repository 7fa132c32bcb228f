/**
 * Source times as HubSpot stores them. A HubSpot date property holds midnight UTC of its day (written
 * as YYYY-MM-DD); a datetime property holds an instant (written as ISO 8601 in UTC), which HubSpot shows
 * in the portal's time zone. A source's calendar day that means "a day in the account's time zone" (an
 * open deal's expected close date, an all-day activity) becomes the instant that day starts there.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** v1 style `YYYY-MM-DD HH:MM:SS`, which Pipedrive and others write in UTC without a zone. */
const ZONELESS = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** A valid IANA zone name, else UTC (a source that reports none, or one Node does not know). */
export function knownTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    formatter(timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** Where each part of a formatted time goes in the wall clock's year, month, day, hour, minute, second. */
const WALL_PART: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {
  year: 0,
  month: 1,
  day: 2,
  hour: 3,
  minute: 4,
  second: 5,
};

/** The wall clock of `ms` in `timeZone`, read as if it were UTC. */
function wallClock(ms: number, timeZone: string): number {
  // Read in a loop, not through an object of the parts: this runs for many dated records.
  const wall = [0, 0, 0, 0, 0, 0];
  for (const { type, value } of formatter(timeZone).formatToParts(ms)) {
    const at = WALL_PART[type];
    if (at !== undefined) wall[at] = Number(value);
  }
  const [year, month, day, hour, minute, second] = wall as [number, number, number, number, number, number];
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** A real calendar day (2026-02-30 is not). */
export function calendarDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const match = DAY.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? text : null;
}

/** The instant a source time stands for: ISO 8601 with a zone, or zoneless `YYYY-MM-DD HH:MM:SS` in UTC. */
export function instantOf(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const iso = ZONELESS.test(text) ? `${text.replace(' ', 'T')}Z` : WITH_ZONE.test(text) ? text : null;
  if (iso === null) return null;
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? null : time;
}

/** Start instants by zone, then day: records share their days, and each start costs four Intl formats. */
const dayStarts = new Map<string, Map<string, number>>();
/** Days kept per zone; past it the zone's map starts again (a bound, never reached by a real account's days). */
const DAY_STARTS_KEPT = 20_000;

/** The instant `day` starts in `timeZone` (on a day whose midnight a DST change skips, the first instant it has). */
export function startOfDay(day: string, timeZone: string): Date {
  let starts = dayStarts.get(timeZone);
  if (!starts) {
    starts = new Map();
    dayStarts.set(timeZone, starts);
  }
  let start = starts.get(day);
  if (start === undefined) {
    start = computeStartOfDay(day, timeZone);
    if (starts.size >= DAY_STARTS_KEPT) starts.clear();
    starts.set(day, start);
  }
  return new Date(start);
}

function computeStartOfDay(day: string, timeZone: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, date);
  // Two passes: the zone's offset at the first guess may differ from the one at the answer (DST).
  let instant = wall - (wallClock(wall, timeZone) - wall);
  instant = wall - (wallClock(instant, timeZone) - instant);
  if (dayIn(new Date(instant), timeZone) !== day) {
    // Midnight does not exist that day: the day starts at the end of the gap, an hour later.
    instant += 3_600_000;
  }
  return instant;
}

/** The calendar day an instant falls on in `timeZone`. */
export function dayIn(instant: Date, timeZone: string): string {
  return new Date(wallClock(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}

const twoDigits = (value: number): string => (value < 10 ? `0${value}` : String(value));

/**
 * A datetime property's value: `instant.toISOString()`, written from its UTC parts for years 1000–9999
 * (about 2.5× faster; most records have several); other years and invalid dates go to toISOString.
 */
export function datetimeValue(instant: Date): string {
  const year = instant.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return instant.toISOString();
  const ms = instant.getUTCMilliseconds();
  const milliseconds = ms < 10 ? `00${ms}` : ms < 100 ? `0${ms}` : String(ms);
  return `${year}-${twoDigits(instant.getUTCMonth() + 1)}-${twoDigits(instant.getUTCDate())}T${twoDigits(instant.getUTCHours())}:${twoDigits(instant.getUTCMinutes())}:${twoDigits(instant.getUTCSeconds())}.${milliseconds}Z`;
}
