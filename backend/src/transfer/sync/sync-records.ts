/**
 * One batch (≤ 100 mapped records of one plan row) written to HubSpot with the writer its object needs,
 * and what the batch's ONE commit holds: id-map rows (merged persons → the winner's contact), ledger
 * rows (created; adopted contacts → reused, with their previous values) and record errors.
 */
import type { LedgerIntent } from '../../db/repositories/ledger.repository.js';
import type { RecordError as StoredError } from '../../db/repositories/record-errors.repository.js';
import type { HubSpotPortalApi } from '../../hubspot/hubspot-api.js';
import type { TransferBatch } from '../../jobs/transfer-run.js';
import type { SourceRecord } from '../../sources/connector.js';
import type { RecordShape } from '../../sources/record-shape.js';
import { otherEmailsProperty, sourceIdProperty } from '../mapping/lineage.js';
import type { PlannedObject } from '../mapping/mapping-plan.js';
import type { HubSpotRecordInput } from '../mapping/record-mapper.js';
import { type ContactOutcome, writeContacts } from './contact-writer.js';
import { createReconciling } from './create-reconciling.js';
import { resumeInFlightBatch } from './create-writer.js';
import { ownError, type RecordError } from './record-outcome.js';
import { type RecordInput, updateRecords, upsertRecords } from './record-writer.js';
import { writeModeOf } from './sync-plan.js';

export interface MappedRecord {
  record: SourceRecord;
  input: HubSpotRecordInput;
}

/** A written record's HubSpot id (for its associations), or why it was not written. */
export type SyncOutcome = ContactOutcome;

export const recordItemKey = (row: PlannedObject, sourceId: string): string => `${row.sourceObject}/${sourceId}`;

const textOrEmpty = (value: unknown): string => (typeof value === 'string' ? value : '');

const inputOf = (mapped: MappedRecord): RecordInput => ({
  sourceId: mapped.record.id,
  properties: mapped.input.properties,
});

/** A value setup should have created (a pipeline or stage) is unknown: the record cannot be written right. */
export function pendingError(mapped: MappedRecord): RecordError | null {
  if (mapped.input.pending.length === 0) return null;
  return ownError(
    mapped.record.id,
    'SETUP_ITEM_MISSING',
    `HubSpot has no ${mapped.input.pending.map((p) => p.itemKey).join(', ')} from the setup.`,
    'Run “Prepare HubSpot” again so it creates the missing pipeline or stage, then sync again.',
  );
}

/**
 * Writes the batch. Upsert objects (companies, deals) on the unique source-id property; contacts with
 * adoption by e-mail; others (products, engagements) are updated when the id map knows them, else created
 * after the caller's intent rows — or, when `inFlight` (intent rows of an earlier attempt are still
 * unconfirmed), reconciled first with resumeInFlightBatch so nothing is created twice.
 */
export async function writeBatch(
  api: HubSpotPortalApi,
  row: PlannedObject,
  batch: readonly MappedRecord[],
  known: ReadonlyMap<string, string>,
  inFlight: boolean,
  /** Where the source keeps a record's create time (two persons sharing an e-mail: the older one wins). */
  shape: RecordShape,
): Promise<SyncOutcome[]> {
  const idProperty = sourceIdProperty(row);
  switch (writeModeOf(row.hubspotObject)) {
    case 'upsert':
      return upsertRecords(api, { objectType: row.hubspotObject, idProperty, inputs: batch.map(inputOf) });
    case 'contacts':
      return writeContacts(api, {
        idProperty,
        otherEmailsProperty: otherEmailsProperty(row),
        persons: batch.map((mapped) => ({
          ...inputOf(mapped),
          email: mapped.input.properties.email ?? null,
          sourceCreatedAt: textOrEmpty(shape.createdAt(mapped.record)),
        })),
      });
    case 'create': {
      const updates = batch.filter((m) => known.has(m.record.id));
      const creates = batch.filter((m) => !known.has(m.record.id)).map(inputOf);
      const request = { objectType: row.hubspotObject, idProperty, inputs: creates };
      const updated = await updateRecords(
        api,
        row.hubspotObject,
        updates.map((m) => ({ ...inputOf(m), hubspotId: known.get(m.record.id) as string })),
      );
      const created =
        creates.length === 0
          ? []
          : await (inFlight ? resumeInFlightBatch(api, request) : createReconciling(api, request));
      const bySource = new Map([...updated, ...created].map((outcome) => [outcome.sourceId, outcome]));
      return batch.map((m) => bySource.get(m.record.id) as SyncOutcome);
    }
  }
}

/** The intent rows written before a create batch (their trace id is the source id). */
export function createIntents(row: PlannedObject, batch: readonly MappedRecord[], known: ReadonlyMap<string, string>) {
  return batch
    .filter((m) => !known.has(m.record.id))
    .map((m): LedgerIntent => ({
      itemType: 'record',
      hubspotObject: row.hubspotObject,
      itemKey: recordItemKey(row, m.record.id),
      action: 'created',
      writeTraceId: m.record.id,
    }));
}

/** The HubSpot record an error is about: its object, and its id when HubSpot holds it. */
export interface ErrorTarget {
  hubspotObject: string;
  hubspotId: string | null;
}

export function toStoredError(error: RecordError, target?: ErrorTarget): Omit<StoredError, 'object'> {
  return {
    sourceId: error.sourceId,
    code: error.code ?? error.category,
    message: error.message,
    context: { hint: error.hint, category: error.category, ...error.context, ...target },
  };
}

/** Commits what the batch wrote: id map, ledger (intent + confirm of created and adopted), errors. */
export async function commitOutcomes(
  tx: TransferBatch,
  row: PlannedObject,
  outcomes: readonly SyncOutcome[],
  extraErrors: readonly RecordError[],
  /** HubSpot ids of failed records HubSpot already holds (from the id map). */
  hubspotIds: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  const written = outcomes.filter((o): o is Exclude<SyncOutcome, { outcome: 'failed' }> => o.outcome !== 'failed');
  await tx.mapIds(
    written.map((o) => ({
      object: row.sourceObject,
      sourceId: o.sourceId,
      hubspotObject: row.hubspotObject,
      hubspotId: o.hubspotId,
    })),
  );
  const ledger = written.filter((o) => o.outcome === 'created' || o.outcome === 'adopted');
  await tx.confirmWritten(
    ledger.map((o) => ({
      itemType: 'record',
      hubspotObject: row.hubspotObject,
      itemKey: recordItemKey(row, o.sourceId),
      action: o.outcome === 'adopted' ? 'reused' : 'created',
      previousValues: o.outcome === 'adopted' ? o.previousValues : null,
      writeTraceId: o.sourceId,
      hubspotId: o.hubspotId,
    })),
  );
  const errors = [...extraErrors, ...outcomes.flatMap((o) => (o.outcome === 'failed' ? [o.error] : []))].map((error) =>
    toStoredError(error, { hubspotObject: row.hubspotObject, hubspotId: hubspotIds.get(error.sourceId) ?? null }),
  );
  await tx.recordErrors(row.key, errors);
}
