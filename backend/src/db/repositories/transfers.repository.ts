import type { JobKind } from '../../../../shared/src/contracts/index.js';
import type { Queryable } from '../pool.js';

/** One run of a phase for a connection; it shares its id with the job that runs it. */
export interface TransferRecord {
  id: string;
  portalId: number;
  connectionId: string;
  kind: JobKind;
  createdByUserId: number | null;
  createdAt: Date;
}

interface TransferRow {
  id: string;
  portal_id: string;
  connection_id: string;
  kind: JobKind;
  created_by_user_id: string | null;
  created_at: Date;
}

const fromRow = (row: TransferRow): TransferRecord => ({
  id: row.id,
  portalId: Number(row.portal_id),
  connectionId: row.connection_id,
  kind: row.kind,
  createdByUserId: row.created_by_user_id === null ? null : Number(row.created_by_user_id),
  createdAt: row.created_at,
});

export const transfersRepository = {
  /** The transfer of a job just created (same id, same owner), in the job's transaction. */
  async createForJob(db: Queryable, jobId: string): Promise<TransferRecord> {
    const result = await db.query<TransferRow>(
      `INSERT INTO transfers (id, portal_id, connection_id, kind, created_by_user_id, created_at)
       SELECT id, portal_id, connection_id, kind, created_by_user_id, created_at FROM jobs WHERE id = $1 RETURNING *`,
      [jobId],
    );
    if (!result.rows[0]) throw new Error(`no job ${jobId} to attach a transfer to`);
    return fromRow(result.rows[0]);
  },

  async find(db: Queryable, id: string): Promise<TransferRecord | null> {
    const result = await db.query<TransferRow>('SELECT * FROM transfers WHERE id = $1', [id]);
    return result.rows[0] ? fromRow(result.rows[0]) : null;
  },
};
