/**
 * Property-definition rules: required attributes, internal-name rules, type/fieldType pairs,
 * option limits, unique-value rules. Sources: properties guide
 * (https://developers.hubspot.com/docs/api-reference/crm-properties-v3/guide), KB "Property field
 * types" (≤ 5,000 options, ≤ 3,000 characters each), KB "Understand the property editor" (name ≤ 100).
 */
import { validationError } from '../errors.js';
import { arrayField, booleanField, isRecord, type Json, numberField, requireFields, stringField } from '../input.js';
import { FIELD_TYPES_BY_TYPE, isPropertyType, type PropertyOption, type PropertyType } from './definition.js';

export const MAX_UNIQUE_PROPERTIES = 10;
const MAX_OPTIONS = 5000;
const MAX_OPTION_CHARS = 3000;
const MAX_NAME_LENGTH = 100;

/** Lowercase letters, digits and underscores, starting with a letter. */
export function checkInternalName(name: string, what: string): void {
  if (name.length > MAX_NAME_LENGTH)
    throw validationError(`${what} name ${name} is longer than ${MAX_NAME_LENGTH} characters`);
  if (!/^[a-z][a-z0-9_]*$/.test(name)) {
    throw validationError(
      `${what} name ${name} is invalid: names may only contain lowercase letters, numbers and underscores and must start with a letter`,
    );
  }
}

export function checkTypePair(type: unknown, fieldType: unknown): PropertyType {
  if (!isPropertyType(type))
    throw validationError(
      `Invalid property type ${String(type)}; valid types are ${Object.keys(FIELD_TYPES_BY_TYPE).join(', ')}`,
    );
  if (typeof fieldType !== 'string' || !FIELD_TYPES_BY_TYPE[type].includes(fieldType)) {
    throw validationError(
      `Invalid fieldType ${String(fieldType)} for a property of type ${type}; valid fieldTypes are ${FIELD_TYPES_BY_TYPE[type].join(', ')}`,
    );
  }
  return type;
}

export function parseOptions(raw: unknown[]): PropertyOption[] {
  if (raw.length > MAX_OPTIONS)
    throw validationError(`A property can have at most ${MAX_OPTIONS} options; got ${raw.length}`);
  const options = raw.map((entry, index): PropertyOption => {
    const option = requireFields(entry, 'OptionInput', ['label', 'value', 'hidden']);
    const label = stringField(option, 'label') ?? '';
    const value = stringField(option, 'value') ?? '';
    const description = stringField(option, 'description');
    if (label.length + value.length + (description?.length ?? 0) > MAX_OPTION_CHARS) {
      throw validationError(
        `Option ${value} is longer than ${MAX_OPTION_CHARS} characters (label, value and description together)`,
      );
    }
    return {
      label,
      value,
      hidden: booleanField(option, 'hidden') ?? false,
      displayOrder: numberField(option, 'displayOrder') ?? index,
      ...(description !== undefined ? { description } : {}),
    };
  });
  for (const key of ['label', 'value'] as const) {
    const seen = new Set<string>();
    for (const option of options) {
      if (seen.has(option[key])) throw validationError(`Options must have unique ${key}s; ${option[key]} is repeated`);
      seen.add(option[key]);
    }
  }
  return options;
}

export interface PropertyCreateInput {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName: string;
  description: string;
  options: PropertyOption[];
  displayOrder: number;
  hasUniqueValue: boolean;
  hidden: boolean;
  formField: boolean;
  externalOptions: boolean;
  referencedObjectType?: string;
  calculationFormula?: string;
}

/** Reads a `PropertyCreate` body; existence rules (group, duplicates, unique limits) are the registry's. */
export function parsePropertyCreate(body: unknown): PropertyCreateInput {
  const input = requireFields(body, 'PropertyCreate', ['name', 'label', 'type', 'fieldType', 'groupName']);
  const name = stringField(input, 'name') ?? '';
  checkInternalName(name, 'Property');
  const type = checkTypePair(input['type'], input['fieldType']);
  const referencedObjectType = stringField(input, 'referencedObjectType');
  const externalOptions = booleanField(input, 'externalOptions') ?? false;
  if (externalOptions && (referencedObjectType !== 'OWNER' || type !== 'enumeration')) {
    throw validationError(
      'externalOptions is only supported for enumeration properties with referencedObjectType OWNER',
    );
  }
  const rawOptions = arrayField(input, 'options') ?? [];
  if (
    type === 'enumeration' &&
    !externalOptions &&
    input['fieldType'] !== 'calculation_equation' &&
    rawOptions.length === 0
  ) {
    throw validationError(`Enumeration property ${name} needs at least one option`);
  }
  const calculationFormula = stringField(input, 'calculationFormula');
  return {
    name,
    label: stringField(input, 'label') ?? '',
    type,
    fieldType: String(input['fieldType']),
    groupName: stringField(input, 'groupName') ?? '',
    description: stringField(input, 'description') ?? '',
    options: type === 'enumeration' || type === 'bool' ? parseOptions(rawOptions) : [],
    displayOrder: numberField(input, 'displayOrder') ?? -1,
    hasUniqueValue: booleanField(input, 'hasUniqueValue') ?? false,
    hidden: booleanField(input, 'hidden') ?? false,
    formField: booleanField(input, 'formField') ?? false,
    externalOptions,
    ...(referencedObjectType !== undefined ? { referencedObjectType } : {}),
    ...(calculationFormula !== undefined ? { calculationFormula } : {}),
  };
}

export type PropertyUpdateInput = Partial<
  Pick<
    PropertyCreateInput,
    | 'label'
    | 'type'
    | 'fieldType'
    | 'groupName'
    | 'description'
    | 'options'
    | 'displayOrder'
    | 'hidden'
    | 'formField'
    | 'calculationFormula'
  >
>;

export function parsePropertyUpdate(body: unknown): PropertyUpdateInput {
  if (!isRecord(body))
    throw validationError('Invalid input JSON: Cannot build PropertyUpdate, the body must be a JSON object');
  const input: Json = body;
  const options = arrayField(input, 'options');
  const update: PropertyUpdateInput = {};
  for (const key of ['label', 'groupName', 'description', 'calculationFormula'] as const) {
    const value = stringField(input, key);
    if (value !== undefined) update[key] = value;
  }
  const displayOrder = numberField(input, 'displayOrder');
  if (displayOrder !== undefined) update.displayOrder = displayOrder;
  for (const key of ['hidden', 'formField'] as const) {
    const value = booleanField(input, key);
    if (value !== undefined) update[key] = value;
  }
  // The type/fieldType pair is checked by the registry once merged with the stored definition.
  if (input['type'] !== undefined) {
    if (!isPropertyType(input['type'])) throw validationError(`Invalid property type ${String(input['type'])}`);
    update.type = input['type'];
  }
  const fieldType = stringField(input, 'fieldType');
  if (fieldType !== undefined) update.fieldType = fieldType;
  if (options !== undefined) update.options = parseOptions(options);
  return update;
}
