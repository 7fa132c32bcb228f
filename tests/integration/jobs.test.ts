import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PgBoss } from 'pg-boss';
import pino from 'pino';
import { jobsRepository } from '../../backend/src/db/repositories/jobs.repository.js';
import { transferTasksRepository } from '../../backend/src/db/repositories/transfer-tasks.repository.js';
import { transfersRepository } from '../../backend/src/db/repositories/transfers.repository.js';
import { createJobService, type JobService } from '../../backend/src/jobs/job.service.js';
import { FatalJobError, RetryableJobError } from '../../backend/src/jobs/job-errors.js';
import { createJobQueue, type JobQueue, MAX_ATTEMPT_SECONDS } from '../../backend/src/jobs/job-queue.js';
import { createJobRunner, type JobContext } from '../../backend/src/jobs/job-runner.js';
import { canTransition } from '../../backend/src/jobs/job-states.js';
import { createTransferRun } from '../../backend/src/jobs/transfer-run.js';
import { JobStatus } from '../../shared/src/contracts/index.js';
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
  queue = createJobQueue({
    databaseUrl: db.url,
    logger,
    superviseIntervalSeconds: 1,
    pollingIntervalSeconds: 0.5,
    retryLimit: 2,
    retryDelaySeconds: 1,
  });
  await queue.start(['audit', 'sync']);
  const scripted: Script = async (context) => {
    const script = scripts.get(`${context.job.connectionId}/${context.job.kind}`);
    if (!script) throw new Error('no script for this job');
    return script(context);
  };
  const runner = createJobRunner({ db: db.pool, logger, queue, handlers: { audit: scripted, sync: scripted } });
  await queue.work('audit', (jobId, attempt) => runner.run(jobId, attempt), 4);
  await queue.work('sync', (jobId, attempt) => runner.run(jobId, attempt), 2);
  jobs = createJobService({ db: db.pool, queue });
});
afterAll(async () => {
  await queue.stop();
  await db.drop();
});

async function newJob(script: Script) {
  portalSeq += 1;
  const connection = await portalWithConnection(db.pool, portalSeq);
  scripts.set(`${connection.id}/audit`, script);
  const job = await jobs.start({ portalId: portalSeq, connectionId: connection.id, kind: 'audit', userId: 1 });
  return { job, portalId: portalSeq, connectionId: connection.id };
}

const statusOf = (id: string) => jobsRepository.find(db.pool, id);
const untilStatus = (id: string, wanted: JobStatus) =>
  waitFor(
    () => statusOf(id),
    (job) => job?.status === wanted,
    20_000,
    `job ${id} to be ${wanted}`,
  );

describe('job state machine', () => {
  it('the SQL transition accepts exactly the moves job-states.ts allows, for every pair of states', async () => {
    portalSeq += 1;
    const connection = await portalWithConnection(db.pool, portalSeq);
    // A job that is never enqueued: no worker touches it while the test moves it around.
    const job = await jobsRepository.create(db.pool, {
      portalId: portalSeq,
      connectionId: connection.id,
      kind: 'audit',
      createdByUserId: 1,
    });
    const verdicts: string[] = [];
    const expected: string[] = [];
    for (const from of JobStatus.options) {
      for (const to of JobStatus.options) {
        await db.pool.query('UPDATE jobs SET status = $2 WHERE id = $1', [job.id, from]);
        const moved = await jobsRepository.transition(db.pool, job.id, to);
        const now = await statusOf(job.id);
        verdicts.push(`${from}→${to}: ${moved ? 'accepted' : 'refused'}, now ${now?.status}`);
        expected.push(`${from}→${to}: ${canTransition(from, to) ? `accepted, now ${to}` : `refused, now ${from}`}`);
      }
    }
    expect(verdicts).toEqual(expected);
    expect(verdicts.filter((verdict) => verdict.includes('refused')).length).toBeGreaterThan(0);
  });
});

describe('long attempts', () => {
  const expiry = async (kind: string) =>
    (
      await db.pool.query<{ expire_seconds: number }>('SELECT expire_seconds FROM pgboss.queue WHERE name = $1', [
        `job-${kind}`,
      ])
    ).rows[0]?.expire_seconds;

  it('lets one attempt run for a day, not pg-boss’s 15 minutes — also on a queue an older version made', async () => {
    expect(MAX_ATTEMPT_SECONDS).toBe(24 * 60 * 60);
    expect(await expiry('sync')).toBe(MAX_ATTEMPT_SECONDS);
    // A queue made before the bound existed: pg-boss's default expiry, which cut a sync off every 15 minutes.
    const older = new PgBoss({ connectionString: db.url, schema: 'pgboss' });
    older.on('error', () => {});
    await older.start();
    await older.createQueue('job-setup');
    await older.stop({ graceful: false });
    expect(await expiry('setup')).toBe(15 * 60);
    const upgraded = createJobQueue({ databaseUrl: db.url, logger: pino({ level: 'silent' }) });
    await upgraded.start(['setup']);
    await upgraded.stop();
    expect(await expiry('setup')).toBe(MAX_ATTEMPT_SECONDS);
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

  it('never runs two jobs of one kind on a connection, but lets a job of another kind run alongside', async () => {
    const release = deferred();
    const auditRunning = deferred();
    const { job, portalId, connectionId } = await newJob(async () => {
      auditRunning.resolve();
      await release.promise;
      return 'complete';
    });
    await expect(jobs.start({ portalId, connectionId, kind: 'audit', userId: 1 })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'job_already_running',
    });
    const syncRunning = deferred();
    scripts.set(`${connectionId}/sync`, async () => {
      syncRunning.resolve();
      await release.promise;
      return 'complete';
    });
    const sync = await jobs.start({ portalId, connectionId, kind: 'sync', userId: 1 });
    await Promise.all([auditRunning.promise, syncRunning.promise]);
    expect((await statusOf(job.id))?.status).toBe('PROCESSING');
    expect((await statusOf(sync.id))?.status).toBe('PROCESSING');
    await expect(jobs.start({ portalId, connectionId, kind: 'sync', userId: 1 })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'job_already_running',
    });
    release.resolve();
    await untilStatus(job.id, 'COMPLETE');
    await untilStatus(sync.id, 'COMPLETE');
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
        if (next === 3 && page === 0)
          await waitFor(
            () => context.stopRequested(),
            (stop) => stop,
            20_000,
            'pause',
          );
      }
      return 'complete';
    });
    await reachedPage.promise;
    await jobs.act(portalId, job.id, 'pause');
    const paused = await untilStatus(job.id, 'PAUSED');
    await waitFor(
      () => statusOf(job.id),
      (row) => Number((row?.checkpoint as { page?: number }).page) >= 3,
      5000,
      'checkpoint',
    );
    expect(paused?.status).toBe('PAUSED');
    await expect(jobs.act(portalId, job.id, 'pause')).rejects.toMatchObject({
      kind: 'conflict',
      code: 'job_state_conflict',
    });
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
      await waitFor(
        () => context.stopRequested(),
        (stop) => stop,
        20_000,
        'cancel',
      );
      return 'stopped';
    });
    await started.promise;
    const canceled = await jobs.act(portalId, job.id, 'cancel');
    expect(canceled.status).toBe('CANCELED');
    await expect(jobs.act(portalId, job.id, 'resume')).rejects.toMatchObject({ kind: 'conflict' });
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

  it('lets a worker whose task was taken over stop without touching the job, which belongs to the new attempt', async () => {
    const takenOver = deferred();
    let committed = 0;
    const { job, portalId } = await newJob(async (context) => {
      await context.transfer.start(['persons']);
      await context.transfer.commit((tx) => tx.advance('persons', { cursor: { page: 1 }, counts: { read: 10 } }));
      committed += 1;
      await takenOver.promise;
      await context.transfer.commit((tx) => tx.advance('persons', { cursor: { page: 2 }, counts: { read: 10 } }));
      committed += 1;
      return 'complete';
    });
    await waitFor(
      async () => committed,
      (count) => count === 1,
      20_000,
      'the first commit',
    );
    // What a new attempt does first: take the transfer's tasks over.
    const transfer = await transfersRepository.find(db.pool, job.id);
    if (!transfer) throw new Error('the job has no transfer');
    await createTransferRun(db.pool, transfer).start(['persons']);
    takenOver.resolve();
    await waitFor(
      () => db.pool.query<{ state: string }>(`SELECT state FROM pgboss.job WHERE data->>'jobId' = $1`, [job.id]),
      (result) => result.rows[0]?.state === 'completed',
      20_000,
      'the stale attempt to end',
    );
    expect(committed).toBe(1);
    const after = await statusOf(job.id);
    expect(after?.status).toBe('PROCESSING');
    const tasks = await transferTasksRepository.list(db.pool, job.id);
    expect(tasks.map((task) => [task.cursor, task.counts.read])).toEqual([[{ page: 1 }, 10]]);
    await jobs.act(portalId, job.id, 'cancel');
  });

  it('hides one portal’s jobs from another', async () => {
    const { job } = await newJob(async () => 'complete');
    await expect(jobs.find(999_999, job.id)).rejects.toMatchObject({ kind: 'not_found', code: 'job_not_found' });
    await expect(jobs.act(999_999, job.id, 'cancel')).rejects.toMatchObject({ kind: 'not_found' });
  });
});
