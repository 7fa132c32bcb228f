/**
 * Upserted records HubSpot already had (`new: false`) that are not ours as far as Postgres knows: neither
 * created by a transfer of the connection (ledger) nor in the id map without having been adopted. Either
 * this transfer wrote them before a crash (created after the transfer started: ours, so recorded as
 * created, for revert to delete), or they are someone else's — a record HubSpot held with the source id we
 * did not write (e.g. an earlier install's), or one an earlier sync adopted (a contact by e-mail, a company
 * by domain) or changed as someone else's: we changed a record we did not create, so what it held before goes into the ledger as
 * `changed`, for revert to restore — read from HubSpot's property history in one batch read per batch, made
 * only when such records exist (never on a first sync).
 */
import type { Queryable } from '../../db/pool.js';
import { idMapRepository } from '../../db/repositories/id-map.repository.js';
import { ledgerRepository } from '../../db/repositories/ledger.repository.js';
import type { TransferBatch } from '../../jobs/transfer-run.js';
import type { PlannedObject } from '../mapping/mapping-plan.js';
import type { BatchApi } from './batch-sender.js';
import { type MappedRecord, recordItemKey, type SyncOutcome } from './sync-records.js';

interface Version {
  value: string;
  timestamp: string;
}

interface ReadRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  propertiesWithHistory?: Record<string, Version[]>;
}

export interface ForeignRecords {
  /** Source ids whose record this transfer created (before a crash): recorded as created. */
  ours: Set<string>;
  /** Records we changed but did not create, with their values before. */
  changed: { sourceId: string; hubspotId: string; previousValues: Record<string, string | null> }[];
}

export const NO_FOREIGN_RECORDS: ForeignRecords = { ours: new Set(), changed: [] };

/**
 * A property's value before the write: HubSpot stamps the versions a write makes with the record's update
 * time, so the newest older version is what it held (none: it was empty).
 */
export function valueBefore(versions: readonly Version[] | undefined, writtenAt: string): string | null {
  const before = (versions ?? []).find((version) => Date.parse(version.timestamp) < Date.parse(writtenAt));
  return before?.value ?? null;
}

export async function foreignRecords(
  deps: { db: Queryable; connectionId: string; api: BatchApi; transferStartedAt: Date },
  row: PlannedObject,
  batch: readonly MappedRecord[],
  outcomes: readonly SyncOutcome[],
): Promise<ForeignRecords> {
  const updated = outcomes.flatMap((o) => (o.outcome === 'updated' ? [o] : []));
  if (updated.length === 0) return NO_FOREIGN_RECORDS;
  const known = await idMapRepository.lookup(
    deps.db,
    deps.connectionId,
    row.sourceObject,
    updated.map((o) => o.sourceId),
  );
  const recorded = await ledgerRepository.recordedRecords(deps.db, {
    connectionId: deps.connectionId,
    hubspotObject: row.hubspotObject,
    hubspotIds: updated.map((o) => o.hubspotId),
  });
  // Ours: created by a transfer of the connection, or in the id map and never adopted or changed as someone
  // else's. Someone else's stay so: each later change of them is recorded too.
  const unknown = updated.filter(
    (o) => !recorded.created.has(o.hubspotId) && (recorded.theirs.has(o.hubspotId) || !known.has(o.sourceId)),
  );
  if (unknown.length === 0) return NO_FOREIGN_RECORDS;
  const written = new Map(batch.map((m) => [m.record.id, Object.keys(m.input.properties)]));
  const names = [...new Set(unknown.flatMap((o) => written.get(o.sourceId) ?? []))];
  const answer = await deps.api.batch<ReadRecord>(`/crm/v3/objects/${row.hubspotObject}/batch/read`, {
    inputs: unknown.map((o) => ({ id: o.hubspotId })),
    properties: names,
    propertiesWithHistory: names,
  });
  const byId = new Map(answer.results.map((record) => [record.id, record]));
  const result: ForeignRecords = { ours: new Set(), changed: [] };
  for (const outcome of unknown) {
    const record = byId.get(outcome.hubspotId);
    if (!record) continue;
    if (!recorded.theirs.has(outcome.hubspotId) && Date.parse(record.createdAt) >= deps.transferStartedAt.getTime()) {
      result.ours.add(outcome.sourceId);
      continue;
    }
    const history = record.propertiesWithHistory ?? {};
    result.changed.push({
      sourceId: outcome.sourceId,
      hubspotId: outcome.hubspotId,
      previousValues: Object.fromEntries(
        (written.get(outcome.sourceId) ?? []).map((name) => [name, valueBefore(history[name], record.updatedAt)]),
      ),
    });
  }
  return result;
}

/** The outcomes with the records this transfer created before a crash counted (and recorded) as created. */
export const withOurs = (outcomes: readonly SyncOutcome[], foreign: ForeignRecords): SyncOutcome[] =>
  outcomes.map((o) => (o.outcome === 'updated' && foreign.ours.has(o.sourceId) ? { ...o, outcome: 'created' } : o));

/** In the batch's commit: the records we changed but did not create, with their values before. */
export async function commitChanged(tx: TransferBatch, row: PlannedObject, foreign: ForeignRecords): Promise<void> {
  await tx.confirmWritten(
    foreign.changed.map((record) => ({
      itemType: 'record',
      hubspotObject: row.hubspotObject,
      itemKey: recordItemKey(row, record.sourceId),
      action: 'changed',
      previousValues: record.previousValues,
      writeTraceId: record.sourceId,
      hubspotId: record.hubspotId,
    })),
  );
}
