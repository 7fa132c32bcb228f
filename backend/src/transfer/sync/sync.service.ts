import type { SourceId, SyncResponse } from '../../../../shared/src/contracts/index.js';
import type { Db } from '../../db/pool.js';
import { connectionsRepository } from '../../db/repositories/connections.repository.js';
import { jobsRepository, reconnectAppOf } from '../../db/repositories/jobs.repository.js';
import { conflict, notFound } from '../../domain-errors.js';
import type { JobService } from '../../jobs/job.service.js';
import type { SourceRegistry } from '../../sources/source-registry.js';
import type { TransferService } from '../transfer.service.js';
import { rateMarkOf, recordsRead, syncRate } from './sync-progress.js';

/** Starting and following the sync transfer, scoped to the signed portal. */
export function createSyncService(deps: {
  db: Db;
  jobs: JobService;
  transfers: TransferService;
  sources: Pick<SourceRegistry, 'nameOf'>;
}) {
  async function liveConnection(portalId: number, source: SourceId) {
    const connection = await connectionsRepository.findLive(deps.db, portalId, source);
    if (!connection) throw conflict('not_connected', `Connect ${deps.sources.nameOf(source)} first.`);
    return connection;
  }

  async function toResponse(portalId: number, id: string): Promise<SyncResponse> {
    const transfer = await deps.transfers.get(portalId, id);
    if (transfer.kind !== 'sync') throw notFound('sync_not_found', 'No such sync in this HubSpot account.');
    const job = await jobsRepository.find(deps.db, id);
    const sum = (pick: (counts: (typeof transfer.tasks)[number]['counts']) => number) =>
      transfer.tasks
        .filter((task) => task.object !== 'associations')
        .reduce((total, task) => total + pick(task.counts), 0);
    return {
      ...transfer,
      summary: {
        read: sum((c) => c.read),
        created: sum((c) => c.created),
        updated: sum((c) => c.updated),
        skipped: sum((c) => c.skipped),
        failed: sum((c) => c.failed),
      },
      ...syncRate({
        status: transfer.job.status,
        mark: job ? rateMarkOf(job.checkpoint) : null,
        read: recordsRead(transfer.tasks),
        now: new Date(),
        finishedAt: job?.finishedAt ?? null,
      }),
      reconnectNeeded: job ? reconnectAppOf(job) : null,
    };
  }

  return {
    /** Refused (409) unless the connection's latest setup completed: the sync writes into what setup made. */
    async start(input: { portalId: number; userId: number; source: SourceId }): Promise<SyncResponse> {
      const connection = await liveConnection(input.portalId, input.source);
      const setup = await jobsRepository.latestForConnection(deps.db, connection.id, 'setup');
      if (setup?.status !== 'COMPLETE')
        throw conflict('setup_not_complete', 'Prepare HubSpot first: the sync starts once setup is complete.');
      const job = await deps.jobs.start({
        portalId: input.portalId,
        connectionId: connection.id,
        kind: 'sync',
        userId: input.userId,
      });
      return toResponse(input.portalId, job.id);
    },

    get: toResponse,

    async latest(portalId: number, source: SourceId): Promise<SyncResponse> {
      const connection = await liveConnection(portalId, source);
      const job = await jobsRepository.latestForConnection(deps.db, connection.id, 'sync');
      if (!job) throw notFound('no_sync', 'No sync has run yet.');
      return toResponse(portalId, job.id);
    },
  };
}
export type SyncService = ReturnType<typeof createSyncService>;
