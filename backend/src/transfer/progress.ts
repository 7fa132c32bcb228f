import type { ConnectionStatus, SourceId } from '../../../shared/src/contracts/index.js';
import type { Db } from '../db/pool.js';
import { connectionsRepository } from '../db/repositories/connections.repository.js';
import { jobsRepository } from '../db/repositories/jobs.repository.js';
import type { Portal } from '../db/repositories/portals.repository.js';
import type { GuideProgress } from './guide.js';

interface ListedSource {
  id: SourceId;
  availability: 'available' | 'coming_soon';
}

export async function connectionStatus(db: Db, portalId: number, source: SourceId): Promise<ConnectionStatus> {
  const connection = await connectionsRepository.findLive(db, portalId, source);
  if (!connection) return 'not_connected';
  return connection.status === 'connected' ? 'connected' : 'reconnect_needed';
}

/** The source the User guide is about: the first available one the portal has a connection to, else the first available one. */
export async function guideSource<S extends ListedSource>(db: Db, portalId: number, apps: readonly S[]): Promise<S | undefined> {
  const available = apps.filter((app) => app.availability === 'available');
  for (const app of available) {
    if ((await connectionStatus(db, portalId, app.id)) !== 'not_connected') return app;
  }
  return available[0];
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
