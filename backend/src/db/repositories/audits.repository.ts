import type { AuditResult } from '../../../../shared/src/contracts/index.js';
import type { Queryable } from '../pool.js';

export interface AuditRecord {
  id: string;
  portalId: number;
  connectionId: string;
  previousAuditId: string | null;
  result: AuditResult;
  completedAt: Date;
}

interface AuditRow {
  id: string;
  portal_id: string;
  connection_id: string;
  previous_audit_id: string | null;
  result: AuditResult;
  completed_at: Date;
}

const fromRow = (row: AuditRow): AuditRecord => ({
  id: row.id,
  portalId: Number(row.portal_id),
  connectionId: row.connection_id,
  previousAuditId: row.previous_audit_id,
  result: row.result,
  completedAt: row.completed_at,
});

export const auditsRepository = {
  /** Saves the result of audit job `id`; a repeated save (a retried job) replaces it. */
  async save(
    db: Queryable,
    audit: { id: string; portalId: number; connectionId: string; result: AuditResult },
  ): Promise<void> {
    await db.query(
      `INSERT INTO audits (id, portal_id, connection_id, previous_audit_id, result)
       VALUES ($1, $2, $3,
         (SELECT id FROM audits WHERE connection_id = $3 AND id <> $1 ORDER BY completed_at DESC LIMIT 1), $4)
       ON CONFLICT (id) DO UPDATE SET result = EXCLUDED.result, completed_at = now()`,
      [audit.id, audit.portalId, audit.connectionId, JSON.stringify(audit.result)],
    );
  },

  async findForPortal(db: Queryable, portalId: number, id: string): Promise<AuditRecord | null> {
    const result = await db.query<AuditRow>('SELECT * FROM audits WHERE id = $1 AND portal_id = $2', [id, portalId]);
    return result.rows[0] ? fromRow(result.rows[0]) : null;
  },
};
