import type { Queryable } from '../pool.js';

/** A source record a transfer could not move, with the reason (HubSpot's category, message and context). */
export interface RecordError {
  object: string;
  sourceId: string | null;
  code: string;
  message: string;
  context?: unknown;
}

export interface StoredRecordError extends RecordError {
  id: number;
  transferId: string;
  taskId: string | null;
  createdAt: Date;
}

/** A warning (the record landed, a value was not kept whole) is nothing to retry. */
const NOT_A_WARNING = "coalesce(context->>'severity', 'error') <> 'warning'";

interface RecordErrorRow {
  id: string;
  transfer_id: string;
  task_id: string | null;
  object: string;
  source_id: string | null;
  code: string;
  message: string;
  context: unknown;
  created_at: Date;
}

export const recordErrorsRepository = {
  async add(
    db: Queryable,
    input: { transferId: string; taskId: string | null; errors: readonly RecordError[] },
  ): Promise<void> {
    if (input.errors.length === 0) return;
    const { errors } = input;
    await db.query(
      `INSERT INTO record_errors (transfer_id, task_id, object, source_id, code, message, context)
       SELECT $1, $2, e.object, e.source_id, e.code, e.message, e.context
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[]) AS e (object, source_id, code, message, context)`,
      [
        input.transferId,
        input.taskId,
        errors.map((e) => e.object),
        errors.map((e) => e.sourceId),
        errors.map((e) => e.code),
        errors.map((e) => e.message),
        errors.map((e) => (e.context === undefined ? null : JSON.stringify(e.context))),
      ],
    );
  },

  async forTransfer(db: Queryable, transferId: string): Promise<StoredRecordError[]> {
    const result = await db.query<RecordErrorRow>('SELECT * FROM record_errors WHERE transfer_id = $1 ORDER BY id', [
      transferId,
    ]);
    return result.rows.map(fromRow);
  },

  /** The transfer's errors that name a source record (a record or association error), oldest first. */
  async withSourceIds(db: Queryable, transferId: string): Promise<{ id: number; object: string; sourceId: string }[]> {
    const result = await db.query<{ id: string; object: string; source_id: string }>(
      `SELECT id, object, source_id FROM record_errors
       WHERE transfer_id = $1 AND source_id IS NOT NULL AND ${NOT_A_WARNING} ORDER BY id`,
      [transferId],
    );
    return result.rows.map((row) => ({ id: Number(row.id), object: row.object, sourceId: row.source_id }));
  },

  /** Whether any of the transfer's errors names a source record. */
  async anyWithSourceId(db: Queryable, transferId: string): Promise<boolean> {
    const result = await db.query<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM record_errors WHERE transfer_id = $1 AND source_id IS NOT NULL AND ${NOT_A_WARNING}) AS found`,
      [transferId],
    );
    return result.rows[0]?.found === true;
  },

  /** Resolved errors leave the log: what they were about has landed (or is gone at the source). */
  async resolve(db: Queryable, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await db.query('DELETE FROM record_errors WHERE id = ANY($1::bigint[])', [ids]);
  },

  /**
   * One page of a transfer's errors, oldest first; `query` matches (case-insensitively) the item or record
   * id, the category, the message and the item's label.
   */
  async search(
    db: Queryable,
    input: { transferId: string; query: string | null; limit: number; offset: number },
  ): Promise<{ errors: StoredRecordError[]; total: number }> {
    const where = `transfer_id = $1 AND ($2::text IS NULL OR concat_ws(' ', source_id, code, message, context->>'label', object)
      ILIKE '%' || replace(replace(replace($2, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')`;
    const params = [input.transferId, input.query];
    const [page, count] = await Promise.all([
      db.query<RecordErrorRow>(`SELECT * FROM record_errors WHERE ${where} ORDER BY id LIMIT $3 OFFSET $4`, [
        ...params,
        input.limit,
        input.offset,
      ]),
      db.query<{ total: string }>(`SELECT count(*) AS total FROM record_errors WHERE ${where}`, params),
    ]);
    return { errors: page.rows.map(fromRow), total: Number(count.rows[0]?.total ?? 0) };
  },
};

function fromRow(row: RecordErrorRow): StoredRecordError {
  return {
    id: Number(row.id),
    transferId: row.transfer_id,
    taskId: row.task_id,
    object: row.object,
    sourceId: row.source_id,
    code: row.code,
    message: row.message,
    context: row.context ?? undefined,
    createdAt: row.created_at,
  };
}
