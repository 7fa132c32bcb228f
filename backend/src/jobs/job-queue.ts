import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { JobKind } from '../../../shared/src/contracts/index.js';

/** Where a job is sent when pg-boss gives up on it (retries spent, e.g. by workers dying again and again). */
const DEAD_LETTER_QUEUE = 'jobs-dead-letter';

/**
 * How long one attempt may run: pg-boss's longest (24 h), not its default 15 minutes, which failed and
 * retried a sync every 15 minutes (and would spend its retries in two hours). Heartbeats, not this bound,
 * find a dead worker; an attempt that does pass it is taken over and resumes from the last commit.
 */
export const MAX_ATTEMPT_SECONDS = 24 * 60 * 60;

export interface JobQueueOptions {
  databaseUrl: string;
  logger: Logger;
  /** A worker that stops sending heartbeats (killed) loses its job after this long; it is then retried. */
  heartbeatSeconds?: number;
  /** How often pg-boss looks for jobs whose worker died. */
  superviseIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
}

export interface JobAttempt {
  retryCount: number;
  retryLimit: number;
}

/** What a worker runs for a job id; throwing asks for a retry (with backoff), returning settles it. */
export type JobWorker = (jobId: string, attempt: JobAttempt) => Promise<void>;

/**
 * Dispatch of durable jobs through pg-boss (Postgres, SKIP LOCKED, heartbeats, retries with backoff).
 * Our own `jobs` table keeps the user-visible state; the queue only carries job ids.
 */
export function createJobQueue(options: JobQueueOptions) {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: 'pgboss',
    superviseIntervalSeconds: options.superviseIntervalSeconds ?? 10,
    monitorIntervalSeconds: options.superviseIntervalSeconds ?? 10,
  });
  boss.on('error', (error: unknown) => options.logger.error({ err: error }, 'job queue error'));
  const queueName = (kind: JobKind) => `job-${kind}`;
  const retryLimit = options.retryLimit ?? 8;

  return {
    async start(kinds: readonly JobKind[]): Promise<void> {
      await boss.start();
      const existing = new Set((await boss.getQueues()).map((queue) => queue.name));
      if (!existing.has(DEAD_LETTER_QUEUE)) await boss.createQueue(DEAD_LETTER_QUEUE);
      for (const kind of kinds) {
        // A queue made by an older version keeps its options but gets the attempt bound.
        if (existing.has(queueName(kind))) {
          await boss.updateQueue(queueName(kind), { expireInSeconds: MAX_ATTEMPT_SECONDS });
          continue;
        }
        await boss.createQueue(queueName(kind), {
          heartbeatSeconds: options.heartbeatSeconds ?? 10,
          expireInSeconds: MAX_ATTEMPT_SECONDS,
          retryLimit,
          retryDelay: options.retryDelaySeconds ?? 5,
          retryBackoff: true,
          retryDelayMax: 300,
          deadLetter: DEAD_LETTER_QUEUE,
        });
      }
    },

    async enqueue(kind: JobKind, jobId: string, startAfterMs = 0): Promise<void> {
      await boss.send(
        queueName(kind),
        { jobId },
        startAfterMs > 0 ? { startAfter: new Date(Date.now() + startAfterMs) } : {},
      );
    },

    async work(kind: JobKind, worker: JobWorker, concurrency = 2): Promise<void> {
      await boss.work<{ jobId: string }>(
        queueName(kind),
        { localConcurrency: concurrency, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
        async ([job]) => {
          if (job) await worker(job.data.jobId, { retryCount: job.retryCount, retryLimit });
        },
      );
    },

    /** Jobs pg-boss gave up on: the handler must record them as FAILED so none hangs. */
    async workDeadLetters(onDead: (jobId: string) => Promise<void>): Promise<void> {
      await boss.work<{ jobId: string }>(
        DEAD_LETTER_QUEUE,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
        async ([job]) => {
          if (job) await onDead(job.data.jobId);
        },
      );
    },

    async stop(): Promise<void> {
      await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}
export type JobQueue = ReturnType<typeof createJobQueue>;
