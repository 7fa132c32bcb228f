import type { AuditField, DataType, TransferSettings } from '../../../../shared/src/contracts/index.js';
import { SOURCES } from '../../sources/index.js';
import type { MappingPlan, PlannedObject } from '../mapping/mapping-plan.js';
import { holdsOtherEmails, otherEmailsTarget } from '../mapping/other-emails.js';

/** A property group setup creates (or reuses by name) for one plan object row's created properties. */
export interface SelectedPropertyGroup {
  objectType: string;
  /** The plan object row the group is for. */
  objectKey: string;
  name: string;
  label: string;
}

export interface SelectedOption {
  /** The option's internal value: the source option id (the mapper writes it). */
  value: string;
  label: string;
}

/**
 * One HubSpot property a chosen source field needs. `create`: setup creates it (or reuses one of the same
 * name and type). `existing`: the user mapped the field onto a portal property; setup creates nothing but
 * adds the `options` the property lacks (enumerations only).
 */
export interface SelectedProperty {
  action: 'create' | 'existing';
  objectType: string;
  /** The plan object row and source field the property takes its values from. */
  objectKey: string;
  sourceField: string;
  name: string;
  label: string;
  type: string;
  fieldType: string;
  /** The group created properties go in (the row's group); for `existing`, null (the property keeps its own). */
  groupName: string | null;
  /** For enumerations: the options the property must have (created with them, or the missing ones added). */
  options: SelectedOption[] | null;
  /** `owner`: the options are the portal's HubSpot owners (user fields), not source options. */
  references: 'owner' | null;
}

/** A custom association label a labelled reference field needs (e.g. a custom "organization" field on deals). */
export interface SelectedAssociationLabel {
  fromObjectType: string;
  toObjectType: string;
  objectKey: string;
  sourceField: string;
  name: string;
  label: string;
}

export interface SelectedStage {
  /** The source stage id, or null for the Closed won / Closed lost stages HubSpot needs. */
  sourceStageId: string | null;
  label: string;
  displayOrder: number;
  /** HubSpot's probability 0.0–1.0 (plan's rounding); setup may try `sourceProbability` first. */
  probability: number;
  sourceProbability: number | null;
  /** won / lost for the closed stages (probability 1.0 / 0.0), null for open ones. */
  closed: 'won' | 'lost' | null;
}

export interface SelectedPipeline {
  sourcePipelineId: string;
  label: string;
  stages: SelectedStage[];
}

export interface SelectedOwner {
  sourceUserId: string;
  name: string;
  email: string | null;
  /** The HubSpot owner records of this user go to, or null (the default owner, else unassigned). */
  hubspotOwnerId: string | null;
  /** How the owner was chosen. */
  via: 'email' | 'override' | 'none';
}

/** What setup must create or reuse, exactly: everything the settings chose on the plan, nothing else. */
export interface SetupSelection {
  auditId: string;
  propertyGroups: SelectedPropertyGroup[];
  properties: SelectedProperty[];
  associationLabels: SelectedAssociationLabel[];
  /** Empty when the pipelines data type is off. */
  pipelines: SelectedPipeline[];
  owners: {
    /** Every source user (when the users data type is on), with the owner its records get. */
    map: SelectedOwner[];
    /** Users setup invites to HubSpot (only when `inviteMissingUsers` is on; those without an owner and with an e-mail). */
    invite: { sourceUserId: string; name: string; email: string }[];
    defaultOwnerId: string | null;
  };
  /** Currencies setup adds with the user's rate (setup reuses one the portal already has). */
  currencies: { code: string; rate: number }[];
  /** The two backfill workflows (create date, close date). */
  workflows: { createDate: boolean; closeDate: boolean };
  includeArchivedDeals: boolean;
  /** Plan object rows whose records the sync transfers (by key). */
  objects: string[];
}

const PROPERTY_DATA_TYPE: Partial<Record<string, DataType>> = {
  companies: 'company_properties',
  contacts: 'contact_properties',
  deals: 'deal_properties',
  products: 'product_properties',
};

const ACTIVITY_DATA_TYPE: Partial<Record<string, DataType>> = {
  calls: 'calls',
  emails: 'emails',
  meetings: 'meetings',
  notes: 'notes',
  tasks: 'tasks',
};

/** The data type an object row's records belong to (activities), or null when its records always move. */
export function recordDataType(object: Pick<PlannedObject, 'hubspotObject'>): DataType | null {
  return ACTIVITY_DATA_TYPE[object.hubspotObject] ?? null;
}

/** The data type that governs an object row's created properties. */
export function propertyDataType(object: Pick<PlannedObject, 'hubspotObject'>): DataType | null {
  return PROPERTY_DATA_TYPE[object.hubspotObject] ?? ACTIVITY_DATA_TYPE[object.hubspotObject] ?? null;
}

const sourceName = (plan: MappingPlan): string =>
  SOURCES.find((entry) => entry.id === plan.source)?.name ?? plan.source;

/** A property setup creates in the row's group for one of its source fields. */
const createdProperty = (
  object: PlannedObject,
  field: AuditField,
  property: Pick<SelectedProperty, 'name' | 'label' | 'type' | 'fieldType' | 'options' | 'references'>,
): SelectedProperty => ({
  action: 'create',
  objectType: object.hubspotObject,
  objectKey: object.key,
  sourceField: field.key,
  groupName: object.propertyGroup.name,
  ...property,
});

const on = (settings: TransferSettings, type: DataType): boolean => settings.dataTypes[type] !== false;

function selectProperties(plan: MappingPlan, settings: TransferSettings, objects: PlannedObject[]) {
  const groups: SelectedPropertyGroup[] = [];
  const properties: SelectedProperty[] = [];
  const associationLabels: SelectedAssociationLabel[] = [];
  for (const object of objects) {
    const governing = propertyDataType(object);
    const propertiesOn = governing === null || on(settings, governing);
    const choices = settings.fields[object.key] ?? {};
    let created = 0;
    for (const field of plan.fields[object.key] ?? []) {
      const choice = choices[field.key] ?? { mode: 'create' as const };
      if (!field.supported || choice.mode === 'exclude') continue;
      const options = field.options?.map(({ id, label }) => ({ value: id, label })) ?? null;
      for (const target of field.targets) {
        if (target.kind === 'association' && target.fieldType === 'USER_DEFINED') {
          associationLabels.push({
            fromObjectType: object.hubspotObject,
            toObjectType: target.objectType,
            objectKey: object.key,
            sourceField: field.key,
            name: target.name,
            label: target.label,
          });
        }
        // A link HubSpot cannot associate (`reference`, e.g. a product's organization field) is a text property
        // the mapper writes, so setup creates it like any created property.
        const isCreated =
          target.kind === 'created' ||
          target.kind === 'reference' ||
          (target.kind === 'owner' && target.name !== 'hubspot_owner_id');
        if (!isCreated || !propertiesOn) continue;
        const references = target.kind === 'owner' ? ('owner' as const) : null;
        const enumerated = target.type === 'enumeration' && references === null ? options : null;
        if (choice.mode === 'existing' && field.targets.length === 1) {
          properties.push({
            action: 'existing',
            objectType: object.hubspotObject,
            objectKey: object.key,
            sourceField: field.key,
            name: choice.hubspotProperty,
            label: target.label,
            type: target.type,
            fieldType: target.fieldType,
            groupName: null,
            options: enumerated,
            references,
          });
          continue;
        }
        created += 1;
        const { name, label, type, fieldType } = target;
        properties.push(
          createdProperty(object, field, { name, label, type, fieldType, options: enumerated, references }),
        );
      }
      const otherEmails = otherEmailsTarget(settings, object);
      if (propertiesOn && choice.mode === 'create' && holdsOtherEmails(field) && otherEmails.kind === 'property') {
        created += 1;
        properties.push(
          createdProperty(object, field, {
            name: otherEmails.name,
            label: `Other e-mails (${sourceName(plan)})`,
            type: 'string',
            fieldType: 'text',
            options: null,
            references: null,
          }),
        );
      }
    }
    if (created > 0) groups.push({ objectType: object.hubspotObject, objectKey: object.key, ...object.propertyGroup });
  }
  return { groups, properties, associationLabels };
}

function selectPipelines(plan: MappingPlan): SelectedPipeline[] {
  return plan.pipelines.map((pipeline) => {
    const open = [...pipeline.stages]
      .sort((a, b) => a.order - b.order)
      .map((stage, index): SelectedStage => ({
        sourceStageId: stage.id,
        label: stage.name,
        displayOrder: index,
        probability: stage.hubspotProbability,
        sourceProbability: stage.sourceProbability,
        closed: null,
      }));
    const closed = pipeline.closedStages.map((stage, index): SelectedStage => ({
      sourceStageId: null,
      label: stage.label,
      displayOrder: open.length + index,
      probability: stage.hubspotProbability,
      sourceProbability: null,
      closed: stage.hubspotProbability >= 1 ? 'won' : 'lost',
    }));
    return { sourcePipelineId: pipeline.id, label: pipeline.name, stages: [...open, ...closed] };
  });
}

function selectOwners(plan: MappingPlan, settings: TransferSettings): SetupSelection['owners'] {
  if (!on(settings, 'users')) return { map: [], invite: [], defaultOwnerId: settings.defaultOwnerId };
  const map = plan.owners.map((user): SelectedOwner => {
    const override = settings.ownerOverrides[user.id];
    return {
      sourceUserId: user.id,
      name: user.name,
      email: user.email,
      hubspotOwnerId: override ?? user.hubspotOwnerId,
      via: override !== undefined ? 'override' : user.hubspotOwnerId !== null ? 'email' : 'none',
    };
  });
  const invite = settings.inviteMissingUsers
    ? map.flatMap((owner) =>
        owner.hubspotOwnerId === null && owner.email !== null
          ? [{ sourceUserId: owner.sourceUserId, name: owner.name, email: owner.email }]
          : [],
      )
    : [];
  return { map, invite, defaultOwnerId: settings.defaultOwnerId };
}

/**
 * Exactly what setup must create or reuse for these settings on this plan: per object the property group
 * and properties (created or mapped onto existing ones, with the options to have; for contacts the "Other
 * e-mails" property unless secondary e-mails are chosen, mapping/other-emails.ts), custom association
 * labels, pipelines with their stages and Closed won/lost, the owner map and invitations, currencies with
 * rates, the backfill workflows and whether archived deals move. Pure: the settings are already validated.
 */
export function setupSelection(plan: MappingPlan, settings: TransferSettings): SetupSelection {
  const objects = plan.objects.filter((object) => {
    const type = recordDataType(object);
    return type === null || on(settings, type);
  });
  const { groups, properties, associationLabels } = selectProperties(plan, settings, objects);
  const hasDeals = objects.some((object) => object.hubspotObject === 'deals');
  const pipelinesOn = hasDeals && on(settings, 'pipelines');
  return {
    auditId: settings.auditId,
    propertyGroups: groups,
    properties,
    associationLabels,
    pipelines: pipelinesOn ? selectPipelines(plan) : [],
    owners: selectOwners(plan, settings),
    currencies: on(settings, 'currencies')
      ? Object.entries(settings.exchangeRates)
          .map(([code, rate]) => ({ code, rate }))
          .sort((a, b) => a.code.localeCompare(b.code))
      : [],
    workflows: {
      createDate: hasDeals && on(settings, 'workflows'),
      closeDate: on(settings, 'workflows') && pipelinesOn,
    },
    includeArchivedDeals: pipelinesOn && on(settings, 'archived_deals'),
    objects: objects.map((object) => object.key),
  };
}
