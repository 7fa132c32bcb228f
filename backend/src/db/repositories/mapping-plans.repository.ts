import { MappingPlan } from '../../transfer/mapping/mapping-plan.js';
import type { Queryable } from '../pool.js';

export const mappingPlansRepository = {
  /** Saves the plan of audit `auditId`; a repeated save (a retried job) replaces it. */
  async save(
    db: Queryable,
    input: { auditId: string; portalId: number; connectionId: string; plan: MappingPlan },
  ): Promise<void> {
    await db.query(
      `INSERT INTO mapping_plans (audit_id, portal_id, connection_id, plan) VALUES ($1, $2, $3, $4)
       ON CONFLICT (audit_id) DO UPDATE SET plan = EXCLUDED.plan, created_at = now()`,
      [input.auditId, input.portalId, input.connectionId, JSON.stringify(input.plan)],
    );
  },

  /** The plan of the connection's latest audit, or null before its first audit completes. */
  async latestForConnection(
    db: Queryable,
    connectionId: string,
  ): Promise<{ auditId: string; plan: MappingPlan } | null> {
    const result = await db.query<{ audit_id: string; plan: unknown }>(
      'SELECT audit_id, plan FROM mapping_plans WHERE connection_id = $1 ORDER BY created_at DESC LIMIT 1',
      [connectionId],
    );
    const row = result.rows[0];
    return row ? { auditId: row.audit_id, plan: MappingPlan.parse(row.plan) } : null;
  },
};
