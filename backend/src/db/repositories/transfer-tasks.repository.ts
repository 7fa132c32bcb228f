import type { Queryable } from '../pool.js';

export type TransferTaskStatus = 'pending' | 'running' | 'done';

/** What a batch adds to a task's counts. */
export interface TaskCounts {
  read: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

/** One unit of a transfer, in dependency order, with its cursor and the version that guards it. */
export interface TransferTaskRecord {
  id: string;
  transferId: string;
  object: string;
  position: number;
  status: TransferTaskStatus;
  cursor: unknown;
  cursorVersion: number;
  counts: TaskCounts;
}

interface TaskRow {
  id: string;
  transfer_id: string;
  object: string;
  position: number;
  status: TransferTaskStatus;
  cursor: unknown;
  cursor_version: number;
  read_count: string;
  created_count: string;
  updated_count: string;
  skipped_count: string;
  failed_count: string;
}

const fromRow = (row: TaskRow): TransferTaskRecord => ({
  id: row.id,
  transferId: row.transfer_id,
  object: row.object,
  position: row.position,
  status: row.status,
  cursor: row.cursor,
  cursorVersion: row.cursor_version,
  counts: {
    read: Number(row.read_count),
    created: Number(row.created_count),
    updated: Number(row.updated_count),
    skipped: Number(row.skipped_count),
    failed: Number(row.failed_count),
  },
});

export const NO_COUNTS: TaskCounts = { read: 0, created: 0, updated: 0, skipped: 0, failed: 0 };

export const addCounts = (a: TaskCounts, b: TaskCounts): TaskCounts => ({
  read: a.read + b.read,
  created: a.created + b.created,
  updated: a.updated + b.updated,
  skipped: a.skipped + b.skipped,
  failed: a.failed + b.failed,
});

export const transferTasksRepository = {
  /** Adds the tasks a transfer does not have yet, in the given (dependency) order; existing ones are kept. */
  async plan(db: Queryable, transferId: string, objects: readonly string[]): Promise<void> {
    await db.query(
      `INSERT INTO transfer_tasks (transfer_id, object, position)
       SELECT $1, object, ordinality FROM unnest($2::text[]) WITH ORDINALITY AS planned (object, ordinality)
       ON CONFLICT (transfer_id, object) DO NOTHING`,
      [transferId, objects],
    );
  },

  async list(db: Queryable, transferId: string): Promise<TransferTaskRecord[]> {
    const result = await db.query<TaskRow>('SELECT * FROM transfer_tasks WHERE transfer_id = $1 ORDER BY position', [
      transferId,
    ]);
    return result.rows.map(fromRow);
  },

  /**
   * Takes the transfer's tasks over for a new attempt: every cursor version rises, so a worker still
   * holding an older version (one presumed dead that is not) can no longer commit.
   */
  async claim(db: Queryable, transferId: string): Promise<TransferTaskRecord[]> {
    const result = await db.query<TaskRow>(
      `UPDATE transfer_tasks SET cursor_version = cursor_version + 1, updated_at = now() WHERE transfer_id = $1 RETURNING *`,
      [transferId],
    );
    return result.rows.map(fromRow).sort((a, b) => a.position - b.position);
  },

  /**
   * Moves a task's cursor on and adds to its counts, only if nobody moved it since `expectedVersion`;
   * the new version, or null when the task was taken over meanwhile.
   */
  async advance(
    db: Queryable,
    input: { taskId: string; expectedVersion: number; cursor: unknown; status: TransferTaskStatus; counts: TaskCounts },
  ): Promise<number | null> {
    const { counts } = input;
    const result = await db.query<{ cursor_version: number }>(
      `UPDATE transfer_tasks SET cursor = $3, status = $4, cursor_version = cursor_version + 1, updated_at = now(),
         read_count = read_count + $5, created_count = created_count + $6, updated_count = updated_count + $7,
         skipped_count = skipped_count + $8, failed_count = failed_count + $9
       WHERE id = $1 AND cursor_version = $2 RETURNING cursor_version`,
      [
        input.taskId,
        input.expectedVersion,
        JSON.stringify(input.cursor ?? null),
        input.status,
        counts.read,
        counts.created,
        counts.updated,
        counts.skipped,
        counts.failed,
      ],
    );
    return result.rows[0]?.cursor_version ?? null;
  },
};
