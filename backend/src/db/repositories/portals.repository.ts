import type { Queryable } from '../pool.js';

export type PortalStatus = 'installed' | 'disconnected' | 'uninstalled';

export interface Portal {
  id: number;
  status: PortalStatus;
  hubDomain: string | null;
  installedByUserId: number | null;
  scopes: string[];
  disconnectedReason: string | null;
  installedAt: Date;
}

interface PortalRow {
  id: string;
  status: PortalStatus;
  hub_domain: string | null;
  installed_by_user_id: string | null;
  scopes: string[];
  disconnected_reason: string | null;
  installed_at: Date;
}

const fromRow = (row: PortalRow): Portal => ({
  id: Number(row.id),
  status: row.status,
  hubDomain: row.hub_domain,
  installedByUserId: row.installed_by_user_id === null ? null : Number(row.installed_by_user_id),
  scopes: row.scopes,
  disconnectedReason: row.disconnected_reason,
  installedAt: row.installed_at,
});

export interface PortalInstall {
  id: number;
  hubDomain: string | null;
  installedByUserId: number | null;
  scopes: string[];
}

export const portalsRepository = {
  async find(db: Queryable, id: number): Promise<Portal | null> {
    const result = await db.query<PortalRow>('SELECT * FROM portals WHERE id = $1', [id]);
    return result.rows[0] ? fromRow(result.rows[0]) : null;
  },

  /** A (re)install: the portal becomes installed again with the grant's scopes. */
  async upsertInstalled(db: Queryable, install: PortalInstall): Promise<Portal> {
    const result = await db.query<PortalRow>(
      `INSERT INTO portals (id, status, hub_domain, installed_by_user_id, scopes)
       VALUES ($1, 'installed', $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET status = 'installed', hub_domain = EXCLUDED.hub_domain,
         installed_by_user_id = EXCLUDED.installed_by_user_id, scopes = EXCLUDED.scopes,
         disconnected_reason = NULL, installed_at = now(), updated_at = now()
       RETURNING *`,
      [install.id, install.hubDomain, install.installedByUserId, install.scopes],
    );
    return fromRow(result.rows[0] as PortalRow);
  },

  async markDisconnected(db: Queryable, id: number, reason: string): Promise<void> {
    await db.query(
      `UPDATE portals SET status = 'disconnected', disconnected_reason = $2, updated_at = now() WHERE id = $1`,
      [id, reason],
    );
  },

  /**
   * Forgets a portal and everything it owns (connections, audits, transfers, id map, ledger: the foreign
   * keys cascade), unless one of its jobs is unfinished; false then, and nothing is deleted.
   */
  async removeUnlessBusy(db: Queryable, id: number): Promise<boolean> {
    const result = await db.query(
      `DELETE FROM portals WHERE id = $1
         AND NOT EXISTS (SELECT 1 FROM jobs WHERE portal_id = $1 AND status NOT IN ('COMPLETE', 'FAILED', 'CANCELED'))
       RETURNING id`,
      [id],
    );
    return result.rowCount === 1;
  },
};
