import type { ConnectionStatus, SourceId } from '../../../shared/src/contracts/index.js';
import type { Db } from '../db/pool.js';
import { connectionsRepository } from '../db/repositories/connections.repository.js';
import { jobsRepository } from '../db/repositories/jobs.repository.js';
import type { Portal } from '../db/repositories/portals.repository.js';
import type { GuideProgress } from './guide.js';

export async function connectionStatus(db: Db, portalId: number, source: SourceId): Promise<ConnectionStatus> {
  const connection = await connectionsRepository.findLive(db, portalId, source);
  if (!connection) return 'not_connected';
  return connection.status === 'connected' ? 'connected' : 'reconnect_needed';
}

/** Where a portal stands with a source, as the User guide needs it. */
export async function guideProgress(db: Db, portal: Portal, source: SourceId): Promise<GuideProgress> {
  const connection = await connectionsRepository.findLive(db, portal.id, source);
  const latestAudit = connection ? await jobsRepository.latestForConnection(db, connection.id, 'audit') : null;
  return {
    installed: portal.status === 'installed',
    connection: await connectionStatus(db, portal.id, source),
    audit: latestAudit?.status ?? null,
  };
}
