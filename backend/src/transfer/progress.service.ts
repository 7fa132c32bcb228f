import type { SourceApp, ConnectionStatus, GuideStep, SourceId } from '../../../shared/src/contracts/index.js';
import type { Db } from '../db/pool.js';
import { connectionsRepository } from '../db/repositories/connections.repository.js';
import { jobsRepository } from '../db/repositories/jobs.repository.js';
import type { Portal } from '../db/repositories/portals.repository.js';
import { SOURCE_CATALOG } from '../sources/catalog.js';
import { buildGuide } from './guide.js';

/** Where a portal stands: each source app's connection, and the User guide's checklist. */
export function createProgressService(deps: { db: Db }) {
  async function connectionStatus(portalId: number, source: SourceId): Promise<ConnectionStatus> {
    const connection = await connectionsRepository.findLive(deps.db, portalId, source);
    if (!connection) return 'not_connected';
    return connection.status === 'connected' ? 'connected' : 'reconnect_needed';
  }

  return {
    /** The source apps, each with this portal's connection status. */
    async apps(portalId: number): Promise<SourceApp[]> {
      return Promise.all(
        SOURCE_CATALOG.map(async (source) => ({
          ...source,
          connectionStatus: await connectionStatus(portalId, source.id),
        })),
      );
    },

    /** The User guide's steps for a portal's work with one source. */
    async guide(portal: Portal, source: SourceId): Promise<GuideStep[]> {
      const connection = await connectionsRepository.findLive(deps.db, portal.id, source);
      const latestAudit = connection ? await jobsRepository.latestForConnection(deps.db, connection.id, 'audit') : null;
      return buildGuide({
        installed: portal.status === 'installed',
        connection: await connectionStatus(portal.id, source),
        audit: latestAudit?.status ?? null,
      });
    },
  };
}
export type ProgressService = ReturnType<typeof createProgressService>;
