/**
 * Records as the objects API returns them (`SimplePublicObject[WithAssociations]`): requested
 * properties (a defined but empty property is `null`, an undefined one is omitted), or the object's
 * default set; `propertiesWithHistory`; v3 `associations` by object type.
 */
import { v3TypeName } from '../associations/types.js';
import { findObjectType, type ObjectType } from '../object-types.js';
import type { Portal } from '../portal.js';
import { type CrmRecord, versionsOf } from './store.js';

export interface ReadOptions {
  properties?: string[];
  propertiesWithHistory?: string[];
  associations?: string[];
  /** Write responses return every value the record holds. */
  allValues?: boolean;
}

/** A comma-separated query parameter (or repeated parameter) as a list. */
export function listParam(raw: unknown): string[] | undefined {
  const values = (Array.isArray(raw) ? raw : [raw])
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','));
  const names = values.map((v) => v.trim()).filter((v) => v !== '');
  return names.length ? names : undefined;
}

function selectedProperties(
  portal: Portal,
  type: ObjectType,
  record: CrmRecord,
  options: ReadOptions,
): Record<string, string | null> {
  const always = ['hs_object_id', type.createdProperty, type.modifiedProperty];
  const names = options.allValues
    ? [...new Set([...type.defaultReturned, ...Object.keys(record.properties)])]
    : options.properties
      ? [...new Set([...options.properties, ...always])]
      : type.defaultReturned;
  const selected: Record<string, string | null> = {};
  for (const name of names) {
    if (!portal.properties.live(type, name)) continue;
    selected[name] = record.properties[name] ?? null;
  }
  return selected;
}

function associationsOf(portal: Portal, type: ObjectType, record: CrmRecord, toTypes: string[]) {
  const result: Record<string, { results: Array<{ id: string; type: string }> }> = {};
  for (const raw of toTypes) {
    const toType = findObjectType(raw);
    if (!toType) continue;
    const pairHasLabels = portal.associationTypes.between(type, toType).some((d) => d.label !== null);
    const results = portal.associations
      .list({ type, id: record.id }, toType)
      .filter(({ toId }) => portal.records.get(toType, toId)?.archived === false)
      .flatMap(({ toId, types }) =>
        types.map((def) => ({ id: toId, type: v3TypeName(def, type, toType, pairHasLabels) })),
      );
    if (results.length) result[toType.name] = { results };
  }
  return result;
}

export function serializeRecord(portal: Portal, type: ObjectType, record: CrmRecord, options: ReadOptions = {}) {
  const history = options.propertiesWithHistory
    ? Object.fromEntries(
        options.propertiesWithHistory
          .filter((name) => portal.properties.live(type, name))
          .map((name) => [name, versionsOf(record, name)]),
      )
    : undefined;
  const associations = options.associations ? associationsOf(portal, type, record, options.associations) : undefined;
  return {
    id: record.id,
    properties: selectedProperties(portal, type, record, options),
    ...(history ? { propertiesWithHistory: history } : {}),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    archived: record.archived,
    ...(record.archivedAt ? { archivedAt: record.archivedAt } : {}),
    ...(associations && Object.keys(associations).length ? { associations } : {}),
  };
}
