/**
 * The HubSpot write of the sync's record path for objects with a unique "source record id" property
 * (contacts, companies, deals): batch upsert on that property, 100 per call, results matched by it.
 * A repeat of the same batch (after a crash before the commit) updates what the first one created.
 */
import type { BatchItem } from './batch-inputs.js';
import { chunk, lastPerKey, OBJECT_BATCH_SIZE } from './batch-inputs.js';
import { type BatchApi, type BatchRecord, outcomesFor, sendSplitting } from './batch-sender.js';
import type { WriteOutcome } from './record-outcome.js';

/** One mapped source record: its source id and the HubSpot properties to write. */
export interface RecordInput {
  sourceId: string;
  properties: Record<string, string>;
}

export interface UpsertRequest {
  /** contacts, companies or deals. */
  objectType: string;
  /** The unique property holding the source record id (created by the setup). */
  idProperty: string;
  inputs: readonly RecordInput[];
}

/** The id property is also written as a property, so HubSpot's answer surely carries the value results are matched by. */
const itemOf = (input: RecordInput, idProperty: string): BatchItem => ({
  key: input.sourceId,
  id: input.sourceId,
  properties: { ...input.properties, [idProperty]: input.sourceId },
});

/** Upserts every input (any number; 100 per call); one outcome per input, in input order. */
export async function upsertRecords(hubspot: BatchApi, request: UpsertRequest): Promise<WriteOutcome[]> {
  const { objectType, idProperty } = request;
  const items = lastPerKey(request.inputs, (input) => input.sourceId).map((input) => itemOf(input, idProperty));
  const results = [];
  for (const part of chunk(items, OBJECT_BATCH_SIZE)) {
    results.push(
      ...(await sendSplitting<BatchRecord>(part, {
        send: (batch) =>
          hubspot.batch<BatchRecord>(`/crm/v3/objects/${objectType}/batch/upsert`, {
            inputs: batch.map((item) => ({
              idProperty,
              id: item.key,
              properties: item.properties,
              objectWriteTraceId: item.key,
            })),
          }),
        valueOf: (item) => item.key,
        resultValueOf: (record) => record.properties[idProperty],
      })),
    );
  }
  return outcomesFor(
    request.inputs.map((input) => input.sourceId),
    results,
  );
}

/** A source record written onto a known HubSpot record (an adopted contact). */
export interface UpdateInput extends RecordInput {
  hubspotId: string;
}

/** Batch update by HubSpot id, results matched by it; outcomes are `updated` or `failed`. */
export async function updateRecords(
  hubspot: BatchApi,
  objectType: string,
  inputs: readonly UpdateInput[],
): Promise<WriteOutcome[]> {
  const items = lastPerKey(inputs, (input) => input.sourceId).map((input): BatchItem => ({
    key: input.sourceId,
    id: input.hubspotId,
    properties: input.properties,
  }));
  const results = [];
  for (const part of chunk(items, OBJECT_BATCH_SIZE)) {
    results.push(
      ...(await sendSplitting<BatchRecord>(part, {
        send: (batch) =>
          hubspot.batch<BatchRecord>(`/crm/v3/objects/${objectType}/batch/update`, {
            inputs: batch.map((item) => ({ id: item.id, properties: item.properties, objectWriteTraceId: item.key })),
          }),
        valueOf: (item) => item.id ?? '',
        resultValueOf: (record) => record.id,
      })),
    );
  }
  return outcomesFor(
    inputs.map((input) => input.sourceId),
    results,
  );
}
