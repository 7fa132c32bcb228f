import type { AuditField, TransferSettings } from '../../../../shared/src/contracts/index.js';
import type { SourceRecord } from '../../sources/connector.js';
import type { RecordShape } from '../../sources/record-shape.js';
import { recordShapeOf } from '../../sources/record-shapes.js';
import { emailsOf } from './contact-values.js';
import { closedStageItemKey, pipelineItemKey, sourceIdProperty, sourceLinkProperty, stageItemKey } from './lineage.js';
import type { MappingPlan, PlannedObject } from './mapping-plan.js';
import { holdsOtherEmails, type OtherEmailsTarget, otherEmailsTarget, otherEmailsValue } from './other-emails.js';
import { planLookups } from './plan-lookups.js';
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

/** Where a field's values go as they are converted (no list of writes per field and record). */
interface WriteSink {
  property(name: string, value: string): void;
  association(reference: SourceReference): void;
  pending(value: PendingValue): void;
}

/** Into the record's input. */
class RecordWrites implements WriteSink {
  constructor(private readonly output: HubSpotRecordInput) {}
  property(name: string, value: string): void {
    this.output.properties[name] = value;
  }
  association(reference: SourceReference): void {
    this.output.associations.push(reference);
  }
  pending(value: PendingValue): void {
    this.output.pending.push(value);
  }
}

/** A field mapped onto an existing property: only the value its own first property would have had. */
class FirstProperty implements WriteSink {
  value: string | null = null;
  property(_name: string, value: string): void {
    this.value ??= value;
  }
  association(): void {}
  pending(): void {}
}

function ownerFor(context: FieldContext, userId: string | null): string | null {
  if (userId === null) return null;
  const { settings } = context;
  if (Object.hasOwn(settings.ownerOverrides, userId)) return settings.ownerOverrides[userId] ?? null;
  return planLookups(context.plan).ownerOf.get(userId) ?? settings.defaultOwnerId;
}

function idWrite(context: FieldContext, sink: WriteSink, property: string, itemKey: string): void {
  const id = context.pipelineIds.get(itemKey);
  if (id === undefined) sink.pending({ property, itemKey });
  else sink.property(property, id);
}

/** The source object whose records become `hubspotObject` (the plan row taking every record of it), if any. */
export function sourceObjectOf(plan: MappingPlan, hubspotObject: string): string | null {
  return planLookups(plan).sourceObjectOf(hubspotObject);
}

/** What one field's values become, written to `sink`. */
function fieldWrites(context: FieldContext, field: AuditField, value: unknown, sink: WriteSink): void {
  for (const target of field.targets) {
    switch (target.kind) {
      case 'association': {
        const sourceObject = sourceObjectOf(context.plan, target.objectType);
        for (const sourceId of optionIds(value))
          sink.association({
            field: field.key,
            hubspotObject: target.objectType,
            sourceObject,
            sourceId,
            label: target.name,
          });
        break;
      }
      case 'owner': {
        if (context.settings.dataTypes.users === false) break;
        const owner = ownerFor(context, idOf(value));
        if (owner !== null) sink.property(target.name, owner);
        break;
      }
      case 'pipeline': {
        const pipelineId = idOf(value);
        if (pipelineId !== null) idWrite(context, sink, target.name, pipelineItemKey(pipelineId));
        break;
      }
      case 'stage': {
        // The stage comes from the stage field, the status only decides open or closed.
        const { shape, record } = context;
        if (field.key !== shape.fields.stage) break;
        const stageId = idOf(shape.stage(record));
        if (stageId === null) break;
        const pipelineId =
          idOf(shape.pipeline(record)) ?? planLookups(context.plan).pipelineOfStage.get(stageId) ?? null;
        if (pipelineId === null) break;
        const status = shape.status(record);
        const key =
          status === 'won' || status === 'lost'
            ? closedStageItemKey(pipelineId, status)
            : stageItemKey(pipelineId, stageId);
        idWrite(context, sink, target.name, key);
        break;
      }
      default: {
        const written = targetValue(context, field, target, value);
        if (written !== null) sink.property(target.name, written);
      }
    }
  }
}

/** The plan row that takes a record of `sourceObject` (activities: by the record's type and the settings' remapping). */
export function rowForRecord(
  plan: MappingPlan,
  settings: TransferSettings,
  sourceObject: string,
  record: SourceRecord,
  shape: RecordShape = recordShapeOf(plan.source),
): PlannedObject | null {
  const rows = planLookups(plan).rowsOf(sourceObject);
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

/** A field the row maps, with what the settings chose for it. */
interface MappedField {
  field: AuditField;
  choice: { mode: 'create' } | { mode: 'existing'; hubspotProperty: string };
  /** Its first target is the contact's `email`: its values are checked and the others kept apart. */
  takesEmail: boolean;
  holdsOtherEmails: boolean;
}

/** What a row maps under the settings, the same for each of its records: worked out once per row and settings. */
interface RowMapping {
  fields: MappedField[];
  otherEmails: OtherEmailsTarget;
  sourceIdProperty: string;
  sourceLinkProperty: string;
  /** The group's name after the source prefix (`pipedrive_deal` → deal): the record link's path. */
  linkSingular: string;
}

function rowMappingOf(plan: MappingPlan, settings: TransferSettings, row: PlannedObject): RowMapping {
  const choices = Object.hasOwn(settings.fields, row.key) ? settings.fields[row.key] : undefined;
  const propertiesType = PROPERTY_DATA_TYPES[row.hubspotObject];
  const customOff = propertiesType !== undefined && settings.dataTypes[propertiesType] === false;
  const fields: MappedField[] = [];
  for (const field of plan.fields[row.key] ?? []) {
    if (!field.supported || (field.isCustom && customOff)) continue;
    const choice = (choices && Object.hasOwn(choices, field.key) ? choices[field.key] : undefined) ?? {
      mode: 'create',
    };
    if (choice.mode === 'exclude') continue;
    fields.push({
      field,
      choice,
      takesEmail: field.targets.some((target) => target.kind === 'standard' && target.name === 'email'),
      holdsOtherEmails: holdsOtherEmails(field),
    });
  }
  const group = row.propertyGroup.name;
  return {
    fields,
    otherEmails: otherEmailsTarget(settings, row),
    sourceIdProperty: sourceIdProperty(row),
    sourceLinkProperty: sourceLinkProperty(row),
    linkSingular: group.slice(group.indexOf('_') + 1),
  };
}

/**
 * Row mappings by settings, then row: the sync maps every record of a row with the same settings and plan
 * objects (contract values, never changed once read), so the work is done once per row, not per record.
 */
const rowMappings = new WeakMap<TransferSettings, WeakMap<PlannedObject, { plan: MappingPlan; mapping: RowMapping }>>();

function cachedRowMapping(plan: MappingPlan, settings: TransferSettings, row: PlannedObject): RowMapping {
  let byRow = rowMappings.get(settings);
  if (!byRow) {
    byRow = new WeakMap();
    rowMappings.set(settings, byRow);
  }
  const known = byRow.get(row);
  if (known && known.plan === plan) return known.mapping;
  const mapping = rowMappingOf(plan, settings, row);
  byRow.set(row, { plan, mapping });
  return mapping;
}

const NO_PIPELINE_IDS: ReadonlyMap<string, string> = new Map();

export function mapRecord(input: {
  row: PlannedObject;
  record: SourceRecord;
  settings: TransferSettings;
  plan: MappingPlan;
  context: MapperContext;
}): HubSpotRecordInput {
  const { row, record, settings, plan } = input;
  const mapping = cachedRowMapping(plan, settings, row);
  const warnings: string[] = [];
  const context: FieldContext = {
    row,
    plan,
    settings,
    record,
    shape: input.context.shape ?? recordShapeOf(plan.source),
    timeZone: knownTimeZone(input.context.timeZone),
    pipelineIds: input.context.pipelineIds ?? NO_PIPELINE_IDS,
    warnings,
  };
  const output: HubSpotRecordInput = {
    objectKey: row.key,
    hubspotObject: row.hubspotObject,
    properties: {},
    associations: [],
    pending: [],
    additionalEmails: [],
    warnings,
  };
  const { properties } = output;
  const writes = new RecordWrites(output);
  for (const { field, choice, takesEmail, holdsOtherEmails } of mapping.fields) {
    const value = record.values[field.key];
    if (takesEmail) {
      const emails = emailsOf(value);
      for (const invalid of emails.invalid) {
        warnings.push(`“${invalid}” is not an e-mail address HubSpot takes; left out.`);
      }
      if (choice.mode === 'create' && holdsOtherEmails && emails.others.length > 0) {
        const target = mapping.otherEmails;
        if (target.kind === 'secondary_emails') output.additionalEmails.push(...emails.others);
        else if (target.kind === 'property') properties[target.name] = otherEmailsValue(emails.others);
        else
          warnings.push(
            `The other e-mail addresses (${emails.others.join(', ')}) have no property while contact properties are off; left out.`,
          );
      }
    }
    if (choice.mode === 'existing') {
      // The chosen property takes the value the field's own (first) property would have had.
      const first = new FirstProperty();
      fieldWrites(context, field, value, first);
      if (first.value !== null) properties[choice.hubspotProperty] = first.value;
    } else fieldWrites(context, field, value, writes);
  }
  // Lineage, whatever the field choices: the sync finds the record again by its source id.
  properties[mapping.sourceIdProperty] = record.id;
  const base = input.context.recordLinkBase;
  if (base !== null) properties[mapping.sourceLinkProperty] = recordLink(base, mapping.linkSingular, record.id);
  return output;
}

/** `<base>/<singular>/<id>`. */
function recordLink(base: string, singular: string, id: string): string {
  return `${base.replace(/\/+$/, '')}/${singular}/${encodeURIComponent(id)}`;
}
