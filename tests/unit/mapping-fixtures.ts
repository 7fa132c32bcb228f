/** Catalogs for the mapping tests, built from the Pipedrive sandbox's own field model (built-ins and the v2 type enum). */
import { createHash } from 'node:crypto';
import type {
  SourceActivityType,
  SourceCatalog,
  SourceField,
  SourceObjectType,
  SourcePipeline,
} from '../../backend/src/sources/connector.js';
import { PIPEDRIVE_RULES } from '../../backend/src/sources/pipedrive/mapping-rules.js';
import { mapCatalog } from '../../backend/src/transfer/mapping/map-catalog.js';
import type { MappedCatalog } from '../../backend/src/transfer/mapping/mapping-plan.js';
import { builtInFields } from '../../sandbox/pipedrive/fields/builtin.js';
import { FIELD_ENTITIES, FIELD_TYPES, type FieldEntity } from '../../sandbox/pipedrive/fields/types.js';
import type { AuditField } from '../../shared/src/contracts/index.js';

export const OBJECT_KEY: Record<FieldEntity, string> = {
  person: 'persons',
  organization: 'organizations',
  deal: 'deals',
  product: 'products',
  activity: 'activities',
  note: 'notes',
};

/** A Pipedrive-style custom field key: 40 hex characters. */
export const customKey = (seed: string): string => createHash('sha1').update(seed).digest('hex');

export function customField(type: string, label: string, extra: Partial<SourceField> = {}): SourceField {
  return {
    key: customKey(`${type}:${label}`),
    label,
    type,
    isCustom: true,
    options: null,
    subfields: null,
    mandatory: false,
    ...extra,
  };
}

export const options = (...labels: string[]) => labels.map((label, index) => ({ id: String(index + 1), label }));

function builtIns(entity: FieldEntity): SourceField[] {
  return builtInFields(entity).map((field) => ({
    key: field.key,
    label: field.name,
    type: field.type,
    isCustom: false,
    options: field.options ? field.options.map((option) => ({ id: String(option.id), label: option.label })) : null,
    subfields: null,
    mandatory: false,
  }));
}

export const ACTIVITY_TYPES: SourceActivityType[] = [
  { key: 'call', name: 'Call', active: true, custom: false },
  { key: 'meeting', name: 'Meeting', active: true, custom: false },
  { key: 'lunch', name: 'Lunch', active: true, custom: false },
  { key: 'task', name: 'Task', active: true, custom: false },
  { key: 'deadline', name: 'Deadline', active: true, custom: false },
  { key: 'email', name: 'Email', active: true, custom: false },
  { key: 'site_visit', name: 'Site visit', active: true, custom: true },
];

export function catalogOf(objects: SourceObjectType[], pipelines: SourcePipeline[] = []): SourceCatalog {
  return {
    objects,
    pipelines,
    users: [],
    currencies: [],
    activityTypes: ACTIVITY_TYPES,
    account: {
      accountId: '1',
      accountName: 'Acme',
      defaultCurrency: 'EUR',
      locale: 'en_US',
      timeZone: 'Europe/Berlin',
    },
  };
}

/** One Pipedrive object with its built-in fields and the given custom fields. */
export function objectOf(entity: FieldEntity, custom: SourceField[] = []): SourceObjectType {
  return { key: OBJECT_KEY[entity], label: entity, fields: [...builtIns(entity), ...custom] };
}

/** Every object with its built-ins plus one custom field of every v2 field type. */
export function everyTypeEverywhere(): SourceCatalog {
  return catalogOf(
    FIELD_ENTITIES.map((entity) =>
      objectOf(
        entity,
        FIELD_TYPES.map((type) =>
          customField(type, `My ${type}`, type === 'enum' || type === 'set' ? { options: options('A', 'B') } : {}),
        ),
      ),
    ),
  );
}

export const mapPipedrive = (catalog: SourceCatalog): MappedCatalog => mapCatalog(PIPEDRIVE_RULES, catalog);

export function fieldOf(mapped: MappedCatalog, row: string, key: string): AuditField {
  const found = mapped.fields[row]?.find((field) => field.key === key);
  if (!found) throw new Error(`no field ${key} on ${row}`);
  return found;
}

/** A target as "kind objectType.name type/fieldType", the shape the tests compare. */
export const described = (field: AuditField): string[] =>
  field.targets.map(
    (target) => `${target.kind} ${target.objectType}.${target.name} ${target.type}/${target.fieldType}`,
  );
