/**
 * The associations of one written batch, once both ends exist: the other end's HubSpot id comes from the
 * id map in Postgres (never an in-memory copy of the account); they are written later, in full calls
 * (association-buffer.ts). An end whose object is not transferred, or which the source did not yield
 * (deleted, filtered out), is "skipped" with its reason; an end that should exist but failed in this sync
 * is a record error.
 */
import type { Db } from '../../db/pool.js';
import { idMapRepository } from '../../db/repositories/id-map.repository.js';
import type { TransferBatch } from '../../jobs/transfer-run.js';
import type { PlannedObject } from '../mapping/mapping-plan.js';
import type { SourceReference } from '../mapping/record-mapper.js';
import type { AssociationLabel, AssociationOutcome, AssociationPair } from './association-writer.js';
import { ASSOCIATIONS_TASK } from './sync-plan.js';
import { type MappedRecord, type SyncOutcome, toStoredError } from './sync-records.js';

export interface AssociationScope {
  db: Db;
  connectionId: string;
  transferId: string;
  /** The rows this sync writes, by source object (an end of another object is "not transferred"). */
  rows: readonly PlannedObject[];
  /** Setup's custom association labels: `<from>/<to>/<name>` → type id. */
  labels: ReadonlyMap<string, number>;
  /** Source objects with a record filter: a missing end of one was filtered out. */
  filtered: ReadonlySet<string>;
}

function labelOf(
  scope: AssociationScope,
  from: string,
  reference: SourceReference,
): AssociationLabel | 'primary' | null {
  if (reference.label === 'primary') return 'primary';
  if (reference.label === 'unlabeled') return null;
  const typeId = scope.labels.get(`${from}/${reference.hubspotObject}/${reference.label}`);
  return typeId === undefined ? null : { category: 'USER_DEFINED', typeId };
}

/**
 * Whether the other end is written by this row or a later one (an organization's person field, a link
 * between two persons): not in the id map yet when the row's batch is, so it waits for the deferred pass
 * (deferred-associations.ts) after every record task.
 */
export function writtenLater(scope: AssociationScope, row: PlannedObject, reference: SourceReference): boolean {
  const end = scope.rows.findIndex((candidate) => candidate.sourceObject === reference.sourceObject);
  return end !== -1 && end >= scope.rows.findIndex((candidate) => candidate.key === row.key);
}

/**
 * The pairs of a batch's written records, with both ends' HubSpot ids where the id map has them: in the
 * `records` pass those whose other end was written before, in the `deferred` pass the others.
 */
export async function associationPairs(
  scope: AssociationScope,
  row: PlannedObject,
  batch: readonly MappedRecord[],
  outcomes: readonly SyncOutcome[],
  pass: 'records' | 'deferred' = 'records',
): Promise<AssociationPair[]> {
  const written = new Map(outcomes.flatMap((o) => (o.outcome === 'failed' ? [] : [[o.sourceId, o.hubspotId]])));
  const references = batch.flatMap((mapped) =>
    written.has(mapped.record.id)
      ? mapped.input.associations
          .filter((reference) => writtenLater(scope, row, reference) === (pass === 'deferred'))
          .map((reference) => ({ mapped, reference }))
      : [],
  );
  const transferred = new Set(scope.rows.map((r) => r.sourceObject));
  const wanted = new Map<string, { object: string; sourceId: string }>();
  for (const { reference } of references) {
    const object = reference.sourceObject;
    if (object !== null && transferred.has(object))
      wanted.set(`${object}/${reference.sourceId}`, { object, sourceId: reference.sourceId });
  }
  // Every end in one query: its HubSpot id from the id map, or whether it failed in this transfer.
  const found = await idMapRepository.associationEnds(scope.db, {
    connectionId: scope.connectionId,
    transferId: scope.transferId,
    ends: [...wanted.values()],
    tasks: scope.rows.map((r) => ({ object: r.sourceObject, task: r.key })),
  });
  const ends = new Map<string, { ids: Map<string, string>; failed: Set<string> }>();
  for (const { object } of wanted.values()) ends.set(object, { ids: new Map(), failed: new Set() });
  for (const end of found) {
    const known = ends.get(end.object) as { ids: Map<string, string>; failed: Set<string> };
    if (end.hubspotId !== null) known.ids.set(end.sourceId, end.hubspotId);
    else if (end.failed) known.failed.add(end.sourceId);
  }
  return references.map(({ mapped, reference }): AssociationPair => {
    const label = labelOf(scope, row.hubspotObject, reference);
    const end = reference.sourceObject === null ? undefined : ends.get(reference.sourceObject);
    const toId = end?.ids.get(reference.sourceId) ?? null;
    const pair: AssociationPair = {
      fromType: row.hubspotObject,
      toType: reference.hubspotObject,
      fromSourceId: mapped.record.id,
      toSourceId: reference.sourceId,
      fromId: written.get(mapped.record.id) ?? null,
      toId,
      ...(label === 'primary' ? { primary: true } : label ? { label } : {}),
    };
    if (!end) return { ...pair, skip: 'not_transferred' };
    if (toId !== null || end.failed.has(reference.sourceId)) return pair;
    return { ...pair, skip: scope.filtered.has(reference.sourceObject ?? '') ? 'filtered_out' : 'deleted_at_source' };
  });
}

/** How a failed association is named in the errors list: `deals/12 → contacts/7` (HubSpot objects, source ids). */
export const associationErrorKey = (pair: AssociationPair): string =>
  `${pair.fromType}/${pair.fromSourceId} → ${pair.toType}/${pair.toSourceId}`;

/** The record an association error starts from (its HubSpot object and source id), or null for another key. */
export function associationErrorFrom(key: string): { hubspotObject: string; sourceId: string } | null {
  const match = /^([^/\s]+)\/(\S+) → /.exec(key);
  return match ? { hubspotObject: match[1] as string, sourceId: match[2] as string } : null;
}

/**
 * Commits the counts and errors of written associations on the associations task, in the transaction that
 * removes them from the buffer (association-buffer.ts), with the task's cursor (null before the deferred
 * pass, which passes where it stands).
 */
export async function commitAssociations(
  tx: TransferBatch,
  outcomes: readonly AssociationOutcome[],
  cursor: unknown = null,
): Promise<void> {
  if (outcomes.length === 0 && cursor === null) return;
  const count = (kind: AssociationOutcome['outcome']) => outcomes.filter((o) => o.outcome === kind).length;
  const errors = outcomes.flatMap((o) =>
    o.outcome === 'failed'
      ? [
          toStoredError(
            { ...o.error, sourceId: associationErrorKey(o.pair) },
            { hubspotObject: o.pair.fromType, hubspotId: o.pair.fromId },
          ),
        ]
      : [],
  );
  await tx.recordErrors(ASSOCIATIONS_TASK, errors);
  await tx.advance(ASSOCIATIONS_TASK, {
    cursor,
    counts: { read: outcomes.length, created: count('created'), skipped: count('skipped'), failed: count('failed') },
  });
}
