import type { Logger } from 'pino';
import type { JobKind, JobProgress } from '../../../shared/src/contracts/index.js';
import type { Db } from '../db/pool.js';
import { type JobRecord, jobsRepository } from '../db/repositories/jobs.repository.js';
import { FatalJobError, RetryableJobError } from './job-errors.js';
import type { JobAttempt, JobQueue } from './job-queue.js';

/** What a job handler gets: its job, a way to save progress and checkpoint, and whether to stop. */
export interface JobContext {
  job: JobRecord;
  logger: Logger;
  /** True once the user paused or canceled the job: save a checkpoint and return 'stopped'. */
  stopRequested(): Promise<boolean>;
  saveProgress(progress: JobProgress, checkpoint?: Record<string, unknown>): Promise<void>;
}

export type JobHandler = (context: JobContext) => Promise<'complete' | 'stopped'>;

const UNEXPECTED = 'Something went wrong on our side while running this job. Start it again; if it fails again, contact support.';

/**
 * Runs one attempt of a job through the state machine: PROCESSING, then COMPLETE, RETRYING (the queue
 * retries with backoff), FAILED, or left PAUSED/CANCELED when the user stopped it. A job already paused,
 * canceled or finished is not run.
 */
export function createJobRunner(deps: {
  db: Db;
  logger: Logger;
  queue: Pick<JobQueue, 'enqueue'>;
  handlers: Readonly<Record<JobKind, JobHandler>>;
}) {
  return {
    async run(jobId: string, attempt: JobAttempt): Promise<void> {
      const job = await jobsRepository.transition(deps.db, jobId, 'PROCESSING');
      if (!job) return;
      const logger = deps.logger.child({ jobId, kind: job.kind, portalId: job.portalId, attempt: attempt.retryCount });
      const context: JobContext = {
        job,
        logger,
        stopRequested: async () => {
          const status = await jobsRepository.status(deps.db, jobId);
          return status === 'PAUSED' || status === 'CANCELED';
        },
        saveProgress: (progress, checkpoint) => jobsRepository.saveProgress(deps.db, jobId, progress, checkpoint),
      };
      try {
        const outcome = await deps.handlers[job.kind](context);
        if (outcome === 'complete') await jobsRepository.transition(deps.db, jobId, 'COMPLETE');
      } catch (error) {
        if (error instanceof RetryableJobError && error.retryAfterMs !== undefined) {
          logger.warn({ reason: error.reason, retryAfterMs: error.retryAfterMs }, 'job rescheduled');
          if (await jobsRepository.transition(deps.db, jobId, 'RETRYING', error.reason)) {
            await deps.queue.enqueue(job.kind, jobId, error.retryAfterMs);
          }
          return;
        }
        if (error instanceof RetryableJobError && attempt.retryCount < attempt.retryLimit) {
          logger.warn({ reason: error.reason }, 'job will retry');
          if (await jobsRepository.transition(deps.db, jobId, 'RETRYING', error.reason)) throw error;
          return;
        }
        const reason = error instanceof RetryableJobError || error instanceof FatalJobError ? error.reason : UNEXPECTED;
        if (!(error instanceof RetryableJobError || error instanceof FatalJobError)) logger.error({ err: error }, 'job failed unexpectedly');
        else logger.warn({ reason }, 'job failed');
        await jobsRepository.transition(deps.db, jobId, 'FAILED', reason);
      }
    },

    /** pg-boss gave up on the job (its workers kept dying): it must not stay PROCESSING forever. */
    async markAbandoned(jobId: string): Promise<void> {
      await jobsRepository.transition(deps.db, jobId, 'FAILED', 'The job stopped responding several times in a row. Start it again.');
    },
  };
}
export type JobRunner = ReturnType<typeof createJobRunner>;
