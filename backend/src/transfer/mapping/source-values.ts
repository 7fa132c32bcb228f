/**
 * Reading the shapes source values come in (v2-style option objects, `{ value, … }` compounds, lists of
 * `{ value, label, primary }` items) as plain text, numbers, option ids and labelled items.
 */

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Nothing to write: null, undefined, blank text, an empty list. */
export const isEmpty = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** Text of a scalar (numbers and booleans as written), or of a compound's `value`; null when empty. */
export function textOf(value: unknown): string | null {
  if (isObject(value)) return textOf(value.value);
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return String(value);
  return null;
}

/** Built once: toLocaleString with options builds a formatter per call, ~40× slower (the sync's hottest mapping step). */
const PLAIN_NUMBER = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 });

/** A number property's value: every digit written out (HubSpot refuses exponents such as 1e-7). */
export function numberText(value: unknown): string | null {
  const raw = isObject(value) ? value.value : value;
  const parsed = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : raw;
  if (typeof parsed !== 'number' || !Number.isFinite(parsed)) return null;
  // Whole numbers (most values) print the same without Intl; -0 does not (Intl writes "-0").
  if (Number.isSafeInteger(parsed) && !Object.is(parsed, -0)) return String(parsed);
  return PLAIN_NUMBER.format(parsed);
}

export function booleanOf(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 'true') return true;
  if (value === 0 || value === '0' || value === 'false') return false;
  return null;
}

/** The id of a reference: a number, a numeric string, or `{ id }` / `{ value }`. */
export function idOf(value: unknown): string | null {
  if (isObject(value)) return idOf(value.id ?? value.value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
}

/** Option ids of a single or multiple option value (ids, `{ id, label }`, or a comma-separated list). */
export function optionIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(idOf).filter((id): id is string => id !== null);
  if (typeof value === 'string' && value.includes(','))
    return value
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
  const id = idOf(value);
  return id === null ? [] : [id];
}

/** One entry of a source list of emails or phones. */
export interface LabelledItem {
  value: string;
  label: string | null;
  primary: boolean;
}

export function labelledItems(value: unknown): LabelledItem[] {
  const items = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return items.flatMap((item): LabelledItem[] => {
    if (typeof item === 'string')
      return item.trim() === '' ? [] : [{ value: item.trim(), label: null, primary: false }];
    if (!isObject(item) || typeof item.value !== 'string' || item.value.trim() === '') return [];
    const label = typeof item.label === 'string' && item.label.trim() !== '' ? item.label.trim() : null;
    return [{ value: item.value.trim(), label, primary: item.primary === true }];
  });
}
