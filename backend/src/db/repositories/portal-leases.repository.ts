import type pg from 'pg';

/**
 * Session-level advisory locks, one per portal, on a dedicated client: Postgres frees a lock when its
 * connection ends, so a killed process loses its leases. The key is a 64-bit hash of a namespaced
 * name, so portal ids of any size fit and no other advisory lock of the app can collide by accident.
 */
const KEY = "hashtextextended('smart-transfer:hubspot-portal-writer:' || $1::text, 0)";

export const portalLeasesRepository = {
  /** Waits in Postgres (no polling) until the lock is free, then holds it for this session. */
  async lock(client: pg.ClientBase, portalId: number): Promise<void> {
    await client.query(`SELECT pg_advisory_lock(${KEY})`, [portalId]);
  },

  async unlock(client: pg.ClientBase, portalId: number): Promise<void> {
    await client.query(`SELECT pg_advisory_unlock(${KEY})`, [portalId]);
  },
};
