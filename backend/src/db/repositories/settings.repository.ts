import { TransferSettings } from '../../../../shared/src/contracts/index.js';
import { MappingPlan } from '../../transfer/mapping/mapping-plan.js';
import type { Queryable } from '../pool.js';

export interface StoredSettings {
  settings: TransferSettings;
  /** The plan of the audit the settings were made on (null if that plan is gone). */
  plan: MappingPlan | null;
  /** How many times they were saved: pass it back to `save` so a save in between is not lost. */
  revision: number;
}

export const settingsRepository = {
  /** The connection's saved settings with the plan they were made on, or null before the first save. */
  async find(db: Queryable, connectionId: string): Promise<StoredSettings | null> {
    const result = await db.query<{ settings: unknown; plan: unknown; revision: number }>(
      `SELECT s.settings, s.revision, p.plan FROM transfer_settings s
       LEFT JOIN mapping_plans p ON p.audit_id = s.audit_id
       WHERE s.connection_id = $1`,
      [connectionId],
    );
    const row = result.rows[0];
    if (!row) return null;
    return {
      settings: TransferSettings.parse(row.settings),
      plan: row.plan ? MappingPlan.parse(row.plan) : null,
      revision: row.revision,
    };
  },

  /**
   * Saves the connection's settings whole, in one statement (never half written), only if they are still
   * at `revision` (null: none saved yet). False when another save came first.
   */
  async save(
    db: Queryable,
    input: { connectionId: string; portalId: number; settings: TransferSettings; revision: number | null },
  ): Promise<boolean> {
    const values = [input.connectionId, input.portalId, input.settings.auditId, JSON.stringify(input.settings)];
    const result =
      input.revision === null
        ? await db.query(
            `INSERT INTO transfer_settings (connection_id, portal_id, audit_id, settings) VALUES ($1, $2, $3, $4)
             ON CONFLICT (connection_id) DO NOTHING`,
            values,
          )
        : await db.query(
            `UPDATE transfer_settings SET audit_id = $3, settings = $4, revision = revision + 1, updated_at = now()
             WHERE connection_id = $1 AND portal_id = $2 AND revision = $5`,
            [...values, input.revision],
          );
    return result.rowCount === 1;
  },
};
