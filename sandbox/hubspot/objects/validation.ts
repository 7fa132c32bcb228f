/**
 * Validation of property values on record writes, with HubSpot's codes and messages
 * (docs/notes/hubspot-crm.md, Write-time validation errors): PROPERTY_DOESNT_EXIST, READ_ONLY_VALUE, INVALID_OPTION,
 * INVALID_DATE (date properties must be at midnight UTC), INVALID_EMAIL, INVALID_INTEGER.
 * Values come back normalized to what HubSpot stores and returns.
 */
import { isRecord } from '../input.js';
import type { ObjectType } from '../object-types.js';
import type { Portal } from '../portal.js';
import { externalSource } from '../properties/defaults.js';
import type { PropertyDefinition } from '../properties/definition.js';
import { formatDate, formatDateTime, isValidEmail, isValidNumber, parseTimestamp, timeOfDay } from '../values.js';

/** One invalid value, as HubSpot lists it inside "Property values were not valid: [...]". */
export interface PropertyValueError {
  name: string;
  value: string;
  code: string;
  message: string;
}

export const MAX_STRING_LENGTH = 65536;

export const optionError = (name: string, value: string, allowed: readonly string[]): PropertyValueError => ({
  name,
  value,
  code: 'INVALID_OPTION',
  message: `${value} was not one of the allowed options: [${allowed.join(', ')}]`,
});

function allowedValues(portal: Portal, property: PropertyDefinition, at: string): string[] | undefined {
  switch (externalSource(property)) {
    case 'OWNER':
      return portal.owners.all(false).map((o) => o.id);
    case 'CURRENCY':
      return portal.currencies.enabledCodes().filter((code) => portal.currencies.rateOf(code, at) !== undefined);
    case 'PIPELINE':
    case 'STAGE':
      return undefined; // checked together by the deal rules, which know the deal's pipeline
    default:
      return property.options.map((o) => o.value);
  }
}

/** A property value as a string: HubSpot's JSON accepts numbers and booleans and stores their text. */
function asText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (raw === null) return '';
  return undefined;
}

function normalizeValue(
  portal: Portal,
  type: ObjectType,
  property: PropertyDefinition,
  value: string,
  previous: string | undefined,
  at: string,
): string | PropertyValueError {
  const { name } = property;
  const fail = (code: string, message: string): PropertyValueError => ({ name, value, code, message });
  if (value === '') return '';
  switch (property.type) {
    case 'number':
      return isValidNumber(value) ? String(Number(value)) : fail('INVALID_INTEGER', `${value} was not a valid number.`);
    case 'bool': {
      const lower = value.toLowerCase();
      return lower === 'true' || lower === 'false'
        ? lower
        : fail('INVALID_BOOLEAN', `${value} was not a valid boolean. Valid values are true and false.`);
    }
    case 'date': {
      const ms = parseTimestamp(value);
      if (ms === undefined) return fail('INVALID_DATE', `${value} is not a valid date.`);
      return ms % 86_400_000 === 0
        ? formatDate(ms)
        : fail('INVALID_DATE', `${value} is at ${timeOfDay(ms)} UTC, not midnight!`);
    }
    case 'datetime': {
      const ms = parseTimestamp(value);
      return ms === undefined ? fail('INVALID_DATETIME', `${value} is not a valid datetime.`) : formatDateTime(ms);
    }
    case 'enumeration': {
      const allowed = allowedValues(portal, property, at);
      if (!allowed) return value;
      if (property.fieldType !== 'checkbox') return allowed.includes(value) ? value : optionError(name, value, allowed);
      // Multiple checkboxes: values joined with ';'; a leading ';' appends to the current selection.
      const appending = value.startsWith(';');
      const chosen = value.split(';').filter((v) => v !== '');
      const bad = chosen.find((v) => !allowed.includes(v));
      if (bad !== undefined) return optionError(name, bad, allowed);
      const base = appending && previous ? previous.split(';') : [];
      return [...new Set([...base, ...chosen])].join(';');
    }
    default: {
      if (value.length > MAX_STRING_LENGTH)
        return fail('INVALID_STRING', `${name} is longer than ${MAX_STRING_LENGTH} characters`);
      if (type.builtInUniqueProperty === name && name === 'email') {
        const email = value.trim().toLowerCase();
        return isValidEmail(email) ? email : fail('INVALID_EMAIL', `Email address ${value} is invalid`);
      }
      return value;
    }
  }
}

export interface ValidatedValues {
  values: Record<string, string>;
  errors: PropertyValueError[];
}

/**
 * Checks one input's `properties`: every name must be a live, writable property and every value
 * valid for its type. `internal` writes (the flow runner) may set read-only values, as HubSpot's own
 * processes do.
 */
export function validateValues(
  portal: Portal,
  type: ObjectType,
  raw: unknown,
  current: Record<string, string>,
  at: string,
  internal = false,
): ValidatedValues {
  const values: Record<string, string> = {};
  const errors: PropertyValueError[] = [];
  if (!isRecord(raw))
    return {
      values,
      errors: [
        {
          name: 'properties',
          value: '',
          code: 'INVALID_INPUT',
          message: 'properties must be an object of property names to values',
        },
      ],
    };
  for (const [name, rawValue] of Object.entries(raw)) {
    const value = asText(rawValue);
    const property = portal.properties.live(type, name);
    if (!property) {
      errors.push({
        name,
        value: value ?? '',
        code: 'PROPERTY_DOESNT_EXIST',
        message: `Property "${name}" does not exist`,
      });
    } else if (value === undefined) {
      errors.push({ name, value: '', code: 'INVALID_STRING', message: `The value of ${name} must be a string` });
    } else if (property.modificationMetadata.readOnlyValue && !(internal && name !== 'hs_object_id')) {
      errors.push({
        name,
        value,
        code: 'READ_ONLY_VALUE',
        message: `"${name}" is a calculated property; its value cannot be set.`,
      });
    } else {
      const normalized = normalizeValue(portal, type, property, value, current[name], at);
      if (typeof normalized === 'string') values[name] = normalized;
      else errors.push(normalized);
    }
  }
  return { values, errors };
}
