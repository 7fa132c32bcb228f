/**
 * Reference fields kept as text (a link HubSpot cannot make as an association, e.g. a product's
 * organization field): the property holds the linked record's name, not its source id. Names are stored
 * in Postgres as each task writes its records (source_record_names) and looked up per batch by the tasks
 * that come later in dependency order — never an in-memory copy of the account. A linked record never read
 * (deleted, filtered out, not transferred) keeps its source id with a note saying so.
 */
import type { AuditField, TransferSettings } from '../../../../shared/src/contracts/index.js';
import type { Queryable } from '../../db/pool.js';
import { sourceRecordNamesRepository } from '../../db/repositories/source-record-names.repository.js';
import type { FieldRule, SourceMappingRules } from '../../sources/mapping-rules.js';
import type { MappingPlan, PlannedObject } from '../mapping/mapping-plan.js';
import type { MappedRecord } from './sync-records.js';

/** A property that holds a linked record's name, and the source object (plan row) of the linked records. */
export interface ReferenceProperty {
  property: string;
  /** The plan row whose records the field links to; null when no row of the plan takes them. */
  linked: PlannedObject | null;
}

const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/** The rule the plan was built with for a field (map-catalog: an object's built-in rules, common ones, then by type). */
function ruleOf(rules: SourceMappingRules, row: PlannedObject, field: AuditField): FieldRule | undefined {
  const builtIn = field.isCustom
    ? undefined
    : (own(rules.objects.find((object) => object.key === row.key)?.fields ?? {}, field.key) ??
      own(rules.commonFields, field.key));
  return builtIn ?? own(rules.fieldTypes, field.sourceType);
}

/** The row's reference properties (created, or the existing property the user mapped the field onto). */
export function referenceProperties(
  plan: MappingPlan,
  settings: TransferSettings,
  rules: SourceMappingRules,
  row: PlannedObject,
): ReferenceProperty[] {
  const choices = own(settings.fields, row.key);
  return (plan.fields[row.key] ?? []).flatMap((field): ReferenceProperty[] => {
    const choice = choices ? own(choices, field.key) : undefined;
    const target = field.targets.find((candidate) => candidate.kind === 'reference');
    if (!field.supported || !target || choice?.mode === 'exclude') return [];
    const rule = ruleOf(rules, row, field);
    const to = rule && 'targets' in rule ? rule.targets.find((t) => t.to === 'association') : undefined;
    const object = to?.to === 'association' ? to.object : null;
    const linked = plan.objects.find((r) => r.hubspotObject === object && r.sourceTypes === null) ?? null;
    return [{ property: choice?.mode === 'existing' ? choice.hubspotProperty : target.name, linked }];
  });
}

/** A record's name as HubSpot shows it, from the input it is written with. */
export function recordName(hubspotObject: string, properties: Readonly<Record<string, string>>): string | null {
  const text = (name: string) => properties[name]?.trim() || null;
  switch (hubspotObject) {
    case 'contacts':
      return [text('firstname'), text('lastname')].filter(Boolean).join(' ') || text('email');
    case 'deals':
      return text('dealname');
    case 'companies':
    case 'products':
      return text('name');
    default:
      return null;
  }
}

/** What a reference property holds when the linked record's name is unknown: its id, with a note. */
export const unknownReference = (linked: PlannedObject | null, sourceId: string): string =>
  `${linked ? `${linked.sourceLabel} ` : ''}#${sourceId} (not transferred)`;

export interface ReferenceNames {
  /** Stores the names of a batch's records (in the batch's commit) when some reference field links to them. */
  keep(db: Queryable, row: PlannedObject, batch: readonly MappedRecord[]): Promise<void>;
  /** The batch with each reference property's source id replaced by the linked record's name. */
  resolve(row: PlannedObject, batch: readonly MappedRecord[]): Promise<MappedRecord[]>;
}

export function createReferenceNames(deps: {
  db: Queryable;
  connectionId: string;
  plan: MappingPlan;
  settings: TransferSettings;
  rules: SourceMappingRules;
}): ReferenceNames {
  const byRow = new Map(
    deps.plan.objects.map((row) => [row.key, referenceProperties(deps.plan, deps.settings, deps.rules, row)]),
  );
  const named = new Set([...byRow.values()].flat().flatMap(({ linked }) => (linked ? [linked.sourceObject] : [])));
  return {
    async keep(db, row, batch) {
      if (!named.has(row.sourceObject)) return;
      const names = batch.flatMap((mapped) => {
        const name = recordName(row.hubspotObject, mapped.input.properties);
        return name === null ? [] : [{ object: row.sourceObject, sourceId: mapped.record.id, name }];
      });
      await sourceRecordNamesRepository.upsert(db, deps.connectionId, names);
    },

    async resolve(row, batch) {
      const references = byRow.get(row.key) ?? [];
      if (references.length === 0) return [...batch];
      const wanted = batch.flatMap((mapped) =>
        references.flatMap(({ property, linked }) => {
          const sourceId = mapped.input.properties[property];
          return sourceId === undefined || linked === null ? [] : [{ object: linked.sourceObject, sourceId }];
        }),
      );
      const names = await sourceRecordNamesRepository.lookup(deps.db, deps.connectionId, wanted);
      return batch.map((mapped) => {
        const properties = { ...mapped.input.properties };
        for (const { property, linked } of references) {
          const sourceId = properties[property];
          if (sourceId === undefined) continue;
          properties[property] =
            (linked && names.get(`${linked.sourceObject}/${sourceId}`)) ?? unknownReference(linked, sourceId);
        }
        return { ...mapped, input: { ...mapped.input, properties } };
      });
    },
  };
}
