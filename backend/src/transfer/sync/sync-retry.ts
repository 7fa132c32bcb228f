/**
 * "Retry failed records": a sync run limited to the records that failed in an earlier sync. Per plan row,
 * the records its errors name (its own record errors, and the records its failed associations start from)
 * are read again from the source by id, 100 at a time, and written like the sync writes them; in the
 * batch's commit the earlier sync's error rows for those records are resolved (deleted). A record that
 * fails again gets its new error in the retry's own log; one the source no longer has is counted skipped.
 * Nothing needs a cursor: a resumed retry reads the errors still unresolved.
 */
import type { RecordError } from '../../db/repositories/record-errors.repository.js';
import { recordErrorsRepository } from '../../db/repositories/record-errors.repository.js';
import type { TransferBatch } from '../../jobs/transfer-run.js';
import type { SourceRecord, SourceSession } from '../../sources/connector.js';
import type { PlannedObject } from '../mapping/mapping-plan.js';
import { chunk, OBJECT_BATCH_SIZE } from './batch-inputs.js';
import { associationErrorFrom } from './sync-associations.js';
import { ASSOCIATIONS_TASK } from './sync-plan.js';

/** The job checkpoint key naming the sync whose failed records a retry writes again. */
export const RETRY_OF = 'retryOf';

/** The sync a job retries the failed records of, or null for a full sync. */
export function retriedSyncOf(checkpoint: Record<string, unknown>): string | null {
  const value = checkpoint[RETRY_OF];
  return typeof value === 'string' ? value : null;
}

/** An error row of the retried sync that names a source record. */
export type FailedRecordError = Pick<RecordError, 'object' | 'sourceId'> & { id: number; sourceId: string };

/** The row's failed records: source id → the error rows they resolve once written. */
export function failedRecordsOf(row: PlannedObject, errors: readonly FailedRecordError[]): Map<string, number[]> {
  const failed = new Map<string, number[]>();
  const add = (sourceId: string, errorId: number) => failed.set(sourceId, [...(failed.get(sourceId) ?? []), errorId]);
  for (const error of errors) {
    if (error.object === row.key) add(error.sourceId, error.id);
    else if (error.object === ASSOCIATIONS_TASK) {
      const from = associationErrorFrom(error.sourceId);
      if (from?.hubspotObject === row.hubspotObject) add(from.sourceId, error.id);
    }
  }
  return failed;
}

/** What the retry of one row needs from the sync: the source, the stop check and the sync's batch write. */
export interface RetryRowRun {
  session: SourceSession;
  shouldStop: () => Promise<boolean>;
  write: (
    row: PlannedObject,
    records: readonly SourceRecord[],
    step: { cursor: unknown; skipped: number; settle: (tx: TransferBatch, own: readonly string[]) => Promise<void> },
  ) => Promise<void>;
}

/** Writes the row's failed records again, 100 a batch; 'stopped' when the user paused or canceled. */
export async function retryRow(
  run: RetryRowRun,
  row: PlannedObject,
  failed: ReadonlyMap<string, readonly number[]>,
): Promise<'done' | 'stopped'> {
  for (const ids of chunk([...failed.keys()], OBJECT_BATCH_SIZE)) {
    if (await run.shouldStop()) return 'stopped';
    const records = await run.session.readMany(row.sourceObject, ids);
    const found = new Set(records.map((record) => record.id));
    const gone = ids.filter((id) => !found.has(id));
    await run.write(row, records, {
      cursor: null,
      skipped: gone.length,
      // Records of another row (an activity of another type) keep their errors for that row.
      settle: (tx, own) =>
        recordErrorsRepository.resolve(
          tx.client,
          [...own, ...gone].flatMap((id) => failed.get(id) ?? []),
        ),
    });
  }
  return 'done';
}
