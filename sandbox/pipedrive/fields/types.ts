/** Field definitions as the sandbox keeps them; v1 and v2 field endpoints render views of these. */

/** Objects that have a fields endpoint (notes only in v1). */
export const FIELD_ENTITIES = ['deal', 'person', 'organization', 'product', 'activity', 'note'] as const;
export type FieldEntity = (typeof FIELD_ENTITIES)[number];

/** Every field_type of the v2 fields schema. */
export const FIELD_TYPES = [
  'int',
  'double',
  'boolean',
  'varchar',
  'text',
  'phone',
  'varchar_options',
  'varchar_auto',
  'date',
  'daterange',
  'time',
  'timerange',
  'enum',
  'set',
  'address',
  'monetary',
  'deal',
  'deals',
  'lead',
  'org',
  'people',
  'project',
  'stage',
  'user',
  'activity',
  'json',
  'picture',
  'status',
  'visible_to',
  'price_list',
  'billing_frequency',
  'projects_board',
  'projects_phase',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * The types a custom field can have. The v2 API creates the first 16; `int` and `visible_to` exist on
 * older accounts (v1 could create visible_to), so generated accounts carry them too.
 */
export const CUSTOM_FIELD_TYPES = [
  'varchar',
  'varchar_auto',
  'text',
  'double',
  'monetary',
  'date',
  'daterange',
  'time',
  'timerange',
  'set',
  'enum',
  'user',
  'org',
  'people',
  'phone',
  'address',
  'int',
  'visible_to',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** What POST /api/v2/{x}Fields accepts. */
export const CREATABLE_FIELD_TYPES = CUSTOM_FIELD_TYPES.filter((type) => type !== 'int' && type !== 'visible_to');

export interface FieldOption {
  /** v2 renders it as a string for built-in fields, as its fields schema says. */
  id: number;
  label: string;
  color: string | null;
  add_time: string | null;
  update_time: string | null;
}

export interface FieldDefinition {
  /** v1 numeric id; custom values are stored under it. */
  id: number;
  /** v2 field_code / v1 key: the built-in name, or a 40-character hash for custom fields. */
  key: string;
  name: string;
  field_type: FieldType;
  description: string | null;
  options: FieldOption[] | null;
  is_custom: boolean;
  mandatory: boolean;
  order_nr: number;
  add_time: string;
  update_time: string;
}
