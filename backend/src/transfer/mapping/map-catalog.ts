import { createHash } from 'node:crypto';
import type { AuditField, AuditPipeline, HubSpotPropertyTarget } from '../../../../shared/src/contracts/index.js';
import {
  canAssociate,
  HUBSPOT_OBJECTS,
  type HubSpotObjectType,
  TEXT,
  TEXTAREA,
} from '../../hubspot/object-model/index.js';
import type { SourceActivityType, SourceCatalog, SourceField, SourcePipeline } from '../../sources/connector.js';
import type {
  FieldRule,
  ObjectRule,
  PipelineRules,
  SourceMappingRules,
  TargetRule,
} from '../../sources/mapping-rules.js';
import type { MappedCatalog } from './mapping-plan.js';
import type { PortalProperties } from './portal-properties.js';

/** HubSpot limits (docs/notes/hubspot-crm.md, Property definition limits). */
const MAX_NAME_LENGTH = 100;
const MAX_OPTIONS = 5000;
const MAX_OPTION_CHARS = 3000;

/** Keys that are already valid name parts and contain no double underscore (the separator of hashes and parts). */
const PLAIN_KEY = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Plain-object lookups that ignore inherited members (a field key "constructor" must not find a function). */
function lookup<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * The name of a property setup creates: `<prefix>_<singular>_<key>`, plus `__<part>` for a part of a
 * split value. It depends on the source field's key only, so it survives renames, and names the source
 * object, so two source objects landing on one HubSpot object (Zoho leads and contacts) never clash.
 * Keys that are not already lowercase `[a-z0-9_]` (or would pass 100 characters) become a readable slug
 * plus `__` and 12 hex digits of the key's SHA-256: two keys that slug alike still differ, and as plain
 * keys never contain `__` and part keys are not hex, no name can stand for two fields.
 */
function createdName(rules: SourceMappingRules, row: ObjectRule, key: string, part?: string): string {
  const head = `${rules.propertyPrefix}_${row.singular}_`;
  const tail = part === undefined ? '' : `__${part}`;
  if (PLAIN_KEY.test(key) && head.length + key.length + tail.length <= MAX_NAME_LENGTH) return `${head}${key}${tail}`;
  const hash = `__${digest(key).slice(0, 12)}`;
  const room = MAX_NAME_LENGTH - head.length - hash.length - tail.length;
  const slug = key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, room)
    .replace(/^_+|_+$/g, '');
  return `${head}${slug}${hash}${tail}`;
}

/**
 * HubSpot deal-stage probability in 0.1 steps, rounded half up (25 % → 0.3). Open stages stay within
 * 0.1–0.9: HubSpot reads 0.0 as closed lost and 1.0 as closed won, and a source's default stage
 * probability may be 100 % (Pipedrive's is), which would otherwise close every deal entering the stage.
 */
function openStageProbability(percent: number): number {
  return Math.min(9, Math.max(1, Math.round(percent / 10))) / 10;
}

function mapPipelines(rules: PipelineRules, pipelines: readonly SourcePipeline[]): AuditPipeline[] {
  return [...pipelines]
    .sort((a, b) => a.order - b.order)
    .map((pipeline) => ({
      id: pipeline.id,
      name: pipeline.name,
      stages: [...pipeline.stages]
        .sort((a, b) => a.order - b.order)
        .map((stage) => ({
          id: stage.id,
          name: stage.name,
          order: stage.order,
          sourceProbability: stage.probability,
          hubspotProbability: openStageProbability(stage.probability ?? rules.unknownProbabilityPercent),
        })),
      closedStages: rules.closedStages.map((closed) => ({
        label: closed.label,
        hubspotProbability: closed.probability,
      })),
      deals: null,
      dealCounts: null,
      archivedDealCounts: null,
    }));
}

interface Option {
  id: string;
  label: string;
}

/** Why HubSpot would refuse these options for a dropdown or checkboxes, or null when it takes them. */
function optionProblem(options: readonly Option[]): string | null {
  if (options.length === 0) return 'it has no options yet';
  if (options.length > MAX_OPTIONS) {
    return `it has ${options.length.toLocaleString('en-US')} options and HubSpot allows at most ${MAX_OPTIONS.toLocaleString('en-US')}`;
  }
  // HubSpot counts label and internal value (our source option id) together.
  if (options.some((option) => option.label.length + option.id.length > MAX_OPTION_CHARS)) {
    return `an option is longer than HubSpot’s ${MAX_OPTION_CHARS.toLocaleString('en-US')} characters`;
  }
  if (options.some((option) => option.label.trim() === '')) return 'an option has no label';
  const seen = new Set<string>();
  for (const option of options) {
    if (seen.has(option.label))
      return `two options are called “${option.label}” and HubSpot needs distinct option labels`;
    seen.add(option.label);
  }
  return null;
}

/** A created property's label, settled once every field of the HubSpot object is known. */
interface PendingLabel {
  target: HubSpotPropertyTarget;
  base: string;
  part: string | undefined;
}

interface Draft {
  row: ObjectRule;
  field: AuditField;
  /** Identifies the field among everything created on its HubSpot object. */
  identity: string;
  labels: PendingLabel[];
}

interface RowContext {
  rules: SourceMappingRules;
  row: ObjectRule;
  /** The activity types the row takes (empty for other rows). */
  activityTypes: readonly SourceActivityType[];
}

function ruleFor(context: RowContext, field: SourceField): FieldRule {
  const { rules, row } = context;
  // Built-in rules go by key; a custom field could share a built-in's key only by coincidence.
  const builtIn = field.isCustom ? undefined : (lookup(row.fields, field.key) ?? lookup(rules.commonFields, field.key));
  return (
    builtIn ??
    lookup(rules.fieldTypes, field.type) ?? {
      unsupported: `${rules.sourceName}’s field type “${field.type}” is not known to Smart Transfer yet.`,
    }
  );
}

function standardTarget(row: ObjectRule, name: string, kind: HubSpotPropertyTarget['kind']): HubSpotPropertyTarget {
  const property = lookup(HUBSPOT_OBJECTS[row.hubspotObject].properties, name);
  if (!property)
    throw new Error(`Mapping rule of ${row.key} names ${name}, which is not a known ${row.hubspotObject} property`);
  const [label, { type, fieldType }] = property;
  return { objectType: row.hubspotObject, name, label, type, fieldType, kind };
}

/** A field's targets, with the labels still to settle, notes on what changes on the way and the options shown; or why it cannot go. */
type Built =
  | { targets: HubSpotPropertyTarget[]; labels: PendingLabel[]; notes: string[]; options: Option[] | null }
  | { refused: string };

function buildTargets(context: RowContext, field: SourceField, targetRules: readonly TargetRule[]): Built {
  const { row } = context;
  const built = {
    targets: [] as HubSpotPropertyTarget[],
    labels: [] as PendingLabel[],
    notes: [] as string[],
    options: null as Option[] | null,
  };
  const create = (target: Omit<HubSpotPropertyTarget, 'label'>, base: string, part?: string): void => {
    const pending: HubSpotPropertyTarget = { ...target, label: base };
    built.targets.push(pending);
    built.labels.push({ target: pending, base, part });
  };
  for (const rule of targetRules) {
    switch (rule.to) {
      case 'standard':
        built.targets.push(standardTarget(row, rule.name, 'standard'));
        break;
      case 'pipeline':
        built.targets.push(standardTarget(row, 'pipeline', 'pipeline'));
        break;
      case 'stage':
        built.targets.push(standardTarget(row, 'dealstage', 'stage'));
        break;
      case 'owner':
        if (rule.property === 'standard') built.targets.push(standardTarget(row, 'hubspot_owner_id', 'owner'));
        else {
          const name = createdName(context.rules, row, field.key);
          create(
            { objectType: row.hubspotObject, name, type: 'enumeration', fieldType: 'select', kind: 'owner' },
            field.label,
          );
        }
        break;
      case 'association': {
        if (!canAssociate(row.hubspotObject, rule.object)) {
          // Nothing dropped silently: the link HubSpot cannot make keeps the linked record's name as text.
          const [from, to] = [row.hubspotObject, rule.object].map((object) =>
            HUBSPOT_OBJECTS[object].label.toLowerCase(),
          );
          const name = createdName(context.rules, row, field.key);
          create(
            { objectType: row.hubspotObject, name, type: TEXT.type, fieldType: TEXT.fieldType, kind: 'reference' },
            field.label,
          );
          built.notes.push(
            `HubSpot ${from} can’t be associated with ${to}, so the linked ${HUBSPOT_OBJECTS[rule.object].singular.toLowerCase()}’s name is kept as text.`,
          );
          break;
        }
        const other = HUBSPOT_OBJECTS[rule.object].singular;
        // Built-in links use HubSpot's own association types; a custom field gets a label of its own.
        const labelled = field.isCustom && rule.primary !== true;
        built.targets.push({
          objectType: rule.object,
          name: rule.primary === true ? 'primary' : labelled ? createdName(context.rules, row, field.key) : 'unlabeled',
          label: rule.primary === true ? `${other} (primary)` : labelled ? field.label : other,
          type: 'association',
          fieldType: labelled ? 'USER_DEFINED' : 'HUBSPOT_DEFINED',
          kind: 'association',
        });
        break;
      }
      case 'created': {
        let propertyKind = rule.kind;
        if (rule.options !== undefined) {
          const options =
            rule.options === 'source'
              ? (field.options ?? []).map(({ id, label }) => ({ id, label }))
              : context.activityTypes.map((type) => ({ id: type.key, label: type.name }));
          // The audit shows the options the property gets, which for the activity type are the types.
          built.options = options;
          const problem = optionProblem(options);
          if (problem !== null) {
            const multiple = propertyKind.fieldType === 'checkbox';
            propertyKind = multiple ? TEXTAREA : TEXT;
            const shape = multiple
              ? 'the option labels, separated by semicolons) instead of checkboxes'
              : 'the option label) instead of a dropdown';
            built.notes.push(`Kept as text (${shape}: ${problem}.`);
          }
        }
        const name = createdName(context.rules, row, field.key, rule.part?.key);
        const { type, fieldType } = propertyKind;
        create(
          { objectType: row.hubspotObject, name, type, fieldType, kind: 'created' },
          rule.label ?? field.label,
          rule.part?.label,
        );
        break;
      }
    }
  }
  return built;
}

function draftField(context: RowContext, field: SourceField): Draft {
  const rule = ruleFor(context, field);
  const sourceOptions = field.options?.map(({ id, label }) => ({ id, label })) ?? null;
  const base = { key: field.key, label: field.label, sourceType: field.type, isCustom: field.isCustom };
  const identity = createdName(context.rules, context.row, field.key);
  const refuse = (reason: string): Draft => ({
    row: context.row,
    identity,
    labels: [],
    field: { ...base, supported: false, targets: [], options: sourceOptions, reason },
  });
  if ('unsupported' in rule) return refuse(rule.unsupported);
  const built = buildTargets(context, field, rule.targets);
  if ('refused' in built) return refuse(built.refused);
  // A link kept as a name replaces the association the rule's own reason describes.
  const keptAsName = built.targets.some((target) => target.kind === 'reference');
  const reasons = [...(rule.reason !== undefined && !keptAsName ? [rule.reason] : []), ...built.notes];
  return {
    row: context.row,
    identity,
    labels: built.labels,
    field: {
      ...base,
      supported: true,
      targets: built.targets,
      options: built.options ?? sourceOptions,
      reason: reasons.length > 0 ? reasons.join(' ') : null,
    },
  };
}

const fullLabel = (base: string, part: string | undefined): string => (part === undefined ? base : `${base} (${part})`);

/**
 * Created properties are labelled with the source label, but HubSpot wants labels unique per object:
 * a field whose label the portal already has (one of HubSpot's defaults, or any live property but the
 * one we would create) gets "(<source name>)", and fields sharing a label with each other get
 * "(<source name> <6 hex digits of their property name's hash>)", stable across catalog changes.
 */
function settleLabels(rules: SourceMappingRules, drafts: readonly Draft[], portal: PortalProperties): void {
  const byObject = new Map<HubSpotObjectType, Draft[]>();
  for (const draft of drafts) {
    if (draft.labels.length > 0)
      byObject.set(draft.row.hubspotObject, [...(byObject.get(draft.row.hubspotObject) ?? []), draft]);
  }
  for (const [object, group] of byObject) {
    // A live property with the very name we create is ours from an earlier setup: its label is no collision.
    const ours = new Set(group.flatMap((draft) => draft.labels.map(({ target }) => target.name)));
    const live = (portal[object] ?? [])
      .filter((property) => !ours.has(property.name))
      .map((property) => property.label);
    const taken = new Set(
      [...Object.values(HUBSPOT_OBJECTS[object].properties).map(([label]) => label), ...live].map((label) =>
        label.toLowerCase(),
      ),
    );
    const holders = new Map<string, Set<string>>();
    for (const draft of group) {
      for (const { base, part } of draft.labels) {
        const label = fullLabel(base, part).toLowerCase();
        holders.set(label, (holders.get(label) ?? new Set()).add(draft.identity));
      }
    }
    for (const draft of group) {
      const labels = draft.labels.map(({ base, part }) => fullLabel(base, part).toLowerCase());
      const shared = labels.some((label) => (holders.get(label)?.size ?? 0) > 1);
      const suffix = shared
        ? ` (${rules.sourceName} ${digest(draft.identity).slice(0, 6)})`
        : labels.some((label) => taken.has(label))
          ? ` (${rules.sourceName})`
          : '';
      for (const pending of draft.labels) pending.target.label = fullLabel(`${pending.base}${suffix}`, pending.part);
    }
  }
}

/**
 * Applies a source's mapping rules to its catalog: what every object, field, pipeline and activity type
 * becomes. `portal` holds the portal's live properties, whose labels created properties must not repeat.
 */
export function mapCatalog(
  rules: SourceMappingRules,
  catalog: SourceCatalog,
  portal: PortalProperties = {},
): MappedCatalog {
  const routeOf = (type: string) => lookup(rules.activities.byType, type) ?? rules.activities.otherTypes;
  const rows: { row: ObjectRule; drafts: Draft[]; activityTypes: SourceActivityType[] | null }[] = [];
  for (const row of rules.objects) {
    const source = catalog.objects.find((object) => object.key === row.source);
    if (!source) continue;
    const activityTypes =
      row.source === rules.activities.source
        ? catalog.activityTypes.filter((type) => routeOf(type.key) === row.hubspotObject)
        : null;
    const context: RowContext = { rules, row, activityTypes: activityTypes ?? [] };
    rows.push({ row, activityTypes, drafts: source.fields.map((field) => draftField(context, field)) });
  }
  settleLabels(
    rules,
    rows.flatMap(({ drafts }) => drafts),
    portal,
  );

  const taken = new Set(rules.objects.map((row) => row.source));
  return {
    objects: rows.map(({ row, drafts, activityTypes }) => {
      const supported = drafts.filter((draft) => draft.field.supported).length;
      return {
        key: row.key,
        sourceLabel: row.label,
        hubspotObject: row.hubspotObject,
        hubspotLabel: HUBSPOT_OBJECTS[row.hubspotObject].label,
        properties: drafts.length,
        supportedProperties: supported,
        unsupportedProperties: drafts.length - supported,
        sourceObject: row.source,
        sourceTypes: activityTypes?.map((type) => type.key) ?? null,
        takesOtherTypes: activityTypes !== null && row.hubspotObject === rules.activities.otherTypes,
        propertyGroup: {
          name: `${rules.propertyPrefix}_${row.singular}`,
          label: `${rules.sourceName} ${row.singular} fields`,
        },
      };
    }),
    fields: Object.fromEntries(rows.map(({ row, drafts }) => [row.key, drafts.map((draft) => draft.field)])),
    pipelines: mapPipelines(rules.pipelines, catalog.pipelines),
    activityTypes: catalog.activityTypes.map((type) => ({
      key: type.key,
      name: type.name,
      custom: type.custom,
      hubspotObject: routeOf(type.key),
    })),
    notTransferred: catalog.objects
      .filter((object) => !taken.has(object.key))
      .map((object) => ({
        key: object.key,
        label: object.label,
        reason:
          lookup(rules.notTransferred, object.key) ??
          `Smart Transfer does not transfer ${rules.sourceName} ${object.label.toLowerCase()} yet.`,
        records: null,
      })),
  };
}
