/**
 * Association pairs gathered across record batches and written in full v4 calls (2,000 pairs of records of one
 * kind: from object to object, whatever their association types), instead of one small call per kind after
 * every batch of 100.
 * Durable and exactly once: a batch's pairs are kept in Postgres in the batch's own commit; a call's pairs
 * are removed, and their outcomes counted on the associations task, in one commit after HubSpot answered it.
 * A crash between the call and that commit repeats the call, and writing an association again changes
 * nothing in HubSpot (one association per pair and type; a Primary company written again stays the one).
 * Pairs that need no call (an end skipped or missing) are counted with the next call's commit.
 *
 * Only this module's writes count association outcomes on the associations task, one at a time: record
 * batches committing in parallel never move that task, so their commits cannot collide with these.
 */
import type { Db } from '../../db/pool.js';
import {
  type AssociationKind,
  type PendingAssociation,
  pendingAssociationsRepository,
} from '../../db/repositories/pending-associations.repository.js';
import type { TransferBatch, TransferRun } from '../../jobs/transfer-run.js';
import {
  ASSOCIATION_BATCH_SIZE,
  type AssociationPair,
  labelOf,
  onePrimaryPerRecord,
  writeAssociations,
} from './association-writer.js';
import type { BatchApi } from './batch-sender.js';
import { crashPoint } from './crash-points.js';
import { commitAssociations } from './sync-associations.js';
import { ASSOCIATIONS_TASK } from './sync-plan.js';

/** Pairs that need no call, counted per commit at most: their rows are read and removed together. */
const SETTLED_PER_COMMIT = 5_000;

export interface AssociationBuffer {
  /** In a batch's commit: keeps its pairs (every one, for its outcome) until they are written. */
  keep(tx: TransferBatch, pairs: readonly AssociationPair[]): Promise<void>;
  /** Writes the kinds from `fromType` holding a full call (2,000 pairs), each 2,000 a call. */
  writeFull(task: string, fromType: string): Promise<void>;
  /** Writes every pair kept (the end of a task, of the deferred pass, a stop) and counts the settled ones. */
  writeAll(task: string): Promise<void>;
}

/**
 * The buffer of one sync attempt. Its writes run one at a time (batches may call it concurrently). `task`
 * names the task a write happens in, for the `associations-written` crash point.
 */
export function createAssociationBuffer(deps: { db: Db; api: BatchApi; run: TransferRun }): AssociationBuffer {
  const transferId = deps.run.transfer.id;
  let last: Promise<unknown> = Promise.resolve();
  const oneAtATime = (work: () => Promise<void>): Promise<void> => {
    const next = last.then(work);
    last = next.catch(() => undefined);
    return next;
  };

  /** Where the associations task stands (the deferred pass's cursor): a write's commit keeps it. */
  const associationsCursor = (): unknown =>
    deps.run.tasks().find((task) => task.object === ASSOCIATIONS_TASK)?.cursor ?? null;

  /** One call of `kind` (none: only settled pairs), then one commit; how many pairs it took. */
  async function writeOnce(task: string, kind: AssociationKind | null): Promise<number> {
    const settled = await pendingAssociationsRepository.settled(deps.db, transferId, SETTLED_PER_COMMIT);
    const sent =
      kind === null
        ? []
        : await pendingAssociationsRepository.toWrite(deps.db, transferId, kind, ASSOCIATION_BATCH_SIZE);
    const pending: PendingAssociation[] = [...settled, ...sent];
    if (pending.length === 0) return 0;
    const outcomes = await writeAssociations(
      deps.api,
      pending.map((p) => p.pair),
    );
    if (sent.length > 0) crashPoint('associations-written', task);
    await deps.run.commit(async (tx) => {
      const removed = await pendingAssociationsRepository.remove(
        tx.client,
        pending.map((p) => p.id),
      );
      const counted = outcomes.filter((_, index) => removed.has((pending[index] as PendingAssociation).id));
      await commitAssociations(tx, counted, associationsCursor());
    });
    return pending.length;
  }

  /** Writes full calls while some kind (of `fromType`, or any) holds at least `atLeast` pairs. */
  async function writeWhile(task: string, options: { atLeast: number; fromType?: string }): Promise<void> {
    for (;;) {
      const kinds = await pendingAssociationsRepository.kindsToWrite(deps.db, transferId, options);
      if (kinds.length === 0) return;
      for (const kind of kinds) await writeOnce(task, kind);
    }
  }

  return {
    async keep(tx, pairs) {
      await pendingAssociationsRepository.add(
        tx.client,
        transferId,
        onePrimaryPerRecord(pairs).map((pair) => ({ pair, label: labelOf(pair) })),
      );
    },

    writeFull: (task, fromType) => oneAtATime(() => writeWhile(task, { atLeast: ASSOCIATION_BATCH_SIZE, fromType })),

    writeAll: (task) =>
      oneAtATime(async () => {
        await writeWhile(task, { atLeast: 1 });
        while ((await writeOnce(task, null)) > 0);
      }),
  };
}
