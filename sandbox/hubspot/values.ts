/** Parsing of property values, which HubSpot always carries as strings. */

// Local part and a domain with at least one dot and an alphabetic TLD: HubSpot rejects
// "a@b", "a@b.c1" and addresses with spaces (observed: `Email address x  is invalid`).
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;

/**
 * Top-level domains HubSpot refuses although they are well formed: the `.com` typos it is known to
 * refuse (`.con`, `.cpm`: mautic/mautic#1074, per the team's reference notes) and their close kin
 * (inferred: the stricter reading). None of these is a delegated TLD.
 */
const REFUSED_TLDS = new Set([
  'con',
  'cpm',
  'cmo',
  'ocm',
  'vom',
  'xom',
  'comm',
  'coom',
  'cim',
  'copm',
  'nte',
  'nett',
  'ogr',
  'orgg',
]);

export const isValidEmail = (value: string): boolean =>
  EMAIL.test(value) && !REFUSED_TLDS.has(value.slice(value.lastIndexOf('.') + 1).toLowerCase());

/** "numeric digits and at most one decimal", with an optional sign; exponents are refused (INVALID_INTEGER observed for 1.4e-14). */
export const isValidNumber = (value: string): boolean => /^[-+]?(\d+\.?\d*|\.\d+)$/.test(value.trim());

/** Epoch milliseconds from an ISO 8601 string or an epoch-ms string; undefined when neither. */
export function parseTimestamp(value: string): number | undefined {
  if (/^-?\d+$/.test(value)) return Number(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `date` properties read back as YYYY-MM-DD; `datetime` as ISO with milliseconds. */
export const formatDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const formatDateTime = (ms: number): string => new Date(ms).toISOString();

/** The time-of-day part HubSpot names in INVALID_DATE ("… is at 22:18:55.865 UTC, not midnight!"). */
export const timeOfDay = (ms: number): string => new Date(ms).toISOString().slice(11, 23);
