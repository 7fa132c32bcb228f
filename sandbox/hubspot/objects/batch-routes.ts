/**
 * CRM objects v3 batch endpoints (100 inputs max). Multi-status: when every input carries an
 * `objectWriteTraceId`, a failing input fails alone and the response is 207 with its error under
 * `context.objectWriteTraceId`; otherwise the first failure fails the whole request and nothing is
 * written (https://developers.hubspot.com/docs/api-reference/error-handling#multi-status-errors).
 * Upserts by `email` never fail partially: "Partial upserts are not supported when using email as
 * the idProperty" (contacts guide).
 *
 * Results come back in no particular order ("There is no way to do it", HubSpot/hubspot-api-nodejs#190)
 * and carry no `objectWriteTraceId` (the guide's 207 example has none): clients map results to inputs
 * by a unique property or the upserted id property, never by position. The sandbox shuffles (seeded)
 * and never leaves a batch of two or more in input order.
 */
import type { Express } from 'express';
import { batchResponse, batchTimer, errorEntry, type StandardError } from '../batch.js';
import { apiError, HubSpotError, validationError } from '../errors.js';
import { batchInputs, isRecord, type Json, requireFields, stringField } from '../input.js';
import { type ObjectType, objectTypeOf } from '../object-types.js';
import type { Portal } from '../portal.js';
import { portalOf } from '../request-context.js';
import { checkIdProperty, findRecord } from './lookup.js';
import { archiveRecord, objectWrites } from './routes.js';
import { listParam, serializeRecord } from './serialize.js';
import type { CrmRecord } from './store.js';
import { commit, prepare, type PreparedWrite, type WriteContext } from './writes.js';

export const OBJECT_BATCH_MAX = 100;

const traceIdOf = (input: unknown): string | undefined =>
  isRecord(input) ? stringField(input, 'objectWriteTraceId') : undefined;

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
  allowPartial: boolean,
  prepareOne: (input: Json, index: number) => { prepared: PreparedWrite; extra: T },
): { committed: Array<{ record: CrmRecord; input: Json; extra: T }>; errors: StandardError[] } {
  const multiStatus = allowPartial && inputs.length > 0 && inputs.every((input) => traceIdOf(input) !== undefined);
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
      errors.push(
        errorEntry(
          error,
          traceId
            ? { objectWriteTraceId: [traceId] }
            : ((error.body['context'] as Record<string, string[]> | undefined) ?? {}),
        ),
      );
    }
  });
  const committed = ready.map(({ prepared, input, extra }) => ({ record: commit(ctx, prepared), input, extra }));
  return { committed, errors };
}

/** Batch results in no particular order: seeded, and never the input order when that is possible. */
export function unordered<T>(portal: Portal, results: T[]): T[] {
  const shuffled = portal.shuffler.shuffle(results);
  const unchanged = shuffled.every((item, i) => item === results[i]);
  return unchanged && results.length > 1 ? [...results.slice(1), results[0] as T] : shuffled;
}

/**
 * "Duplicate IDs found in batch input: [id]. IDs must be unique" with `context.ids`: batch update
 * and upsert refuse the whole request, trace ids or not (captured in public connector test fixtures,
 * see tests/contract/hubspot/fixtures/README.md).
 */
function refuseDuplicateIds(ids: string[]): void {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const id of ids) (seen.has(id) ? duplicates : seen).add(id);
  if (duplicates.size === 0) return;
  const list = [...duplicates];
  throw validationError(`Duplicate IDs found in batch input: [${list.join(', ')}]. IDs must be unique`, {
    context: { ids: list },
  });
}

function objectsNotFound(type: ObjectType, ids: string[]): HubSpotError {
  return apiError(404, {
    category: 'OBJECT_NOT_FOUND',
    message: `Could not get some ${type.singular.toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
    context: { ids },
  });
}

function upsertKeys(portal: Portal, type: ObjectType, inputs: unknown[]): void {
  const ids = inputs.map((input) => {
    const body = requireFields(input, 'SimplePublicObjectBatchInputUpsert', ['id', 'idProperty', 'properties']);
    checkIdProperty(portal, type, stringField(body, 'idProperty') ?? '', true);
    return String(body['id']);
  });
  refuseDuplicateIds(ids);
}

/**
 * Batch update identifies records by id or a `hasUniqueValue` property: `email` is refused
 * (HubSpot/hubspot-api-nodejs#548) and so is `hs_object_id` ("Unable to perform update/upsert by
 * non-unique … property hs_object_id", segmentio/action-destinations#3957), for the whole batch.
 */
function updateKeys(portal: Portal, type: ObjectType, inputs: unknown[]): void {
  const ids = inputs.map((input) => {
    const body = requireFields(input, 'SimplePublicObjectBatchInput', ['id', 'properties']);
    const idProperty = stringField(body, 'idProperty');
    if (idProperty !== undefined) checkIdProperty(portal, type, idProperty, false);
    return String(body['id']);
  });
  refuseDuplicateIds(ids);
}

/** Email upserts fail whole: "Partial upserts are not supported when using email as the idProperty" (contacts guide). */
const partialAllowed = (type: ObjectType, inputs: unknown[]): boolean =>
  !inputs.some(
    (input) =>
      isRecord(input) && type.builtInUniqueProperty !== undefined && input['idProperty'] === type.builtInUniqueProperty,
  );

interface WriteBatch<T> {
  action: 'create' | 'upsert' | 'update';
  /** The api-client's input type name, for "Cannot build …" errors. */
  inputType: string;
  okStatus: 200 | 201;
  /** Checks on the whole batch before any input is prepared. */
  before?: (portal: Portal, type: ObjectType, inputs: unknown[]) => void;
  prepareOne: (
    scope: { portal: Portal; type: ObjectType; ctx: WriteContext },
    input: Json,
    index: number,
  ) => { prepared: PreparedWrite; extra: T };
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
    const { committed, errors } = runWrites(ctx, inputs, partialAllowed(type, inputs), (input, index) =>
      spec.prepareOne({ portal, type, ctx }, input, index),
    );
    const results = committed.map(({ record, extra }) => ({
      ...serializeRecord(portal, type, record, { allValues: true }),
      ...spec.present?.(extra),
    }));
    res.status(errors.length ? 207 : spec.okStatus).json(batchResponse(timer, unordered(portal, results), errors));
    runFlows();
  });
}

export function registerObjectBatchRoutes(app: Express, now: () => string): void {
  registerWriteBatch(app, now, {
    action: 'create',
    inputType: 'BatchInputSimplePublicObjectBatchInputForCreate',
    okStatus: 201,
    prepareOne: ({ ctx }, input, index) => ({
      prepared: prepare(
        ctx,
        index,
        undefined,
        requireFields(input, 'SimplePublicObjectBatchInputForCreate', ['properties'])['properties'],
        input['associations'],
      ),
      extra: null,
    }),
  });

  registerWriteBatch(app, now, {
    action: 'upsert',
    inputType: 'BatchInputSimplePublicObjectBatchInputUpsert',
    okStatus: 200,
    before: upsertKeys,
    prepareOne: ({ portal, type, ctx }, input, index) => {
      const idProperty = String(input['idProperty']);
      const id = String(input['id']);
      const existing = portal.records.findUnique(type, idProperty, id);
      const properties = isRecord(input['properties']) ? input['properties'] : {};
      return {
        prepared: prepare(ctx, index, existing, existing ? properties : { ...properties, [idProperty]: id }),
        extra: !existing,
      };
    },
    present: (created) => ({ new: created }),
  });

  registerWriteBatch(app, now, {
    action: 'update',
    inputType: 'BatchInputSimplePublicObjectBatchInput',
    okStatus: 200,
    before: updateKeys,
    prepareOne: ({ portal, type, ctx }, input, index) => {
      const body = requireFields(input, 'SimplePublicObjectBatchInput', ['id', 'properties']);
      const idProperty = stringField(body, 'idProperty');
      const record = findRecord(portal, type, String(body['id']), idProperty);
      if (!record) throw objectsNotFound(type, [String(body['id'])]);
      return { prepared: prepare(ctx, index, record, body['properties']), extra: null };
    },
  });

  app.post('/crm/v3/objects/:objectType/batch/read', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeOf(req.params.objectType);
    const timer = batchTimer(now);
    const body = requireFields(req.body, 'BatchReadInputSimplePublicObjectId', [
      'inputs',
      'properties',
      'propertiesWithHistory',
    ]);
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
    const options = {
      ...(properties ? { properties } : {}),
      ...(propertiesWithHistory ? { propertiesWithHistory } : {}),
    };
    const results = unordered(
      portal,
      found.map((record) => serializeRecord(portal, type, record, options)),
    );
    res
      .status(missing.length ? 207 : 200)
      .json(
        batchResponse(
          timer,
          results,
          missing.length ? [errorEntry(objectsNotFound(type, missing), { ids: missing })] : [],
        ),
      );
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
