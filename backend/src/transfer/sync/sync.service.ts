import type { SourceId, SyncResponse } from '../../../../shared/src/contracts/index.js';
import type { Db } from '../../db/pool.js';
import { connectionsRepository } from '../../db/repositories/connections.repository.js';
import { jobsRepository, reconnectAppOf } from '../../db/repositories/jobs.repository.js';
import { recordErrorsRepository } from '../../db/repositories/record-errors.repository.js';
import { conflict, notFound } from '../../domain-errors.js';
import type { JobService } from '../../jobs/job.service.js';
import { canTransition } from '../../jobs/job-states.js';
import type { SourceRegistry } from '../../sources/source-registry.js';
import type { TransferService } from '../transfer.service.js';
import { STEP_TASKS } from './sync-plan.js';
import { rateMarkOf, recordsRead, syncRate } from './sync-progress.js';
import { retriedSyncOf, RETRY_OF } from './sync-retry.js';

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

  async function syncOf(portalId: number, id: string) {
    const transfer = await deps.transfers.get(portalId, id);
    if (transfer.kind !== 'sync') throw notFound('sync_not_found', 'No such sync in this HubSpot account.');
    return transfer;
  }

  /** Refused (409) unless the connection's latest setup completed: the sync writes into what setup made. */
  async function startSync(
    input: { portalId: number; userId: number; source: SourceId },
    checkpoint?: Record<string, unknown>,
  ): Promise<SyncResponse> {
    const connection = await liveConnection(input.portalId, input.source);
    const setup = await jobsRepository.latestForConnection(deps.db, connection.id, 'setup');
    if (setup?.status !== 'COMPLETE')
      throw conflict('setup_not_complete', 'Prepare HubSpot first: the sync starts once setup is complete.');
    const job = await deps.jobs.start({
      portalId: input.portalId,
      connectionId: connection.id,
      kind: 'sync',
      userId: input.userId,
      ...(checkpoint ? { checkpoint } : {}),
    });
    return toResponse(input.portalId, job.id);
  }

  async function toResponse(portalId: number, id: string): Promise<SyncResponse> {
    const transfer = await syncOf(portalId, id);
    const job = await jobsRepository.find(deps.db, id);
    const sum = (pick: (counts: (typeof transfer.tasks)[number]['counts']) => number) =>
      transfer.tasks
        .filter((task) => !STEP_TASKS.has(task.object))
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
      retryOf: job ? retriedSyncOf(job.checkpoint) : null,
    };
  }

  return {
    start: (input: { portalId: number; userId: number; source: SourceId }) => startSync(input),

    /**
     * A sync run of the records that failed in sync `id` (of this portal): refused (409) while that sync
     * has not ended, or when none of its errors names a record to write again.
     */
    async retryFailed(input: { portalId: number; userId: number; id: string }): Promise<SyncResponse> {
      const transfer = await syncOf(input.portalId, input.id);
      // Unfinished: it may still be paused, resumed or canceled.
      if (canTransition(transfer.job.status, 'CANCELED'))
        throw conflict('job_already_running', 'This sync is still running: retry its failed records once it ends.');
      if (!(await recordErrorsRepository.anyWithSourceId(deps.db, transfer.id)))
        throw conflict('nothing_to_retry', 'No failed records to retry in this sync.');
      const connection = await connectionsRepository.find(deps.db, transfer.connectionId);
      const live = connection && (await connectionsRepository.findLive(deps.db, input.portalId, connection.source));
      // The id map and errors belong to the connection the sync ran on; a new connection starts a new sync.
      if (!connection || live?.id !== connection.id)
        throw conflict(
          'not_connected',
          'This sync ran on a connection that is gone. Connect the app and start a sync.',
        );
      return startSync(
        { portalId: input.portalId, userId: input.userId, source: connection.source },
        { [RETRY_OF]: transfer.id },
      );
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
