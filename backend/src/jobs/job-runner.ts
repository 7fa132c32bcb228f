import type { Logger } from 'pino';
import type { JobKind, JobProgress } from '../../../shared/src/contracts/index.js';
import type { Db } from '../db/pool.js';
import { type JobRecord, jobsRepository } from '../db/repositories/jobs.repository.js';
import { transfersRepository } from '../db/repositories/transfers.repository.js';
import { FatalJobError, ReconnectNeededError, RetryableJobError, StaleTaskError } from './job-errors.js';
import type { JobAttempt, JobQueue } from './job-queue.js';
import { createTransferRun, type TransferRun } from './transfer-run.js';

/** What a job handler gets: its job and transfer, a way to save progress and commit batches, and whether to stop. */
export interface JobContext {
  job: JobRecord;
  /** The transfer the job runs: its tasks, and `commit(tx => …)` for a batch's rows and cursor. */
  transfer: TransferRun;
  logger: Logger;
  /** True once the user paused or canceled the job: save a checkpoint and return 'stopped'. */
  stopRequested(): Promise<boolean>;
  saveProgress(progress: JobProgress, checkpoint?: Record<string, unknown>): Promise<void>;
}

export type JobHandler = (context: JobContext) => Promise<'complete' | 'stopped'>;

const UNEXPECTED =
  'Something went wrong on our side while running this job. Start it again; if it fails again, contact support.';

/**
 * Runs one attempt of a job through the state machine: PROCESSING, then COMPLETE, RETRYING (the queue
 * retries with backoff), FAILED, PAUSED until the user reconnects an app that refused our access, or left
 * PAUSED/CANCELED when the user stopped it. A job already paused,
 * canceled or finished is not run.
 */
export function createJobRunner(deps: {
  db: Db;
  logger: Logger;
  queue: Pick<JobQueue, 'enqueue'>;
  handlers: Readonly<Partial<Record<JobKind, JobHandler>>>;
}) {
  return {
    async run(jobId: string, attempt: JobAttempt): Promise<void> {
      const job = await jobsRepository.transition(deps.db, jobId, 'PROCESSING');
      if (!job) return;
      const logger = deps.logger.child({ jobId, kind: job.kind, portalId: job.portalId, attempt: attempt.retryCount });
      try {
        const handler = deps.handlers[job.kind];
        const transfer = await transfersRepository.find(deps.db, jobId);
        if (!handler || !transfer)
          throw new Error(`no ${handler ? 'transfer' : 'handler'} for ${job.kind} job ${jobId}`);
        const context: JobContext = {
          job,
          transfer: createTransferRun(deps.db, transfer),
          logger,
          stopRequested: async () => {
            const status = await jobsRepository.status(deps.db, jobId);
            return status === 'PAUSED' || status === 'CANCELED';
          },
          saveProgress: (progress, checkpoint) => jobsRepository.saveProgress(deps.db, jobId, progress, checkpoint),
        };
        const outcome = await handler(context);
        if (outcome === 'complete') await jobsRepository.transition(deps.db, jobId, 'COMPLETE');
      } catch (error) {
        if (error instanceof StaleTaskError) {
          // Another attempt owns the job now; its state is that attempt's to change.
          logger.warn({ object: error.object }, 'job attempt superseded by another worker');
          return;
        }
        if (error instanceof ReconnectNeededError) {
          // Nothing to retry until the user reconnects; the connect flow resumes the job (job.service.ts).
          logger.warn({ app: error.app }, 'job paused: reconnect needed');
          await jobsRepository.pauseForReconnect(deps.db, jobId, error.app, error.reason);
          return;
        }
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
        if (!(error instanceof RetryableJobError || error instanceof FatalJobError))
          logger.error({ err: error }, 'job failed unexpectedly');
        else logger.warn({ reason }, 'job failed');
        await jobsRepository.transition(deps.db, jobId, 'FAILED', reason);
      }
    },

    /** pg-boss gave up on the job (its workers kept dying): it must not stay PROCESSING forever. */
    async markAbandoned(jobId: string): Promise<void> {
      await jobsRepository.transition(
        deps.db,
        jobId,
        'FAILED',
        'The job stopped responding several times in a row. Start it again.',
      );
    },
  };
}
