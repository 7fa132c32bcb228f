/**
 * The HubSpot write for objects without a unique property (engagements: calls, emails, meetings, notes,
 * tasks; products and line items — HubSpot allows `hasUniqueValue` on neither): batch create, 100 per
 * call, each input with its source id in `idProperty` (a plain searchable property) and as its
 * `objectWriteTraceId`; results matched by that property.
 *
 * A create must never be repeated blindly: the caller writes intent rows (ledger `intended`, with the
 * trace id) before `createRecords`, and the client does not retry a failure after which the write may
 * have landed (5xx, broken connection). Such a failure leaves its batch in flight (a crash: each batch in flight);
 * `resumeInFlightBatch` finds what of it landed with a search on the source-id property (off the hot
 * path: only for a batch left in flight) and creates only the rest.
 */
import type { HubSpotPortalApi } from '../../hubspot/hubspot-api.js';
import { type BatchItem, type ItemResult, lastPerKey, OBJECT_BATCH_SIZE } from './batch-inputs.js';
import { type BatchRecord, outcomesFor, sendSplitting } from './batch-sender.js';
import type { WriteOutcome } from './record-outcome.js';
import type { RecordInput } from './record-writer.js';

export interface CreateRequest {
  /** calls, emails, meetings, notes, tasks, products, line_items. */
  objectType: string;
  /** The (non-unique) property holding the source record id. */
  idProperty: string;
  /** At most 100: one batch, the unit the caller's intent rows and commit cover. */
  inputs: readonly RecordInput[];
}

/** What a search found for an in-flight batch's source ids. */
export interface FoundBySourceId {
  /** Source id → the HubSpot record holding it (the oldest when several do). */
  found: Map<string, string>;
  /** Source id → further HubSpot records holding it (duplicates of an earlier answer lost): for clean-up. */
  duplicates: Map<string, string[]>;
}

export type CreateApi = Pick<HubSpotPortalApi, 'batch' | 'search'>;

function checkBatch(request: CreateRequest): BatchItem[] {
  if (request.inputs.length > OBJECT_BATCH_SIZE)
    throw new Error(`one in-flight batch holds at most ${OBJECT_BATCH_SIZE} records, got ${request.inputs.length}`);
  return lastPerKey(request.inputs, (input) => input.sourceId).map((input) => ({
    key: input.sourceId,
    properties: { ...input.properties, [request.idProperty]: input.sourceId },
  }));
}

/** Creates the items; every record in the answer is new (a create's result carries no `new` flag). */
async function create(
  hubspot: CreateApi,
  request: CreateRequest,
  items: BatchItem[],
): Promise<ItemResult<BatchRecord>[]> {
  const results = await sendSplitting<BatchRecord>(items, {
    send: (batch) =>
      hubspot.batch<BatchRecord>(
        `/crm/v3/objects/${request.objectType}/batch/create`,
        {
          inputs: batch.map((item) => ({
            properties: item.properties,
            objectWriteTraceId: item.key,
            associations: [],
          })),
        },
        { idempotent: false },
      ),
    valueOf: (item) => item.key,
    resultValueOf: (record) => record.properties[request.idProperty],
  });
  return results.map((result) =>
    'record' in result ? { ...result, record: { ...result.record, new: true } } : result,
  );
}

/**
 * Creates one batch (≤ 100). When HubSpot's answer is lost (5xx or a broken connection: the client does
 * not repeat those for a create), this throws HubSpotApiError: the batch stays in flight (intent rows
 * `intended`). Not reconciled at once on purpose: HubSpot's search indexes a few seconds late, so an
 * immediate search could miss what just landed and create it twice — createReconciling waits, then
 * calls resumeInFlightBatch; after a crash the task's next attempt does.
 */
export async function createRecords(hubspot: CreateApi, request: CreateRequest): Promise<WriteOutcome[]> {
  return outcomesFor(
    request.inputs.map((input) => input.sourceId),
    await create(hubspot, request, checkBatch(request)),
  );
}

/**
 * After a crash or a lost answer: finds the batch's records HubSpot already holds (`created`, with their
 * ids) and creates only the others. Call it with the inputs of the intent rows still `intended`.
 */
export async function resumeInFlightBatch(hubspot: CreateApi, request: CreateRequest): Promise<WriteOutcome[]> {
  const items = checkBatch(request);
  const { found } = await findBySourceIds(
    hubspot,
    request.objectType,
    request.idProperty,
    items.map((i) => i.key),
  );
  const missing = items.filter((item) => !found.has(item.key));
  const created = await create(hubspot, request, missing);
  const landed = [...found].map(([key, id]) => ({ key, record: { id, new: true, properties: {} } }));
  return outcomesFor(
    request.inputs.map((input) => input.sourceId),
    [...landed, ...created],
  );
}

/** HubSpot's search body is limited to 3,000 characters (search guide); this leaves room for the rest. */
const SEARCH_VALUES_CHARS = 2_400;
const SEARCH_VALUES_MAX = 100;
const SEARCH_PAGE = 200;

/** Splits ids into IN-filter lists that keep each search body within HubSpot's size limit. */
export function searchValueLists(ids: readonly string[]): string[][] {
  const lists: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const id of ids) {
    const cost = JSON.stringify(id).length + 1;
    if (current.length > 0 && (chars + cost > SEARCH_VALUES_CHARS || current.length >= SEARCH_VALUES_MAX)) {
      lists.push(current);
      current = [];
      chars = 0;
    }
    current.push(id.toLowerCase());
    chars += cost;
  }
  if (current.length > 0) lists.push(current);
  return lists;
}

/** Searches the source-id property for `sourceIds` (IN filter; values lowercase, as HubSpot requires). */
export async function findBySourceIds(
  hubspot: Pick<HubSpotPortalApi, 'search'>,
  objectType: string,
  idProperty: string,
  sourceIds: readonly string[],
): Promise<FoundBySourceId> {
  const wanted = new Map(sourceIds.map((id) => [id.toLowerCase(), id]));
  const holders = new Map<string, string[]>();
  for (const values of searchValueLists(sourceIds)) {
    let after: string | undefined;
    do {
      const page = await hubspot.search<BatchRecord>(objectType, {
        filterGroups: [{ filters: [{ propertyName: idProperty, operator: 'IN', values }] }],
        properties: [idProperty],
        sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
        limit: SEARCH_PAGE,
        ...(after ? { after } : {}),
      });
      for (const record of page.results) {
        const sourceId = wanted.get((record.properties[idProperty] ?? '').toLowerCase());
        if (sourceId !== undefined) holders.set(sourceId, [...(holders.get(sourceId) ?? []), record.id]);
      }
      after = page.paging?.next?.after;
    } while (after);
  }
  const found = new Map<string, string>();
  const duplicates = new Map<string, string[]>();
  for (const [sourceId, ids] of holders) {
    const [first, ...rest] = [...ids].sort((a, b) => Number(a) - Number(b));
    found.set(sourceId, first as string);
    if (rest.length > 0) duplicates.set(sourceId, rest);
  }
  return { found, duplicates };
}
