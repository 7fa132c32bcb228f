import type { ValueConverter } from '../source-module.js';

/** Text as HubSpot carries every value; empty becomes null (nothing to write). */
const text: ValueConverter = (value) => (value === null || value === undefined || value === '' ? null : String(value));

/** HubSpot refuses exponents (1e-7) in number values: write every digit instead. */
const number: ValueConverter = (value) => {
  const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof parsed !== 'number' || !Number.isFinite(parsed)) return null;
  return parsed.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
};

/** Pipedrive dates are YYYY-MM-DD, which a HubSpot date property takes as midnight UTC. */
const date: ValueConverter = (value) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

/**
 * Pipedrive → HubSpot values by Pipedrive field type. Option fields carry option ids, which are the
 * created properties' option values; a multiple-option field becomes HubSpot's semicolon-separated list.
 */
export const PIPEDRIVE_VALUE_CONVERTERS: Readonly<Record<string, ValueConverter>> = {
  int: number,
  double: number,
  monetary: number,
  date,
  boolean: (value) => (typeof value === 'boolean' ? String(value) : null),
  enum: text,
  set: (value) => (Array.isArray(value) ? (value.length > 0 ? value.map(String).join(';') : null) : text(value)),
};
