/** How numbers, shares and days read on the pages (HubSpot's UI is in US English). */
const NUMBER = new Intl.NumberFormat('en-US');

export const formatCount = (value: number): string => NUMBER.format(value);

/** "1 field", "12 fields". */
export const countOf = (value: number, one: string, many = `${one}s`): string =>
  `${formatCount(value)} ${value === 1 ? one : many}`;

/** A share from 0 to 1 as a whole percentage: 0.3 → "30%". */
/** A size in bytes as people read it: 5,242,880 → "5 MB" (1024-based, as file managers show it). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? formatCount(value) : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export const formatShare = (share: number): string => `${Math.round(share * 100)}%`;

/** A signed change: +12, −3 (a real minus sign), 0. */
export const formatDelta = (delta: number): string =>
  delta > 0 ? `+${formatCount(delta)}` : delta < 0 ? `−${formatCount(-delta)}` : '0';

/** The day of an ISO timestamp in the portal's time zone, e.g. "Dec 1, 2026". */
export function formatDay(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
  try {
    return date.toLocaleDateString('en-US', { ...options, timeZone });
  } catch {
    return date.toLocaleDateString('en-US', { ...options, timeZone: 'UTC' });
  }
}

/** A value the source may not have: shown as "Not set" rather than left blank. */
export const orNotSet = (value: string | null | undefined): string =>
  value === null || value === undefined || value.trim() === '' ? 'Not set' : value;
