import type { ConnectionStatus, GuideStep, SourceApp, SourceId } from '../../../shared/src/contracts/index.js';
import type { Db } from '../db/pool.js';
import { connectionsRepository } from '../db/repositories/connections.repository.js';
import { type JobRecord, jobsRepository, reconnectAppOf } from '../db/repositories/jobs.repository.js';
import type { Portal } from '../db/repositories/portals.repository.js';
import type { SourceRegistry } from '../sources/source-registry.js';
import { buildGuide } from './guide.js';

/** The name of the app a paused job waits to be reconnected: HubSpot, or the source. */
function reconnectName(job: JobRecord | null, sourceName: string): string | null {
  const app = job ? reconnectAppOf(job) : null;
  if (app === null) return null;
  return app === 'hubspot' ? 'HubSpot' : sourceName;
}

/** Where a portal stands: each source app's connection, and the User guide's checklist. */
export function createProgressService(deps: { db: Db; sources: Pick<SourceRegistry, 'apps'> }) {
  async function connectionStatus(portalId: number, source: SourceId): Promise<ConnectionStatus> {
    const connection = await connectionsRepository.findLive(deps.db, portalId, source);
    if (!connection) return 'not_connected';
    return connection.status === 'connected' ? 'connected' : 'reconnect_needed';
  }

  /** The source the User guide is about: the first available one the portal is connected to, else the first available one. */
  async function guideSource(portalId: number) {
    const available = deps.sources.apps().filter((app) => app.availability === 'available');
    for (const app of available) {
      if ((await connectionStatus(portalId, app.id)) !== 'not_connected') return app;
    }
    return available[0];
  }

  return {
    /** The source apps, each with this portal's connection status. */
    async apps(portalId: number): Promise<SourceApp[]> {
      return Promise.all(
        deps.sources
          .apps()
          .map(async (source) => ({ ...source, connectionStatus: await connectionStatus(portalId, source.id) })),
      );
    },

    /** The User guide's steps for a portal's work with its source. */
    async guide(portal: Portal): Promise<GuideStep[]> {
      const source = await guideSource(portal.id);
      if (!source) throw new Error('No source app is available');
      const connection = await connectionsRepository.findLive(deps.db, portal.id, source.id);
      const latestJob = (kind: 'audit' | 'setup' | 'sync') =>
        connection ? jobsRepository.latestForConnection(deps.db, connection.id, kind) : null;
      const [latestAudit, latestSetup, latestSync] = await Promise.all([
        latestJob('audit'),
        latestJob('setup'),
        latestJob('sync'),
      ]);
      return buildGuide(
        {
          installed: portal.status === 'installed',
          connection: await connectionStatus(portal.id, source.id),
          audit: latestAudit?.status ?? null,
          setup: latestSetup?.status ?? null,
          sync: latestSync?.status ?? null,
          syncReconnect: reconnectName(latestSync, source.name),
        },
        source.name,
      );
    },
  };
}
export type ProgressService = ReturnType<typeof createProgressService>;
