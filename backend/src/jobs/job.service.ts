import type { Job, JobAction, JobKind } from '../../../shared/src/contracts/index.js';
import { type Db, withTransaction } from '../db/pool.js';
import { isActiveJobConflict, type JobRecord, jobsRepository } from '../db/repositories/jobs.repository.js';
import { transfersRepository } from '../db/repositories/transfers.repository.js';
import { conflict, notFound } from '../domain-errors.js';
import type { JobQueue } from './job-queue.js';

export function toJobContract(job: JobRecord): Job {
  return {
    id: job.id,
    kind: job.kind,
    connectionId: job.connectionId,
    status: job.status,
    progress: job.progress,
    statusReason: job.statusReason,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Starting transfers (each run by one job; never two unfinished jobs of one kind per connection) and the
 * user's pause, resume and cancel.
 */
export function createJobService(deps: { db: Db; queue: Pick<JobQueue, 'enqueue'> }) {
  return {
    async start(input: { portalId: number; connectionId: string; kind: JobKind; userId: number }): Promise<JobRecord> {
      let job: JobRecord;
      try {
        job = await withTransaction(deps.db, async (tx) => {
          const created = await jobsRepository.create(tx, { ...input, createdByUserId: input.userId });
          await transfersRepository.createForJob(tx, created.id);
          return created;
        });
      } catch (error) {
        if (isActiveJobConflict(error)) {
          throw conflict(
            'job_already_running',
            `Another ${input.kind} is already running for this connection. Wait for it to finish, or cancel it.`,
          );
        }
        throw error;
      }
      await deps.queue.enqueue(job.kind, job.id);
      return job;
    },

    async find(portalId: number, jobId: string): Promise<JobRecord> {
      const job = await jobsRepository.findForPortal(deps.db, portalId, jobId);
      if (!job) throw notFound('job_not_found', 'No such job in this HubSpot account.');
      return job;
    },

    async act(portalId: number, jobId: string, action: JobAction): Promise<JobRecord> {
      const job = await this.find(portalId, jobId);
      const target = { pause: 'PAUSED', resume: 'PENDING', cancel: 'CANCELED' } as const;
      const changed = await jobsRepository.transition(
        deps.db,
        job.id,
        target[action],
        action === 'cancel' ? 'Canceled by the user.' : null,
      );
      if (!changed) {
        throw conflict(
          'job_state_conflict',
          `This job is ${job.status.toLowerCase()} and cannot be ${action === 'pause' ? 'paused' : `${action}d`}.`,
        );
      }
      if (action === 'resume') await deps.queue.enqueue(changed.kind, changed.id);
      return changed;
    },

    /**
     * The user reconnected `app` (`hubspot` after a reinstall, or a source for `connectionId`): the jobs it
     * paused (ReconnectNeededError) run again from their checkpoints.
     */
    async resumeAfterReconnect(input: { portalId: number; app: string; connectionId?: string }): Promise<void> {
      for (const job of await jobsRepository.resumeAfterReconnect(deps.db, input))
        await deps.queue.enqueue(job.kind, job.id);
    },
  };
}
export type JobService = ReturnType<typeof createJobService>;
