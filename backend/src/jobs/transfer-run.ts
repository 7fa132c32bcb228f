import type { Db, Queryable } from '../db/pool.js';
import { withTransaction } from '../db/pool.js';
import { type IdMapping, idMapRepository } from '../db/repositories/id-map.repository.js';
import { type LedgerIntent, ledgerRepository } from '../db/repositories/ledger.repository.js';
import { type RecordError, recordErrorsRepository } from '../db/repositories/record-errors.repository.js';
import {
  addCounts,
  NO_COUNTS,
  type TaskCounts,
  type TransferTaskRecord,
  transferTasksRepository,
} from '../db/repositories/transfer-tasks.repository.js';
import type { TransferRecord } from '../db/repositories/transfers.repository.js';
import { StaleTaskError } from './job-errors.js';

/** A task's step forward: where to resume from, what the batch added to its counts, whether it is finished. */
export interface TaskStep {
  cursor: unknown;
  counts?: Partial<TaskCounts>;
  done?: boolean;
}

/** What one batch writes; every call runs in the batch's one transaction. */
export interface TransferBatch {
  /** The transaction itself, for a repository this interface does not cover. */
  readonly client: Queryable;
  mapIds(mappings: readonly IdMapping[]): Promise<void>;
  /** Ledger intents, written before the HubSpot call. */
  intend(items: readonly LedgerIntent[]): Promise<void>;
  /** HubSpot acknowledged these items: their ids confirm the intents. */
  confirm(
    items: readonly { itemType: string; hubspotObject: string | null; itemKey: string; hubspotId: string }[],
  ): Promise<void>;
  /** Items HubSpot acknowledged, intent and confirmation in one statement (an intent written before stays). */
  confirmWritten(items: readonly (LedgerIntent & { hubspotId: string })[]): Promise<void>;
  recordErrors(object: string, errors: readonly Omit<RecordError, 'object'>[]): Promise<void>;
  /** Moves the task of `object` on; refused (StaleTaskError, and nothing commits) if another attempt took it over. */
  advance(object: string, step: TaskStep): Promise<void>;
}

/** A job's transfer as its handler sees it: its tasks and the one way to commit a batch. */
export interface TransferRun {
  readonly transfer: TransferRecord;
  /**
   * The transfer's tasks for this attempt: missing ones are added in the given (dependency) order, and all
   * are taken over, so a worker still running an older attempt can no longer commit. Call before `commit`.
   */
  start(objects: readonly string[]): Promise<readonly TransferTaskRecord[]>;
  /** The tasks as last committed by this attempt. */
  tasks(): readonly TransferTaskRecord[];
  /**
   * Ledger intents written before a HubSpot call, in one statement of their own (not a batch's commit):
   * they must be durable before the call, and they move no cursor.
   */
  intend(items: readonly LedgerIntent[]): Promise<void>;
  /** Runs `work` in ONE transaction: its id-map, ledger, error rows and task cursors commit together or not at all. */
  commit<T>(work: (tx: TransferBatch) => Promise<T>): Promise<T>;
}

export function createTransferRun(db: Db, transfer: TransferRecord): TransferRun {
  const tasks = new Map<string, TransferTaskRecord>();
  const taskOf = (object: string) => {
    const task = tasks.get(object);
    if (!task) throw new Error(`transfer ${transfer.id} has no started task "${object}"`);
    return task;
  };

  return {
    transfer,

    async start(objects) {
      await transferTasksRepository.plan(db, transfer.id, objects);
      tasks.clear();
      for (const task of await transferTasksRepository.claim(db, transfer.id)) tasks.set(task.object, task);
      return [...tasks.values()];
    },

    tasks: () => [...tasks.values()],

    intend: (items) =>
      ledgerRepository.intend(db, { transferId: transfer.id, connectionId: transfer.connectionId, items }),

    async commit(work) {
      // Task changes reach the in-memory view only once the transaction has committed.
      const advanced = new Map<string, TransferTaskRecord>();
      const result = await withTransaction(db, async (client) => {
        const batch: TransferBatch = {
          client,
          mapIds: (mappings) =>
            idMapRepository.upsert(client, { connectionId: transfer.connectionId, transferId: transfer.id, mappings }),
          intend: (items) =>
            ledgerRepository.intend(client, { transferId: transfer.id, connectionId: transfer.connectionId, items }),
          confirm: (items) => ledgerRepository.confirm(client, { transferId: transfer.id, items }),
          confirmWritten: (items) =>
            ledgerRepository.confirmWritten(client, {
              transferId: transfer.id,
              connectionId: transfer.connectionId,
              items,
            }),
          recordErrors: (object, errors) =>
            recordErrorsRepository.add(client, {
              transferId: transfer.id,
              taskId: tasks.get(object)?.id ?? null,
              errors: errors.map((error) => ({ ...error, object })),
            }),
          async advance(object, step) {
            const task = advanced.get(object) ?? taskOf(object);
            const counts = { ...NO_COUNTS, ...step.counts };
            const status = step.done ? 'done' : 'running';
            const version = await transferTasksRepository.advance(client, {
              taskId: task.id,
              expectedVersion: task.cursorVersion,
              cursor: step.cursor,
              status,
              counts,
            });
            if (version === null) throw new StaleTaskError(transfer.id, object);
            advanced.set(object, {
              ...task,
              cursor: step.cursor,
              cursorVersion: version,
              status,
              counts: addCounts(task.counts, counts),
            });
          },
        };
        return work(batch);
      });
      for (const [object, task] of advanced) tasks.set(object, task);
      return result;
    },
  };
}
