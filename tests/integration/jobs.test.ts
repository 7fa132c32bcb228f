import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pino from 'pino';
import type { JobStatus } from '../../shared/src/contracts/index.js';
import { jobsRepository } from '../../backend/src/db/repositories/jobs.repository.js';
import { FatalJobError, RetryableJobError } from '../../backend/src/jobs/job-errors.js';
import { createJobQueue, type JobQueue } from '../../backend/src/jobs/job-queue.js';
import { createJobRunner, type JobContext } from '../../backend/src/jobs/job-runner.js';
import { createJobService, type JobService } from '../../backend/src/jobs/job.service.js';
import { JOB_TRANSITIONS, canTransition } from '../../backend/src/jobs/job-states.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { portalWithConnection } from '../support/fixtures.js';
import { deferred, waitFor } from '../support/wait-for.js';

/** What the test handler does for a job: scripted per test through the job's connection. */
type Script = (context: JobContext) => Promise<'complete' | 'stopped'>;

let db: TestDatabase;
let queue: JobQueue;
let jobs: JobService;
const scripts = new Map<string, Script>();
let portalSeq = 100;

beforeAll(async () => {
  db = await createTestDatabase();
  const logger = pino({ level: 'silent' });
  queue = createJobQueue({ databaseUrl: db.url, logger, superviseIntervalSeconds: 1, pollingIntervalSeconds: 0.5, retryLimit: 2, retryDelaySeconds: 1 });
  await queue.start(['audit']);
  const runner = createJobRunner({
    db: db.pool,
    logger,
    queue,
    handlers: {
      audit: async (context) => {
        const script = scripts.get(context.job.connectionId);
        if (!script) throw new Error('no script for this job');
        return script(context);
      },
    },
  });
  await queue.work('audit', (jobId, attempt) => runner.run(jobId, attempt), 4);
  jobs = createJobService({ db: db.pool, queue });
});
afterAll(async () => {
  await queue.stop();
  await db.drop();
});

async function newJob(script: Script) {
  portalSeq += 1;
  const connection = await portalWithConnection(db.pool, portalSeq);
  scripts.set(connection.id, script);
  const job = await jobs.start({ portalId: portalSeq, connectionId: connection.id, kind: 'audit', userId: 1 });
  return { job, portalId: portalSeq, connectionId: connection.id };
}

const statusOf = (id: string) => jobsRepository.find(db.pool, id);
const untilStatus = (id: string, wanted: JobStatus) =>
  waitFor(() => statusOf(id), (job) => job?.status === wanted, 20_000, `job ${id} to be ${wanted}`);

describe('job state machine', () => {
  it('allows only the documented transitions, and nothing leaves a final state', () => {
    for (const final of ['COMPLETE', 'FAILED', 'CANCELED'] as const) expect(JOB_TRANSITIONS[final]).toEqual([]);
    expect(canTransition('PAUSED', 'PROCESSING')).toBe(false);
    expect(canTransition('PAUSED', 'PENDING')).toBe(true);
    expect(canTransition('RETRYING', 'PROCESSING')).toBe(true);
    expect(canTransition('COMPLETE', 'PENDING')).toBe(false);
  });
});

describe('durable jobs', () => {
  it('runs a job to COMPLETE with its progress saved', async () => {
    const { job } = await newJob(async (context) => {
      await context.saveProgress({ done: 7, total: 7, phase: 'done' }, { step: 'last' });
      return 'complete';
    });
    const done = await untilStatus(job.id, 'COMPLETE');
    expect(done?.progress).toEqual({ done: 7, total: 7, phase: 'done' });
    expect(done?.checkpoint).toEqual({ step: 'last' });
    expect(done?.finishedAt).not.toBeNull();
  });

  it('keeps at most one unfinished job per connection', async () => {
    const release = deferred();
    const { job, portalId, connectionId } = await newJob(async () => {
      await release.promise;
      return 'complete';
    });
    await expect(jobs.start({ portalId, connectionId, kind: 'audit', userId: 1 })).rejects.toMatchObject({ status: 409, code: 'job_already_running' });
    release.resolve();
    await untilStatus(job.id, 'COMPLETE');
    const second = await jobs.start({ portalId, connectionId, kind: 'audit', userId: 1 });
    expect(second.status).toBe('PENDING');
    await untilStatus(second.id, 'COMPLETE');
  });

  it('pauses at the next checkpoint and resumes from it', async () => {
    const reachedPage = deferred();
    const seenCheckpoints: unknown[] = [];
    const { job, portalId } = await newJob(async (context) => {
      seenCheckpoints.push(context.job.checkpoint);
      const page = Number((context.job.checkpoint as { page?: number }).page ?? 0);
      for (let next = page + 1; next <= 1000; next += 1) {
        await context.saveProgress({ done: next, total: 1000, phase: 'counting' }, { page: next });
        if (next === 3 && page === 0) reachedPage.resolve();
        if (await context.stopRequested()) return 'stopped';
        if (next === 3 && page === 0) await waitFor(() => context.stopRequested(), (stop) => stop, 20_000, 'pause');
      }
      return 'complete';
    });
    await reachedPage.promise;
    await jobs.act(portalId, job.id, 'pause');
    const paused = await untilStatus(job.id, 'PAUSED');
    await waitFor(() => statusOf(job.id), (row) => Number((row?.checkpoint as { page?: number }).page) >= 3, 5000, 'checkpoint');
    expect(paused?.status).toBe('PAUSED');
    await expect(jobs.act(portalId, job.id, 'pause')).rejects.toMatchObject({ status: 409, code: 'job_state_conflict' });
    await jobs.act(portalId, job.id, 'resume');
    const finished = await untilStatus(job.id, 'COMPLETE');
    expect(finished?.progress.done).toBe(1000);
    expect((seenCheckpoints[1] as { page: number }).page).toBeGreaterThanOrEqual(3);
  });

  it('cancels a running job, which then never runs again', async () => {
    const started = deferred();
    let runs = 0;
    const { job, portalId } = await newJob(async (context) => {
      runs += 1;
      started.resolve();
      await waitFor(() => context.stopRequested(), (stop) => stop, 20_000, 'cancel');
      return 'stopped';
    });
    await started.promise;
    const canceled = await jobs.act(portalId, job.id, 'cancel');
    expect(canceled.status).toBe('CANCELED');
    await expect(jobs.act(portalId, job.id, 'resume')).rejects.toMatchObject({ status: 409 });
    expect((await statusOf(job.id))?.statusReason).toBe('Canceled by the user.');
    expect(runs).toBe(1);
  });

  it('retries a retryable failure (RETRYING) and completes on a later attempt', async () => {
    let attempts = 0;
    const { job } = await newJob(async () => {
      attempts += 1;
      if (attempts === 1) throw new RetryableJobError('Pipedrive is not responding right now.');
      return 'complete';
    });
    const done = await untilStatus(job.id, 'COMPLETE');
    expect(attempts).toBe(2);
    expect(done?.attempts).toBe(2);
  });

  it('ends as FAILED with the reason once retries are spent — never hangs', async () => {
    const { job } = await newJob(async () => {
      throw new RetryableJobError('Pipedrive is not responding right now.');
    });
    const failed = await untilStatus(job.id, 'FAILED');
    expect(failed?.statusReason).toBe('Pipedrive is not responding right now.');
    expect(failed?.attempts).toBe(3);
  });

  it('fails at once, with the reason, on a fatal error', async () => {
    let attempts = 0;
    const { job } = await newJob(async () => {
      attempts += 1;
      throw new FatalJobError('Pipedrive no longer accepts our access.');
    });
    const failed = await untilStatus(job.id, 'FAILED');
    expect(failed?.statusReason).toBe('Pipedrive no longer accepts our access.');
    expect(attempts).toBe(1);
  });

  it('reschedules a known wait (a spent daily budget) without spending retries', async () => {
    let attempts = 0;
    const { job } = await newJob(async () => {
      attempts += 1;
      if (attempts <= 3) throw new RetryableJobError('Budget used up.', 200);
      return 'complete';
    });
    await untilStatus(job.id, 'COMPLETE');
    expect(attempts).toBe(4);
  });

  it('hides one portal’s jobs from another', async () => {
    const { job } = await newJob(async () => 'complete');
    await expect(jobs.find(999_999, job.id)).rejects.toMatchObject({ status: 404, code: 'job_not_found' });
    await expect(jobs.act(999_999, job.id, 'cancel')).rejects.toMatchObject({ status: 404 });
  });
});
