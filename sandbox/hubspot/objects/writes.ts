/**
 * Record writes in two steps, so that a refused request writes nothing: `prepare` validates an input
 * (values, object rules, unique conflicts, inline associations) and throws HubSpot's error;
 * `commit` stores it, keeps calculated values in step, and tells the flow runner.
 */
import type { AssociationTypeDef } from '../associations/types.js';
import { apiError, HubSpotError, validationError } from '../errors.js';
import { isRecord } from '../input.js';
import { findObjectType, type ObjectType } from '../object-types.js';
import type { Portal } from '../portal.js';
import { applyClosingRules, applyCreateDefaults, checkRecordRules, derivedValues } from './rules.js';
import { addVersion, type CrmRecord, uniqueKey } from './store.js';
import { type PropertyValueError, validateValues } from './validation.js';

/** What happened to a record, for the flow runner (enrolment on create or on property change). */
export interface WriteEvent {
  type: ObjectType;
  record: CrmRecord;
  isCreate: boolean;
  changed: string[];
}

export interface WriteContext {
  portal: Portal;
  type: ObjectType;
  at: string;
  /** Unique values claimed by earlier inputs of the same batch ("property\0value" → input index and record id). */
  claimed: Map<string, { index: number; id: string }>;
  /** Writes made by HubSpot itself (workflows) may set read-only values. */
  internal?: boolean;
  afterWrite?: (event: WriteEvent) => void;
}

export interface PreparedWrite {
  existing?: CrmRecord;
  /** The record's id: the existing one, or a new id taken at prepare time (a refused batch leaves a gap, as ids in HubSpot do). */
  id: string;
  changes: Record<string, string>;
  associations: Array<{ toType: ObjectType; toId: string; def: AssociationTypeDef }>;
}

export function writeContext(
  portal: Portal,
  type: ObjectType,
  at: string,
  afterWrite?: (event: WriteEvent) => void,
): WriteContext {
  return { portal, type, at, claimed: new Map(), ...(afterWrite ? { afterWrite } : {}) };
}

/** 400 VALIDATION_ERROR "Property values were not valid: [...]" listing every bad value. */
export function propertyValuesError(portalId: number, errors: PropertyValueError[]): HubSpotError {
  const entries = errors.map((e) => ({
    isValid: false,
    message: e.message,
    error: e.code,
    name: e.name,
    localizedErrorMessage: e.message,
    ...(e.value !== '' ? { propertyValue: e.value } : {}),
    portalId,
  }));
  return apiError(400, {
    category: 'VALIDATION_ERROR',
    message: `Property values were not valid: ${JSON.stringify(entries)}`,
    errors: errors.map((e) => ({ message: e.message, code: e.code, context: { propertyName: [e.name] } })),
  });
}

/**
 * A create missing required properties answers 400 "Error creating NOTE. Some required properties
 * were not set." with `context.properties` (HubSpot/hubspot-api-nodejs#124), not the property-values
 * body; other bad values answer "Property values were not valid".
 */
function requiredOrValuesError(ctx: WriteContext, isCreate: boolean, errors: PropertyValueError[]): HubSpotError {
  const missing = errors.filter((e) => e.code === 'REQUIRED_PROPERTY').map((e) => e.name);
  if (!isCreate || missing.length === 0) return propertyValuesError(ctx.portal.id, errors);
  return validationError(`Error creating ${ctx.type.singular.toUpperCase()}. Some required properties were not set.`, {
    context: { properties: missing },
  });
}

/** The properties that must be unique on this object: email on contacts plus hasUniqueValue properties. */
export function uniquePropertyNames(portal: Portal, type: ObjectType): string[] {
  const custom = portal.properties.uniqueProperties(type).map((p) => p.name);
  return type.builtInUniqueProperty ? [type.builtInUniqueProperty, ...custom] : custom;
}

/**
 * 409 as HubSpot words it: "Contact already exists. Existing ID: N" (updated 409 body, community
 * thread 951534); the same wording for other unique properties so clients can parse the id.
 */
function conflictError(type: ObjectType, property: string, value: string, existingId: string): HubSpotError {
  const isEmail = property === 'email';
  const what = isEmail ? 'Contact' : `${type.singular.charAt(0).toUpperCase()}${type.singular.slice(1)}`;
  return apiError(409, {
    category: 'OBJECT_ALREADY_EXISTS',
    message: `${what} already exists. Existing ID: ${existingId}`,
    errors: [
      {
        message: `A ${type.singular} with ${property} ${value} already exists. Existing ID: ${existingId}`,
        in: property,
      },
    ],
    extra: isEmail ? { error: 'CONTACT_EXISTS' } : {},
  });
}

function checkUnique(ctx: WriteContext, index: number, changes: Record<string, string>, selfId: string): void {
  const claims: string[] = [];
  for (const property of uniquePropertyNames(ctx.portal, ctx.type)) {
    const value = changes[property];
    if (value === undefined || value === '') continue;
    const holder = ctx.portal.records.findUnique(ctx.type, property, value);
    if (holder && holder.id !== selfId) throw conflictError(ctx.type, property, value, holder.id);
    const claim = `${property}\u0000${uniqueKey(property, value)}`;
    const claimedBy = ctx.claimed.get(claim);
    // Two inputs of one batch with the same value: 409 naming the earlier input's record the way a
    // stored one is named (Joystream/youtube-synch#355 saw "Contact already exists" for it). Nothing is
    // written, as for any failure of a batch without trace ids.
    if (claimedBy !== undefined && claimedBy.index !== index)
      throw conflictError(ctx.type, property, value, claimedBy.id);
    claims.push(claim);
  }
  // Claimed only once the whole input passed, so a refused input never blocks a later one.
  for (const claim of claims) ctx.claimed.set(claim, { index, id: selfId });
}

function parseAssociations(ctx: WriteContext, raw: unknown): PreparedWrite['associations'] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw validationError('associations must be an array of { to: { id }, types: [...] }');
  return raw.flatMap((entry: unknown) => {
    const to = isRecord(entry) && isRecord(entry['to']) ? entry['to'] : undefined;
    const types = isRecord(entry) && Array.isArray(entry['types']) ? entry['types'] : undefined;
    if (!to || types === undefined || to['id'] === undefined)
      throw validationError('Each association needs to.id and types');
    const toId = String(to['id']);
    return types.map((spec: unknown) => {
      const category = isRecord(spec) ? String(spec['associationCategory']) : '';
      const typeId = isRecord(spec) ? Number(spec['associationTypeId']) : Number.NaN;
      const def = ctx.portal.associationTypes.find(category, typeId, ctx.type);
      const toType = def ? findObjectType(def.to) : undefined;
      if (!def || !toType)
        throw validationError(`${category} association type ${typeId} is not valid for ${ctx.type.name}`);
      const target = ctx.portal.records.get(toType, toId);
      if (!target || target.archived)
        throw validationError(`Cannot associate to ${toType.singular} ${toId}: it does not exist`);
      return { toType, toId, def };
    });
  });
}

/** Validates one input; `index` tells batch inputs apart for in-batch unique checks. */
export function prepare(
  ctx: WriteContext,
  index: number,
  existing: CrmRecord | undefined,
  rawProperties: unknown,
  rawAssociations?: unknown,
): PreparedWrite {
  const current = existing?.properties ?? {};
  const { values, errors } = validateValues(ctx.portal, ctx.type, rawProperties, current, ctx.at, ctx.internal);
  if (!existing) applyCreateDefaults(ctx.portal, ctx.type, values);
  const merged = { ...current, ...values };
  for (const [name, value] of Object.entries(merged)) if (value === '') delete merged[name];
  errors.push(...checkRecordRules(ctx.portal, ctx.type, merged, values, !existing));
  if (errors.length > 0) throw requiredOrValuesError(ctx, !existing, errors);
  applyClosingRules(ctx.portal, ctx.type, current, values, ctx.at);
  const associations = parseAssociations(ctx, rawAssociations);
  const id = existing?.id ?? ctx.portal.records.nextId(ctx.type);
  checkUnique(ctx, index, values, id);
  return { ...(existing ? { existing } : {}), id, changes: values, associations };
}

/** Stores a prepared write; returns the record (new or updated). */
export function commit(ctx: WriteContext, prepared: PreparedWrite): CrmRecord {
  const { portal, type, at } = ctx;
  const isCreate = !prepared.existing;
  const sourceType = ctx.internal ? 'AUTOMATION_PLATFORM' : 'INTEGRATION';
  const record: CrmRecord = prepared.existing ?? {
    id: prepared.id,
    properties: {},
    history: {},
    createdBy: sourceType,
    createdAt: at,
    updatedAt: at,
    archived: false,
  };
  const before = { ...record.properties };
  const system: Record<string, string> = isCreate
    ? { hs_object_id: record.id, [type.createdProperty]: at, hs_createdate: at }
    : {};
  const changes = { ...prepared.changes, ...system, [type.modifiedProperty]: at, hs_lastmodifieddate: at };
  for (const [name, value] of Object.entries(changes)) {
    if (!portal.properties.live(type, name)) continue;
    if (value === '') delete record.properties[name];
    else record.properties[name] = value;
  }
  Object.assign(record.properties, derivedValues(portal, type, record.properties, at));
  const changed = Object.keys(record.properties)
    .filter((name) => record.properties[name] !== before[name])
    .concat(Object.keys(before).filter((name) => record.properties[name] === undefined));
  // A new record's values are its creation versions (versionsOf); later changes are kept as versions.
  if (!isCreate)
    for (const name of changed)
      addVersion(record, name, before, { value: record.properties[name] ?? '', timestamp: at, sourceType });
  record.updatedAt = at;
  const uniques = uniquePropertyNames(portal, type);
  if (isCreate) portal.records.insert(type, record, uniques);
  else portal.records.reindex(type, record, before, uniques);
  for (const association of prepared.associations) {
    portal.associations.add(
      { type, id: record.id },
      { type: association.toType, id: association.toId },
      association.def,
    );
  }
  ctx.afterWrite?.({ type, record, isCreate, changed });
  return record;
}

/** prepare + commit for one record; the single-object endpoints use it. */
export function writeOne(
  ctx: WriteContext,
  existing: CrmRecord | undefined,
  rawProperties: unknown,
  rawAssociations?: unknown,
): CrmRecord {
  return commit(ctx, prepare(ctx, 0, existing, rawProperties, rawAssociations));
}
