import type { Db } from '../../db/pool.js';
import { connectionsRepository } from '../../db/repositories/connections.repository.js';
import { DomainError } from '../../domain-errors.js';
import type { JobService } from '../../jobs/job.service.js';
import type { JobHandler } from '../../jobs/job-runner.js';
import type { ReadSettings } from '../settings/settings.service.js';

/**
 * The setup handler, then — when it completed and the settings in force have automatic sync on — the
 * sync queued for the same connection (off: the sync waits for the user's "Start sync"). A sync already
 * running (a repeated setup attempt) is left as it is.
 */
export function thenAutomaticSync(
  setup: JobHandler,
  deps: { db: Db; jobs: Pick<JobService, 'start'>; readSettings: ReadSettings },
): JobHandler {
  return async (context) => {
    const outcome = await setup(context);
    if (outcome !== 'complete') return outcome;
    const { job } = context;
    const connection = await connectionsRepository.find(deps.db, job.connectionId);
    if (connection?.status !== 'connected') return outcome;
    if (!(await deps.readSettings(job.portalId, connection.source)).automaticSync) return outcome;
    try {
      await deps.jobs.start({
        portalId: job.portalId,
        connectionId: connection.id,
        kind: 'sync',
        userId: job.createdByUserId ?? 0,
      });
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'job_already_running')) throw error;
    }
    return outcome;
  };
}
