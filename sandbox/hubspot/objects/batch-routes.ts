/**
 * CRM objects v3 batch endpoints (100 inputs max). Multi-status: when every input carries an
 * `objectWriteTraceId`, a failing input fails alone and the response is 207 with its error under
 * `context.objectWriteTraceId`; otherwise the first failure fails the whole request and nothing is
 * written (https://developers.hubspot.com/docs/api-reference/error-handling#multi-status-errors).
 */
import type { Express } from 'express';
import { batchResponse, batchTimer, errorEntry, type StandardError } from '../batch.js';
import { apiError, HubSpotError, validationError } from '../errors.js';
import { batchInputs, isRecord, requireFields, stringField, type Json } from '../input.js';
import { objectTypeOf, type ObjectType } from '../object-types.js';
import type { Portal } from '../portal.js';
import { portalOf } from '../request-context.js';
import { checkIdProperty, findRecord } from './lookup.js';
import { archiveRecord, objectWrites } from './routes.js';
import { listParam, serializeRecord } from './serialize.js';
import type { CrmRecord } from './store.js';
import { commit, prepare, type PreparedWrite, type WriteContext } from './writes.js';

export const OBJECT_BATCH_MAX = 100;

const traceIdOf = (input: unknown): string | undefined => (isRecord(input) ? stringField(input, 'objectWriteTraceId') : undefined);

interface Prepared<T> {
  prepared: PreparedWrite;
  input: Json;
  extra: T;
}

/**
 * Prepares every input, then commits the ones that passed. `prepareOne` throws HubSpot errors;
 * `notFound` errors always stay per input, other errors only in multi-status mode.
 */
function runWrites<T>(
  ctx: WriteContext,
  inputs: unknown[],
  prepareOne: (input: Json, index: number) => { prepared: PreparedWrite; extra: T },
): { committed: Array<{ record: CrmRecord; input: Json; extra: T }>; errors: StandardError[] } {
  const multiStatus = inputs.length > 0 && inputs.every((input) => traceIdOf(input) !== undefined);
  const ready: Array<Prepared<T>> = [];
  const errors: StandardError[] = [];
  inputs.forEach((raw, index) => {
    if (!isRecord(raw)) throw validationError(`Invalid input JSON: input ${index} must be an object`);
    try {
      ready.push({ ...prepareOne(raw, index), input: raw });
    } catch (error) {
      const perInput = error instanceof HubSpotError && (multiStatus || error.httpStatus === 404);
      if (!perInput) throw error;
      const traceId = traceIdOf(raw);
      errors.push(errorEntry(error, traceId ? { objectWriteTraceId: [traceId] } : (error.body['context'] as Record<string, string[]> | undefined) ?? {}));
    }
  });
  const committed = ready.map(({ prepared, input, extra }) => ({ record: commit(ctx, prepared), input, extra }));
  return { committed, errors };
}

function withTrace<T extends object>(serialized: T, input: Json): T & { objectWriteTraceId?: string } {
  const traceId = traceIdOf(input);
  return traceId ? { ...serialized, objectWriteTraceId: traceId } : serialized;
}

function objectsNotFound(type: ObjectType, ids: string[]): HubSpotError {
  return apiError(404, {
    category: 'OBJECT_NOT_FOUND',
    message: `Could not get some ${type.singular.toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
    context: { ids },
  });
}

function upsertKeys(portal: Portal, type: ObjectType, inputs: unknown[]): void {
  const seen = new Set<string>();
  for (const input of inputs) {
    const body = requireFields(input, 'SimplePublicObjectBatchInputUpsert', ['id', 'idProperty', 'properties']);
    const idProperty = stringField(body, 'idProperty') ?? '';
    checkIdProperty(portal, type, idProperty, true);
    const key = `${idProperty}\u0000${String(body['id'])}`;
    // Duplicate ids in one upsert are refused outright (segmentio/action-destinations#3969).
    if (seen.has(key)) throw validationError(`Duplicate id ${String(body['id'])} for ${idProperty} in batch upsert input`, { context: { ids: [String(body['id'])] } });
    seen.add(key);
  }
}

interface WriteBatch<T> {
  action: 'create' | 'upsert' | 'update';
  /** The api-client's input type name, for "Cannot build …" errors. */
  inputType: string;
  okStatus: 200 | 201;
  /** Checks on the whole batch before any input is prepared. */
  before?: (portal: Portal, type: ObjectType, inputs: unknown[]) => void;
  prepareOne: (scope: { portal: Portal; type: ObjectType; ctx: WriteContext }, input: Json, index: number) => { prepared: PreparedWrite; extra: T };
  present?: (extra: T) => Json;
}

/** The scaffolding the three write batches share: inputs, prepare/commit, 200|201 or 207, then flows. */
function registerWriteBatch<T>(app: Express, now: () => string, spec: WriteBatch<T>): void {
  app.post(`/crm/v3/objects/:objectType/batch/${spec.action}`, (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeOf(req.params.objectType);
    const timer = batchTimer(now);
    const { ctx, runFlows } = objectWrites(portal, type, now);
    const inputs = batchInputs(req.body, spec.inputType, OBJECT_BATCH_MAX);
    spec.before?.(portal, type, inputs);
    const { committed, errors } = runWrites(ctx, inputs, (input, index) => spec.prepareOne({ portal, type, ctx }, input, index));
    const results = committed.map(({ record, input, extra }) => ({
      ...withTrace(serializeRecord(portal, type, record, { allValues: true }), input),
      ...spec.present?.(extra),
    }));
    res.status(errors.length ? 207 : spec.okStatus).json(batchResponse(timer, results, errors));
    runFlows();
  });
}

export function registerObjectBatchRoutes(app: Express, now: () => string): void {
  registerWriteBatch(app, now, {
    action: 'create', inputType: 'BatchInputSimplePublicObjectBatchInputForCreate', okStatus: 201,
    prepareOne: ({ ctx }, input, index) => ({
      prepared: prepare(ctx, index, undefined, requireFields(input, 'SimplePublicObjectBatchInputForCreate', ['properties'])['properties'], input['associations']),
      extra: null,
    }),
  });

  registerWriteBatch(app, now, {
    action: 'upsert', inputType: 'BatchInputSimplePublicObjectBatchInputUpsert', okStatus: 200,
    before: upsertKeys,
    prepareOne: ({ portal, type, ctx }, input, index) => {
      const idProperty = String(input['idProperty']);
      const id = String(input['id']);
      const existing = portal.records.findUnique(type, idProperty, id);
      const properties = isRecord(input['properties']) ? input['properties'] : {};
      return { prepared: prepare(ctx, index, existing, existing ? properties : { ...properties, [idProperty]: id }), extra: !existing };
    },
    present: (created) => ({ new: created }),
  });

  registerWriteBatch(app, now, {
    action: 'update', inputType: 'BatchInputSimplePublicObjectBatchInput', okStatus: 200,
    prepareOne: ({ portal, type, ctx }, input, index) => {
      const body = requireFields(input, 'SimplePublicObjectBatchInput', ['id', 'properties']);
      const idProperty = stringField(body, 'idProperty');
      if (idProperty !== undefined && idProperty !== 'hs_object_id') checkIdProperty(portal, type, idProperty, false);
      const record = findRecord(portal, type, String(body['id']), idProperty);
      if (!record) throw objectsNotFound(type, [String(body['id'])]);
      return { prepared: prepare(ctx, index, record, body['properties']), extra: null };
    },
  });

  app.post('/crm/v3/objects/:objectType/batch/read', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeOf(req.params.objectType);
    const timer = batchTimer(now);
    const body = requireFields(req.body, 'BatchReadInputSimplePublicObjectId', ['inputs', 'properties', 'propertiesWithHistory']);
    const idProperty = stringField(body, 'idProperty');
    const archived = req.query['archived'] === 'true';
    const properties = listParam(body['properties']);
    const propertiesWithHistory = listParam(body['propertiesWithHistory']);
    const found: CrmRecord[] = [];
    const missing: string[] = [];
    for (const input of batchInputs(body, 'BatchReadInputSimplePublicObjectId', OBJECT_BATCH_MAX)) {
      const id = isRecord(input) ? String(input['id']) : '';
      const record = findRecord(portal, type, id, idProperty, archived);
      if (record) found.push(record);
      else missing.push(id);
    }
    const options = { ...(properties ? { properties } : {}), ...(propertiesWithHistory ? { propertiesWithHistory } : {}) };
    const results = found.map((record) => serializeRecord(portal, type, record, options));
    res.status(missing.length ? 207 : 200).json(batchResponse(timer, results, missing.length ? [errorEntry(objectsNotFound(type, missing), { ids: missing })] : []));
  });

  app.post('/crm/v3/objects/:objectType/batch/archive', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeOf(req.params.objectType);
    for (const input of batchInputs(req.body, 'BatchInputSimplePublicObjectId', OBJECT_BATCH_MAX)) {
      if (isRecord(input) && input['id'] !== undefined) archiveRecord(portal, type, String(input['id']), now());
    }
    res.status(204).end();
  });
}
