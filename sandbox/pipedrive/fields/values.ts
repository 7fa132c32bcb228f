/**
 * Custom field values per field type: how v2 accepts them on write, returns them on read
 * (`include_option_labels` included) and how v1 flattens them (`<key>_currency`, `<key>_until`, …).
 * Shapes follow the v2 migration guide's table.
 */
import { isDate, isTimeOfDay, withSeconds } from '../http/time.js';
import type { CustomValue } from '../store/types.js';
import type { FieldDefinition, FieldType } from './types.js';

const ADDRESS_PARTS = [
  'value',
  'street_number',
  'route',
  'sublocality',
  'locality',
  'admin_area_level_1',
  'admin_area_level_2',
  'country',
  'postal_code',
  'formatted_address',
] as const;

const SUBFIELDS: Partial<Record<FieldType, readonly string[]>> = {
  monetary: ['value', 'currency'],
  address: ADDRESS_PARTS,
  daterange: ['value', 'until'],
  time: ['value', 'timezone_id', 'timezone_name'],
  timerange: ['value', 'until', 'timezone_id', 'timezone_name'],
};

/** Pipedrive's timezone ids for the zones datasets use (318 = Europe/London is documented). */
export const TIMEZONES: ReadonlyMap<string, number> = new Map([
  ['Europe/London', 318],
  ['Europe/Tallinn', 340],
  ['Europe/Berlin', 327],
  ['America/New_York', 169],
  ['Asia/Tokyo', 288],
]);

export interface SubfieldView {
  field_code: string;
  field_name: string;
  field_type: string;
}

export function subfieldsOf(field: FieldDefinition): SubfieldView[] | null {
  const parts = SUBFIELDS[field.field_type];
  if (!parts) return null;
  return parts.map((part) => ({
    field_code: part,
    field_name: `${part === 'value' ? 'Value' : part.replaceAll('_', ' ')} of ${field.name}`,
    field_type:
      part === 'value' && field.field_type === 'monetary' ? 'double' : part === 'timezone_id' ? 'int' : 'varchar',
  }));
}

/** Existence checks for fields that point at records. */
export interface ValueRefs {
  userExists(id: number): boolean;
  organizationExists(id: number): boolean;
  personExists(id: number): boolean;
}

export type Parsed = { ok: true; value: CustomValue | null } | { ok: false; message: string };

const fail = (field: FieldDefinition, expected: string): Parsed => ({
  ok: false,
  message: `Invalid value for custom field '${field.key}' (${field.field_type}): expected ${expected}`,
});

/** Validates a v2 write value and turns it into the stored shape; null clears the field. */
export function parseCustomValue(field: FieldDefinition, raw: unknown, refs: ValueRefs): Parsed {
  if (raw === null) return { ok: true, value: null };
  const type = field.field_type;
  switch (type) {
    case 'varchar':
    case 'varchar_auto':
    case 'phone':
    case 'varchar_options':
      return typeof raw === 'string' && raw.length <= 255
        ? { ok: true, value: raw }
        : fail(field, 'a string of at most 255 characters');
    case 'text':
      return typeof raw === 'string' && raw.length <= 65535
        ? { ok: true, value: raw }
        : fail(field, 'a string of at most 65535 characters');
    case 'double':
      return typeof raw === 'number' && Number.isFinite(raw) ? { ok: true, value: raw } : fail(field, 'a number');
    case 'int':
      return Number.isInteger(raw) && typeof raw === 'number' ? { ok: true, value: raw } : fail(field, 'an integer');
    case 'visible_to':
      return raw === 1 || raw === 3 || raw === 5 || raw === 7 ? { ok: true, value: raw } : fail(field, '1, 3, 5 or 7');
    case 'date':
      return typeof raw === 'string' && isDate(raw) ? { ok: true, value: raw } : fail(field, 'a YYYY-MM-DD date');
    case 'enum':
      return typeof raw === 'number' && hasOption(field, raw) ? { ok: true, value: raw } : fail(field, 'an option id');
    case 'set':
      return Array.isArray(raw) && raw.length > 0 && raw.every((id) => typeof id === 'number' && hasOption(field, id))
        ? { ok: true, value: [...new Set(raw.filter((id): id is number => typeof id === 'number'))] }
        : fail(field, 'a non-empty array of option ids (send null to clear)');
    case 'user':
      return typeof raw === 'number' && refs.userExists(raw) ? { ok: true, value: raw } : fail(field, 'a user id');
    case 'org':
      return typeof raw === 'number' && refs.organizationExists(raw)
        ? { ok: true, value: raw }
        : fail(field, 'an organization id');
    case 'people':
      return typeof raw === 'number' && refs.personExists(raw) ? { ok: true, value: raw } : fail(field, 'a person id');
    case 'monetary': {
      const value = objectOf(raw);
      return value &&
        typeof value.value === 'number' &&
        (typeof value.currency === 'string' || value.currency === null || value.currency === undefined)
        ? {
            ok: true,
            value: { value: value.value, currency: typeof value.currency === 'string' ? value.currency : null },
          }
        : fail(field, '{ value: number, currency: string }');
    }
    case 'daterange': {
      const value = objectOf(raw);
      return value &&
        typeof value.value === 'string' &&
        typeof value.until === 'string' &&
        isDate(value.value) &&
        isDate(value.until)
        ? { ok: true, value: { value: value.value, until: value.until } }
        : fail(field, '{ value: date, until: date }');
    }
    case 'time':
    case 'timerange': {
      const value = objectOf(raw);
      const until = type === 'timerange' ? value?.until : undefined;
      if (!value || typeof value.value !== 'string' || !isTimeOfDay(value.value))
        return fail(field, '{ value: "HH:MM:SS", timezone_name }');
      if (type === 'timerange' && (typeof until !== 'string' || !isTimeOfDay(until)))
        return fail(field, '{ value, until, timezone_name }');
      const zone = typeof value.timezone_name === 'string' ? value.timezone_name : null;
      const zoneId =
        typeof value.timezone_id === 'number' ? value.timezone_id : zone ? (TIMEZONES.get(zone) ?? null) : null;
      return {
        ok: true,
        value: {
          value: withSeconds(value.value),
          ...(typeof until === 'string' ? { until: withSeconds(until) } : {}),
          timezone_id: zoneId,
          timezone_name: zone,
        },
      };
    }
    case 'address': {
      const value = objectOf(raw);
      if (!value || typeof value.value !== 'string') return fail(field, '{ value: string, … }');
      // Subfields left out become null on write (v2 migration guide).
      const stored: Record<string, string | null> = {};
      for (const part of ADDRESS_PARTS) {
        const item = value[part];
        stored[part] = typeof item === 'string' ? item : null;
      }
      return { ok: true, value: stored };
    }
    default:
      return fail(field, 'a field type that takes values');
  }
}

/** The value as v2 returns it in `custom_fields`. */
export function renderCustomValue(
  field: FieldDefinition,
  value: CustomValue | undefined,
  includeOptionLabels: boolean,
): unknown {
  if (value === undefined) return null;
  if (!includeOptionLabels) return value;
  if (field.field_type === 'enum' && typeof value === 'number') return labelled(field, value);
  if (field.field_type === 'set' && Array.isArray(value)) return value.map((id) => labelled(field, id));
  return value;
}

/** The flat v1 keys of one custom value (as stored or as v2 renders it): `<key>` plus siblings such as `<key>_currency`. */
export function flattenV1(field: FieldDefinition, value: unknown): Record<string, unknown> {
  const key = field.key;
  if (value === undefined || value === null) return { [key]: null };
  if (Array.isArray(value)) return { [key]: value.join(',') };
  if (typeof value !== 'object') return { [key]: field.field_type === 'enum' ? String(value) : value };
  const parts: Record<string, unknown> = { ...value };
  const flat: Record<string, unknown> = { [key]: parts.value ?? null };
  for (const [part, item] of Object.entries(parts)) {
    if (part !== 'value') flat[`${key}_${part}`] = item;
  }
  return flat;
}

function hasOption(field: FieldDefinition, id: number): boolean {
  return (field.options ?? []).some((option) => option.id === id);
}

function labelled(field: FieldDefinition, id: number): { id: number; label: string | null } {
  return { id, label: field.options?.find((option) => option.id === id)?.label ?? null };
}

function objectOf(raw: unknown): Record<string, unknown> | undefined {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? { ...raw } : undefined;
}
