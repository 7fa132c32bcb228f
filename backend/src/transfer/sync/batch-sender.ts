/** Sends one batch write and accounts for every input, splitting a batch HubSpot refuses whole. */
import type { HubSpotPortalApi } from '../../hubspot/hubspot-api.js';
import type { HubSpotBatchResult, HubSpotInputError } from '../../hubspot/hubspot-errors.js';
import { type BatchItem, type ItemResult, matchResults, splitRefused } from './batch-inputs.js';
import { recordError, type WriteOutcome } from './record-outcome.js';

/** The part of the HubSpot client the writers use. */
export type BatchApi = Pick<HubSpotPortalApi, 'batch'>;

/** The record of a batch create/update/upsert result (`SimplePublicObject`, upsert adds `new`). */
export interface BatchRecord {
  id: string;
  new?: boolean;
  properties: Record<string, string | null>;
}

const NO_RESULT: HubSpotInputError = {
  category: 'NO_RESULT',
  subCategory: null,
  message: 'HubSpot answered the batch without a result or an error for this record',
  context: {},
  details: [],
};

export interface BatchSend<R> {
  send: (items: BatchItem[]) => Promise<HubSpotBatchResult<R>>;
  /** The value an item and its result share (the id property's value, or the HubSpot id). */
  valueOf: (item: BatchItem) => string;
  resultValueOf: (result: R) => string | null | undefined;
}

/** Every item's result or error; a 400 refusal is split (splitRefused) and the parts sent again. */
export async function sendSplitting<R>(items: BatchItem[], batch: BatchSend<R>): Promise<ItemResult<R>[]> {
  if (items.length === 0) return [];
  return settle(items, await batch.send(items), batch);
}

function settle<R>(items: BatchItem[], answer: HubSpotBatchResult<R>, batch: BatchSend<R>): Promise<ItemResult<R>[]> {
  if (answer.outcome !== 'rejected')
    return Promise.resolve(
      matchResults(items, answer.results, answer.errors, batch.valueOf, batch.resultValueOf, NO_RESULT),
    );
  return resendParts(items, answer.errors[0] ?? NO_RESULT, batch);
}

const sameRefusal = (a: HubSpotInputError, b: HubSpotInputError): boolean =>
  a.message === b.message && JSON.stringify(a.context) === JSON.stringify(b.context);

/**
 * Sends the parts of a refused batch. When a halved batch sees both halves refused exactly as the whole
 * was, the refusal is about the batch (e.g. an id property that is not unique), not an input: every item
 * fails with it after three calls instead of being halved down to one call per record.
 */
async function resendParts<R>(
  items: BatchItem[],
  refusal: HubSpotInputError,
  batch: BatchSend<R>,
): Promise<ItemResult<R>[]> {
  const { failed, retry } = splitRefused(items, refusal);
  const outcomes: ItemResult<R>[] = failed.map((item) => ({ key: item.key, error: refusal }));
  const answers = [];
  for (const part of retry) answers.push({ part, answer: await batch.send(part) });
  const refusedAlike = (answer: HubSpotBatchResult<R>) =>
    answer.outcome === 'rejected' && answer.errors[0] !== undefined && sameRefusal(answer.errors[0], refusal);
  if (failed.length === 0 && answers.length === 2 && answers.every(({ answer }) => refusedAlike(answer)))
    return items.map((item) => ({ key: item.key, error: refusal }));
  for (const { part, answer } of answers) outcomes.push(...(await settle(part, answer, batch)));
  return outcomes;
}

/** Outcomes in the order of `sourceIds` (duplicates share their key's outcome). */
export function outcomesFor(sourceIds: readonly string[], results: readonly ItemResult<BatchRecord>[]): WriteOutcome[] {
  const byKey = new Map(results.map((result) => [result.key, result]));
  return sourceIds.map((sourceId): WriteOutcome => {
    const result = byKey.get(sourceId);
    if (!result) throw new Error(`no outcome for source record ${sourceId}`);
    if ('error' in result) return { sourceId, outcome: 'failed', error: recordError(sourceId, result.error) };
    return { sourceId, outcome: result.record.new === true ? 'created' : 'updated', hubspotId: result.record.id };
  });
}
