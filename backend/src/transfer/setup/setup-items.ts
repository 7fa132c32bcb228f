import type { HubSpotPropertyCreate } from '../../hubspot/property-definitions.js';
import type { RecordShape } from '../../sources/record-shape.js';
import { pipelineItemKey, sourceIdProperty, sourceLinkProperty, stageKey } from '../mapping/lineage.js';
import type { SetupSelection } from './setup-selection-shape.js';

/** The setup transfer's tasks, in the order HubSpot needs them (a property needs its group…). */
export const SETUP_TASKS = ['groups', 'properties', 'pipelines', 'owners', 'currencies', 'workflows'] as const;
export type SetupTask = (typeof SETUP_TASKS)[number];

/** HubSpot allows a unique-value property on these objects only (not products, line items, engagements). */
const UNIQUE_VALUE_OBJECTS = new Set(['contacts', 'companies', 'deals']);

export interface StageSpec {
  /** Source stage id, or `closed_won` / `closed_lost`. */
  key: string;
  label: string;
  displayOrder: number;
  /** The probability tried first (the source's, exactly), and the 0.1-step one used when HubSpot refuses it. */
  probability: number;
  roundedProbability: number;
  closed: boolean;
}

export interface WorkflowSpec {
  /** Which date the flow keeps: the source's create date, or its close date. */
  date: 'create_date' | 'close_date';
  name: string;
  /** The deal property HubSpot's date is copied from. */
  fromProperty: string;
  /** HubSpot's property the flow sets. */
  toProperty: 'createdate' | 'closedate';
}

/** One thing setup creates or reuses; its ledger identity is (itemType, hubspotObject, itemKey). */
export type SetupItem = {
  task: SetupTask;
  itemType: string;
  hubspotObject: string | null;
  itemKey: string;
  /** What the user sees in the review and the error log. */
  label: string;
  /** Why HubSpot cannot take this item beside an earlier one of the selection (e.g. two pipelines of one name). */
  clash?: string;
} & (
  | { kind: 'property_group'; objectType: string; name: string }
  | {
      kind: 'property';
      objectType: string;
      definition: HubSpotPropertyCreate;
      /** The label of the selection's group it goes in: HubSpot may already have that group under another name. */
      groupLabel: string | null;
    }
  | { kind: 'property_options'; objectType: string; name: string; options: { value: string; label: string }[] }
  | { kind: 'association_label'; from: string; to: string; name: string }
  | { kind: 'pipeline'; stages: StageSpec[] }
  | { kind: 'owner'; email: string | null; hubspotOwnerId: string | null; invite: boolean }
  | { kind: 'currency'; code: string; rate: number }
  | { kind: 'workflow'; workflow: WorkflowSpec }
);

/** An item's ledger identity as one string (itemType, hubspotObject, itemKey). */
export const setupItemIdentity = (item: Pick<SetupItem, 'itemType' | 'hubspotObject' | 'itemKey'>): string =>
  `${item.itemType}\u0000${item.hubspotObject ?? ''}\u0000${item.itemKey}`;

const probabilityOf = (sourcePercent: number | null, rounded: number): number => {
  if (sourcePercent === null) return rounded;
  const exact = sourcePercent / 100;
  // Open stages stay within 0.1–0.9: HubSpot reads 1.0 and 0.0 as closed won and lost.
  return exact >= 0.1 && exact <= 0.9 ? exact : rounded;
};

function propertyItems(selection: SetupSelection, sourceName: string): SetupItem[] {
  const groupLabel = (objectType: string, name: string | null) =>
    selection.propertyGroups.find((group) => group.objectType === objectType && group.name === name)?.label ?? null;
  const created = selection.properties.filter((property) => property.action === 'create');
  const items: SetupItem[] = created.map((property) => ({
    task: 'properties',
    itemType: 'property',
    hubspotObject: property.objectType,
    itemKey: property.name,
    label: property.label,
    kind: 'property',
    objectType: property.objectType,
    groupLabel: groupLabel(property.objectType, property.groupName),
    definition: {
      name: property.name,
      label: property.label,
      type: property.type,
      fieldType: property.fieldType,
      groupName: property.groupName ?? '',
      ...(property.references === 'owner' ? { referencedObjectType: 'OWNER' as const, externalOptions: true } : {}),
      ...(property.options && property.references === null
        ? {
            options: property.options.map((option, displayOrder) => ({
              label: option.label,
              value: option.value,
              displayOrder,
              hidden: false,
            })),
          }
        : {}),
    },
  }));
  // A field mapped onto an existing enumeration: setup adds the options that property lacks.
  for (const property of selection.properties) {
    if (property.action !== 'existing' || property.options === null || property.references !== null) continue;
    items.push({
      task: 'properties',
      itemType: 'property',
      hubspotObject: property.objectType,
      itemKey: property.name,
      label: property.label,
      kind: 'property_options',
      objectType: property.objectType,
      name: property.name,
      options: property.options,
    });
  }
  // Lineage, per source object: the source record's id (the sync's upsert key, unique where HubSpot allows
  // it) and a link to it. `__` keeps these names apart from every field's created name (map-catalog.ts).
  for (const group of selection.propertyGroups) {
    const row = { propertyGroup: { name: group.name } };
    const lineage: [name: string, label: string, extra: Partial<HubSpotPropertyCreate>][] = [
      [
        sourceIdProperty(row),
        `${sourceName} record ID (${group.objectKey})`,
        UNIQUE_VALUE_OBJECTS.has(group.objectType) ? { hasUniqueValue: true } : {},
      ],
      [sourceLinkProperty(row), `${sourceName} record link (${group.objectKey})`, {}],
    ];
    for (const [name, label, extra] of lineage) {
      items.push({
        task: 'properties',
        itemType: 'property',
        hubspotObject: group.objectType,
        itemKey: name,
        label,
        kind: 'property',
        objectType: group.objectType,
        groupLabel: group.label,
        definition: { name, label, type: 'string', fieldType: 'text', groupName: group.name, ...extra },
      });
    }
  }
  for (const label of selection.associationLabels) {
    items.push({
      task: 'properties',
      itemType: 'association_label',
      hubspotObject: label.fromObjectType,
      itemKey: `${label.toObjectType}/${label.name}`,
      label: label.label,
      kind: 'association_label',
      from: label.fromObjectType,
      to: label.toObjectType,
      name: label.name,
    });
  }
  return items;
}

function pipelineItems(selection: SetupSelection): SetupItem[] {
  return selection.pipelines.map((pipeline) => ({
    task: 'pipelines',
    itemType: 'pipeline',
    hubspotObject: 'deals',
    itemKey: pipelineItemKey(pipeline.sourcePipelineId),
    label: pipeline.label,
    kind: 'pipeline',
    stages: pipeline.stages.map((stage) => ({
      key: stage.sourceStageId === null ? stageKey(stage.closed ?? 'won', true) : stageKey(stage.sourceStageId, false),
      label: stage.label,
      displayOrder: stage.displayOrder,
      probability:
        stage.closed === null ? probabilityOf(stage.sourceProbability, stage.probability) : stage.probability,
      roundedProbability: stage.probability,
      closed: stage.closed !== null,
    })),
  }));
}

function ownerItems(selection: SetupSelection): SetupItem[] {
  const invited = new Set(selection.owners.invite.map((user) => user.sourceUserId));
  return selection.owners.map.map((owner) => ({
    task: 'owners',
    itemType: 'owner',
    hubspotObject: null,
    itemKey: owner.sourceUserId,
    label: owner.email ? `${owner.name} <${owner.email}>` : owner.name,
    kind: 'owner',
    email: owner.email,
    hubspotOwnerId: owner.hubspotOwnerId,
    invite: invited.has(owner.sourceUserId),
  }));
}

/** The backfill workflows' deal properties: the created properties holding the source's create and close times. */
function workflowItems(selection: SetupSelection, sourceName: string, fields: RecordShape['fields']): SetupItem[] {
  const dealProperty = (field: string) =>
    selection.properties.find(
      (property) => property.objectType === 'deals' && property.sourceField === field && property.action === 'create',
    )?.name;
  const specs: WorkflowSpec[] = [];
  const added = dealProperty(fields.createdAt);
  const closed = dealProperty(fields.closedAt);
  if (selection.workflows.createDate && added)
    specs.push({
      date: 'create_date',
      name: `Smart Transfer: keep the ${sourceName} create date on deals`,
      fromProperty: added,
      toProperty: 'createdate',
    });
  if (selection.workflows.closeDate && closed)
    specs.push({
      date: 'close_date',
      name: `Smart Transfer: keep the ${sourceName} close date on deals`,
      fromProperty: closed,
      toProperty: 'closedate',
    });
  return specs.map((workflow) => ({
    task: 'workflows',
    itemType: 'workflow',
    hubspotObject: 'deals',
    itemKey: workflow.date,
    label: workflow.name,
    kind: 'workflow',
    workflow,
  }));
}

/**
 * HubSpot keys pipelines by label and association labels by label per object pair, where the source may
 * repeat a name: the later item of a repeated one clashes (it fails with this reason, never reusing the
 * first one's HubSpot item as if it were its own).
 */
function markClashes(items: SetupItem[]): SetupItem[] {
  const seen = new Set<string>();
  return items.map((item) => {
    const identity =
      item.kind === 'pipeline'
        ? `pipeline/${item.label.trim().toLowerCase()}`
        : item.kind === 'association_label'
          ? `label/${item.from}/${item.to}/${item.label.trim().toLowerCase()}`
          : null;
    if (identity === null) return item;
    if (!seen.has(identity)) {
      seen.add(identity);
      return item;
    }
    const what = item.kind === 'association_label' ? `association label from ${item.from} to ${item.to}` : 'pipeline';
    return {
      ...item,
      clash: `Another ${what} of the selection is already named “${item.label}”, and HubSpot allows the name once. Rename one of them in the source, or leave one out, then run setup again.`,
    };
  });
}

/**
 * Every item setup creates or reuses for a selection, in task order, each with its deterministic ledger
 * key. Pure: the same selection always gives the same items.
 */
export function setupItems(
  selection: SetupSelection,
  sourceName: string,
  /** The source's fields by role (its record shape): which ones hold the create and close times. */
  fields: RecordShape['fields'],
): SetupItem[] {
  const groups: SetupItem[] = selection.propertyGroups.map((group) => ({
    task: 'groups',
    itemType: 'property_group',
    hubspotObject: group.objectType,
    itemKey: group.name,
    label: group.label,
    kind: 'property_group',
    objectType: group.objectType,
    name: group.name,
  }));
  const currencies: SetupItem[] = selection.currencies.map(({ code, rate }) => ({
    task: 'currencies',
    itemType: 'currency',
    hubspotObject: null,
    itemKey: code,
    label: code,
    kind: 'currency',
    code,
    rate,
  }));
  return markClashes([
    ...groups,
    ...propertyItems(selection, sourceName),
    ...pipelineItems(selection),
    ...ownerItems(selection),
    ...currencies,
    ...workflowItems(selection, sourceName, fields),
  ]);
}
