/**
 * A create batch whose answer HubSpot lost (5xx, broken connection; the client does not repeat a create)
 * reconciled in the same attempt: wait for HubSpot's search index to take the batch in (it indexes a few
 * seconds late), then resumeInFlightBatch finds what landed and creates only the rest. Without this each
 * lost answer would spend one of the job's retries, and a long sync would fail on a handful of them.
 */
import { HubSpotApiError } from '../../hubspot/hubspot-errors.js';
import { realSleep, type Sleep } from '../../sleep.js';
import { type CreateApi, createRecords, type CreateRequest, resumeInFlightBatch } from './create-writer.js';
import type { WriteOutcome } from './record-outcome.js';

/** How long HubSpot's search may lag behind a write ("a few seconds"): waited once per lost answer. */
export const SEARCH_INDEX_LAG_MS = 5_000;

/** Failures after which the batch may have landed (the ones the client refuses to repeat for a create). */
const LOST_ANSWER = new Set(['server_error', 'network_error']);

export async function createReconciling(
  hubspot: CreateApi,
  request: CreateRequest,
  sleep: Sleep = realSleep,
): Promise<WriteOutcome[]> {
  try {
    return await createRecords(hubspot, request);
  } catch (error) {
    if (!(error instanceof HubSpotApiError && LOST_ANSWER.has(error.reason))) throw error;
    await sleep(SEARCH_INDEX_LAG_MS);
    return resumeInFlightBatch(hubspot, request);
  }
}
