/**
 * The per-portal writer lease (ARCHITECTURE "One portal, one writer"): all HubSpot writes of one portal
 * run inside `withPortalLease`, in whatever process. A second job for the same portal waits until the
 * first releases the lease (or its process dies: the lease is a session-level advisory lock, freed by
 * Postgres when the connection ends); it never fails for that reason.
 */
import type pg from 'pg';
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

/** Runs `work` holding the portal's writer lease; waits for the lease first. Holds one pool client meanwhile. */
export async function withPortalLease<T>(db: pg.Pool, portalId: number, work: (lease: PortalLease) => Promise<T>): Promise<T> {
  const client = await db.connect();
  const lost = new AbortController();
  const onError = (error: Error) => lost.abort(new PortalLeaseLost(portalId, error));
  client.on('error', onError);
  let broken: Error | undefined;
  try {
    await portalLeasesRepository.lock(client, portalId);
    return await work({ portalId, signal: lost.signal });
  } finally {
    try {
      if (!lost.signal.aborted) await portalLeasesRepository.unlock(client, portalId);
    } catch (error) {
      broken = error as Error;
    }
    client.off('error', onError);
    // A broken connection is destroyed, not returned to the pool (its lock died with it).
    client.release(lost.signal.aborted ? true : broken);
  }
}
