import type { AuditField, TransferSettings } from '../../../../shared/src/contracts/index.js';
import type { SourceRecord } from '../../sources/connector.js';
import type { RecordShape } from '../../sources/record-shape.js';
import { recordShapeOf } from '../../sources/record-shapes.js';
import { emailsOf } from './contact-values.js';
import { closedStageItemKey, pipelineItemKey, sourceIdProperty, sourceLinkProperty, stageItemKey } from './lineage.js';
import type { MappingPlan, PlannedObject } from './mapping-plan.js';
import { holdsOtherEmails, otherEmailsTarget, otherEmailsValue } from './other-emails.js';
import { type FieldContext, targetValue } from './property-values.js';
import { idOf, optionIds } from './source-values.js';
import { knownTimeZone } from './time-values.js';

/**
 * The pure record mapper the sync applies and the record preview shows: one source record, the
 * connection's settings and the audit's plan → the HubSpot input it becomes. Property names come from
 * the plan's field targets (and lineage.ts); values are converted by the kind of their target.
 */

export interface MapperContext {
  /** The source account's time zone (IANA); days without a time start at its midnight. */
  timeZone: string | null;
  /** Where the source app shows records (Pipedrive: the account's https://<company>.pipedrive.com). */
  recordLinkBase: string | null;
  /** HubSpot ids of the pipelines and stages setup created, by their lineage item key; empty before setup. */
  pipelineIds?: ReadonlyMap<string, string>;
  /** Where the source's records keep owner, stage, status, times… (default: the plan's source module's). */
  shape?: RecordShape;
}

/** An association, as the source names it: the sync (or the preview) finds its HubSpot id in the id map. */
export interface SourceReference {
  /** The source field that holds it. */
  field: string;
  hubspotObject: string;
  /** The source object whose id it is (null when no row of the plan takes that HubSpot object). */
  sourceObject: string | null;
  sourceId: string;
  /** The association's label: `primary`, `unlabeled` or the custom label setup creates. */
  label: string;
}

/** A property whose value is a HubSpot id setup creates (a pipeline or a stage) that is not known yet. */
export interface PendingValue {
  property: string;
  itemKey: string;
}

export interface HubSpotRecordInput {
  /** The plan row (object key) that mapped it. */
  objectKey: string;
  hubspotObject: string;
  properties: Record<string, string>;
  associations: SourceReference[];
  pending: PendingValue[];
  /**
   * A contact's other e-mail addresses, when the settings add them as HubSpot secondary e-mails (one call
   * each, after the record is written); by default they are in `properties` instead (other-emails.ts).
   */
  additionalEmails: string[];
  /** Source values left out and why (e.g. an invalid e-mail address). */
  warnings: string[];
}

/** The settings' data type that carries an object's custom properties. */
const PROPERTY_DATA_TYPES: Partial<Record<string, keyof TransferSettings['dataTypes']>> = {
  contacts: 'contact_properties',
  companies: 'company_properties',
  deals: 'deal_properties',
  products: 'product_properties',
};

type Write = { property: string; value: string } | { association: SourceReference } | { pending: PendingValue };

function ownerFor(context: FieldContext, userId: string | null): string | null {
  if (userId === null) return null;
  const { settings, plan } = context;
  if (Object.hasOwn(settings.ownerOverrides, userId)) return settings.ownerOverrides[userId] ?? null;
  return plan.owners.find((user) => user.id === userId)?.hubspotOwnerId ?? settings.defaultOwnerId;
}

function pipelineOfStage(context: FieldContext, stageId: string): string | null {
  return context.plan.pipelines.find((pipeline) => pipeline.stages.some((stage) => stage.id === stageId))?.id ?? null;
}

function idWrite(context: FieldContext, property: string, itemKey: string): Write {
  const id = context.pipelineIds.get(itemKey);
  return id === undefined ? { pending: { property, itemKey } } : { property, value: id };
}

/** The source object whose records become `hubspotObject` (the plan row taking every record of it), if any. */
export function sourceObjectOf(plan: MappingPlan, hubspotObject: string): string | null {
  return (
    plan.objects.find((row) => row.hubspotObject === hubspotObject && row.sourceTypes === null)?.sourceObject ?? null
  );
}

function fieldWrites(context: FieldContext, field: AuditField, value: unknown): Write[] {
  return field.targets.flatMap((target): Write[] => {
    switch (target.kind) {
      case 'association': {
        const sourceObject = sourceObjectOf(context.plan, target.objectType);
        return optionIds(value).map((sourceId) => ({
          association: {
            field: field.key,
            hubspotObject: target.objectType,
            sourceObject,
            sourceId,
            label: target.name,
          },
        }));
      }
      case 'owner': {
        if (context.settings.dataTypes.users === false) return [];
        const owner = ownerFor(context, idOf(value));
        return owner === null ? [] : [{ property: target.name, value: owner }];
      }
      case 'pipeline': {
        const pipelineId = idOf(value);
        return pipelineId === null ? [] : [idWrite(context, target.name, pipelineItemKey(pipelineId))];
      }
      case 'stage': {
        // The stage comes from the stage field, the status only decides open or closed.
        const { shape, record } = context;
        const stageId = idOf(shape.stage(record));
        if (field.key !== shape.fields.stage || stageId === null) return [];
        const pipelineId = idOf(shape.pipeline(record)) ?? pipelineOfStage(context, stageId);
        if (pipelineId === null) return [];
        const status = shape.status(record);
        const key =
          status === 'won' || status === 'lost'
            ? closedStageItemKey(pipelineId, status)
            : stageItemKey(pipelineId, stageId);
        return [idWrite(context, target.name, key)];
      }
      default: {
        const written = targetValue(context, field, target, value);
        return written === null ? [] : [{ property: target.name, value: written }];
      }
    }
  });
}

/** The plan row that takes a record of `sourceObject` (activities: by the record's type and the settings' remapping). */
export function rowForRecord(
  plan: MappingPlan,
  settings: TransferSettings,
  sourceObject: string,
  record: SourceRecord,
  shape: RecordShape = recordShapeOf(plan.source),
): PlannedObject | null {
  const rows = plan.objects.filter((row) => row.sourceObject === sourceObject);
  if (rows.every((row) => row.sourceTypes === null)) return rows[0] ?? null;
  const type = idOf(shape.activityType(record));
  const target =
    (type !== null && Object.hasOwn(settings.activityTypes, type) ? settings.activityTypes[type] : undefined) ??
    plan.activityTypes.find((candidate) => candidate.key === type)?.hubspotObject;
  return (
    rows.find((row) => row.hubspotObject === target) ??
    rows.find((row) => type !== null && row.sourceTypes?.includes(type)) ??
    rows.find((row) => row.takesOtherTypes) ??
    null
  );
}

export function mapRecord(input: {
  row: PlannedObject;
  record: SourceRecord;
  settings: TransferSettings;
  plan: MappingPlan;
  context: MapperContext;
}): HubSpotRecordInput {
  const { row, record, settings, plan } = input;
  const context: FieldContext = {
    row,
    plan,
    settings,
    record,
    shape: input.context.shape ?? recordShapeOf(plan.source),
    timeZone: knownTimeZone(input.context.timeZone),
    pipelineIds: input.context.pipelineIds ?? new Map(),
    warnings: [],
  };
  const output: HubSpotRecordInput = {
    objectKey: row.key,
    hubspotObject: row.hubspotObject,
    properties: {},
    associations: [],
    pending: [],
    additionalEmails: [],
    warnings: context.warnings,
  };
  const choices = Object.hasOwn(settings.fields, row.key) ? settings.fields[row.key] : undefined;
  const propertiesType = PROPERTY_DATA_TYPES[row.hubspotObject];
  const customOff = propertiesType !== undefined && settings.dataTypes[propertiesType] === false;
  for (const field of plan.fields[row.key] ?? []) {
    if (!field.supported || (field.isCustom && customOff)) continue;
    const choice = (choices && Object.hasOwn(choices, field.key) ? choices[field.key] : undefined) ?? {
      mode: 'create',
    };
    if (choice.mode === 'exclude') continue;
    const value = record.values[field.key];
    if (field.targets.some((target) => target.kind === 'standard' && target.name === 'email')) {
      const emails = emailsOf(value);
      for (const invalid of emails.invalid) {
        context.warnings.push(`“${invalid}” is not an e-mail address HubSpot takes; left out.`);
      }
      if (choice.mode === 'create' && holdsOtherEmails(field) && emails.others.length > 0) {
        const target = otherEmailsTarget(settings, row);
        if (target.kind === 'secondary_emails') output.additionalEmails.push(...emails.others);
        else if (target.kind === 'property') output.properties[target.name] = otherEmailsValue(emails.others);
        else
          context.warnings.push(
            `The other e-mail addresses (${emails.others.join(', ')}) have no property while contact properties are off; left out.`,
          );
      }
    }
    const writes = fieldWrites(context, field, value);
    if (choice.mode === 'existing') {
      // The chosen property takes the value the field's own (first) property would have had.
      const first = writes.find((write) => 'property' in write);
      if (first && 'property' in first) output.properties[choice.hubspotProperty] = first.value;
      continue;
    }
    for (const write of writes) {
      if ('property' in write) output.properties[write.property] = write.value;
      else if ('association' in write) output.associations.push(write.association);
      else output.pending.push(write.pending);
    }
  }
  // Lineage, whatever the field choices: the sync finds the record again by its source id.
  output.properties[sourceIdProperty(row)] = record.id;
  const link = recordLink(input.context.recordLinkBase, row, record.id);
  if (link !== null) output.properties[sourceLinkProperty(row)] = link;
  return output;
}

/** `<base>/<singular>/<id>`, the singular being the group's name after the source prefix (`pipedrive_deal` → deal). */
function recordLink(base: string | null, row: PlannedObject, id: string): string | null {
  if (base === null) return null;
  const singular = row.propertyGroup.name.slice(row.propertyGroup.name.indexOf('_') + 1);
  return `${base.replace(/\/+$/, '')}/${singular}/${encodeURIComponent(id)}`;
}
