/**
 * Links whose other end is written later in the run — an organization's person field, an organization's
 * or a person's link to another of its kind — cannot be written with their record's batch (the other end
 * is not in the id map yet). After every record task this pass reads the rows that have such links again,
 * page by page (a page of 500 costs Pipedrive 10 tokens), and keeps them for the association buffer's full
 * calls once both ends exist: both HubSpot ids from the id map. Its cursor (on the associations task) is
 * the row and page to resume at, committed with the page's pairs; the buffer writes each pair once.
 */
import { idMapRepository } from '../../db/repositories/id-map.repository.js';
import type { TransferRun } from '../../jobs/transfer-run.js';
import type { RecordPage, SourceRecord } from '../../sources/connector.js';
import type { MappingPlan, PlannedObject } from '../mapping/mapping-plan.js';
import { sourceObjectOf } from '../mapping/record-mapper.js';
import type { AssociationBuffer } from './association-buffer.js';
import { associationPairs, type AssociationScope } from './sync-associations.js';
import { ASSOCIATIONS_TASK } from './sync-plan.js';
import type { MappedRecord, SyncOutcome } from './sync-records.js';

export interface DeferredRun {
  scope: AssociationScope;
  plan: MappingPlan;
  associations: AssociationBuffer;
  /** The row's source records from a page cursor, as its task read them. */
  read(row: PlannedObject, cursor: string | null): AsyncGenerator<RecordPage>;
  /** The records of a page the row takes (its filter applied), mapped. */
  map(row: PlannedObject, records: readonly SourceRecord[]): MappedRecord[];
  commit: TransferRun['commit'];
  stopRequested(): Promise<boolean>;
}

/** Where the pass resumes: the row (null: every row is done) and its page (null: its first). */
interface DeferredCursor {
  row: string | null;
  page: string | null;
}

const isDeferredCursor = (value: unknown): value is DeferredCursor =>
  typeof value === 'object' && value !== null && 'row' in value && 'page' in value;

/** The rows (in sync order) with an association target whose object is written by the row itself or a later one. */
export function rowsWithLaterLinks(rows: readonly PlannedObject[], plan: MappingPlan): PlannedObject[] {
  const position = (sourceObject: string | null) => rows.findIndex((row) => row.sourceObject === sourceObject);
  return rows.filter((row, index) =>
    (plan.fields[row.key] ?? []).some((field) =>
      field.targets.some(
        (target) => target.kind === 'association' && position(sourceObjectOf(plan, target.objectType)) >= index,
      ),
    ),
  );
}

/** The pass, then every pair it kept written (also when stopped). */
export async function syncDeferredAssociations(run: DeferredRun, from: unknown): Promise<'done' | 'stopped'> {
  const outcome = await keepDeferredAssociations(run, from);
  await run.associations.writeAll(ASSOCIATIONS_TASK);
  return outcome;
}

async function keepDeferredAssociations(run: DeferredRun, from: unknown): Promise<'done' | 'stopped'> {
  const rows = rowsWithLaterLinks(run.scope.rows, run.plan);
  const resume = isDeferredCursor(from) ? from : { row: rows[0]?.key ?? null, page: null };
  const start =
    resume.row === null
      ? rows.length
      : Math.max(
          0,
          rows.findIndex((row) => row.key === resume.row),
        );
  for (const [index, row] of rows.entries()) {
    if (index < start) continue;
    const page = row.key === resume.row ? resume.page : null;
    for await (const read of run.read(row, page)) {
      if (await run.stopRequested()) return 'stopped';
      const batch = run.map(row, read.records);
      const ids = await idMapRepository.lookup(
        run.scope.db,
        run.scope.connectionId,
        row.sourceObject,
        batch.map((mapped) => mapped.record.id),
      );
      const written = batch.flatMap((mapped): SyncOutcome[] => {
        const hubspotId = ids.get(mapped.record.id);
        return hubspotId === undefined ? [] : [{ outcome: 'updated', sourceId: mapped.record.id, hubspotId }];
      });
      const pairs = await associationPairs(run.scope, row, batch, written, 'deferred');
      const next: DeferredCursor =
        read.cursor === null ? { row: rows[index + 1]?.key ?? null, page: null } : { row: row.key, page: read.cursor };
      await run.commit(async (tx) => {
        await run.associations.keep(tx, pairs);
        await tx.advance(ASSOCIATIONS_TASK, { cursor: next });
      });
      await run.associations.writeFull(ASSOCIATIONS_TASK, row.hubspotObject);
      if (read.cursor === null) break;
    }
  }
  return 'done';
}
