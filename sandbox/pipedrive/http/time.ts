/** Pipedrive's time formats: v2 RFC 3339 without milliseconds, v1 "YYYY-MM-DD HH:MM:SS" in UTC. */

export function formatV2Time(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function formatV1Time(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

// v2 rejects fractional seconds and space-separated times (400), so the pattern does too.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2})?$/;

/** Epoch ms of an RFC 3339 instant as v2 accepts it, or undefined. */
export function parseRfc3339(value: string): number | undefined {
  if (!RFC3339.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export function isDate(value: string): boolean {
  return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

export function isTimeOfDay(value: string): boolean {
  return TIME.test(value);
}

/** "09:30" → "09:30:00": v2 returns times with seconds. */
export function withSeconds(value: string): string {
  return value.length === 5 ? `${value}:00` : value;
}

/** Epoch ms of a YYYY-MM-DD date at midnight UTC (for sorting by due date). */
export function dateMs(value: string | null): number | null {
  return value === null ? null : Date.parse(`${value}T00:00:00Z`);
}
