import { TransferSettings } from '../../../../shared/src/contracts/index.js';
import { MappingPlan } from '../../transfer/mapping/mapping-plan.js';
import type { Queryable } from '../pool.js';

export interface StoredSettings {
  settings: TransferSettings;
  /** The plan of the audit the settings were made on (null if that plan is gone). */
  plan: MappingPlan | null;
}

export const settingsRepository = {
  /** The connection's saved settings with the plan they were made on, or null before the first save. */
  async find(db: Queryable, connectionId: string): Promise<StoredSettings | null> {
    const result = await db.query<{ settings: unknown; plan: unknown }>(
      `SELECT s.settings, p.plan FROM transfer_settings s
       LEFT JOIN mapping_plans p ON p.audit_id = s.audit_id
       WHERE s.connection_id = $1`,
      [connectionId],
    );
    const row = result.rows[0];
    if (!row) return null;
    return { settings: TransferSettings.parse(row.settings), plan: row.plan ? MappingPlan.parse(row.plan) : null };
  },

  /** Saves the connection's settings whole (one statement: never half written). */
  async save(db: Queryable, input: { connectionId: string; portalId: number; settings: TransferSettings }) {
    await db.query(
      `INSERT INTO transfer_settings (connection_id, portal_id, audit_id, settings) VALUES ($1, $2, $3, $4)
       ON CONFLICT (connection_id) DO UPDATE
         SET audit_id = EXCLUDED.audit_id, settings = EXCLUDED.settings, updated_at = now()`,
      [input.connectionId, input.portalId, input.settings.auditId, JSON.stringify(input.settings)],
    );
  },
};
