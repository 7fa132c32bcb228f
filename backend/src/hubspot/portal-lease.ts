/**
 * The per-portal writer lease (ARCHITECTURE "One portal, one writer"): all HubSpot writes of one portal
 * run inside `withPortalLease`, in whatever process. A second job for the same portal waits until the
 * first releases the lease (or its process dies: the lease is a session-level advisory lock, freed by
 * Postgres when the connection ends); it never fails for that reason.
 */
import pg from 'pg';
import { portalLeasesRepository } from '../db/repositories/portal-leases.repository.js';

export interface PortalLease {
  portalId: number;
  /** Aborted when the lease's connection breaks: the lock is gone, so stop writing. */
  signal: AbortSignal;
}

export class PortalLeaseLost extends Error {
  constructor(portalId: number, cause: unknown) {
    super(`the writer lease of portal ${portalId} was lost with its database connection`, { cause });
    this.name = 'PortalLeaseLost';
  }
}

/**
 * Runs `work` holding the portal's writer lease; waits for the lease first. The lease lives on its own
 * connection (same settings as `db`), outside the pool: jobs waiting for a lease never starve the pool
 * the lease holder works with.
 */
export async function withPortalLease<T>(
  db: pg.Pool,
  portalId: number,
  work: (lease: PortalLease) => Promise<T>,
): Promise<T> {
  const client = new pg.Client(db.options);
  const lost = new AbortController();
  client.on('error', (error) => lost.abort(new PortalLeaseLost(portalId, error)));
  await client.connect();
  try {
    await portalLeasesRepository.lock(client, portalId);
    return await work({ portalId, signal: lost.signal });
  } finally {
    // Closing the session frees its advisory lock, whether or not the connection still works.
    await client.end().catch(() => undefined);
  }
}
