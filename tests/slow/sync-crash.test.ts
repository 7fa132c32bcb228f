import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { SyncResponse } from '../../shared/src/contracts/index.js';
import { type AuditHarness, FINISHED, startAuditHarness } from '../support/audit-harness.js';
import { auditAndSettings } from '../support/sync-harness.js';
import { cleanSyncOutcome, type SyncOutcome, syncOutcomeOf } from '../support/sync-outcome.js';
import { waitFor } from '../support/wait-for.js';
import { startWorkerProcess, stopProcess, workerEnv } from '../support/worker-process.js';

/**
 * The sync survives `kill -9` of its worker process at three deterministic crash points
 * (SMART_TRANSFER_TEST_SYNC_CRASH, backend/src/transfer/sync/crash-points.ts), each followed by a new
 * worker process that resumes the same sync: the end result equals a clean run of the same account.
 */
// 120 notes: two create batches of one task, both in flight when the third worker dies.
const DATASET = { records: 1_000, seed: 7 };
const PORTAL = 52102;
let clean: SyncOutcome;
let harness: AuditHarness;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  clean = await cleanSyncOutcome(52101, DATASET);
  // Jobs run only in separate worker processes, as with `npm run worker`.
  // The product's retry limit (8): each killed worker spends one of the job's retries.
  harness = await startAuditHarness({
    portalId: PORTAL,
    workers: false,
    pipedrive: { dataset: DATASET },
    jobRetryLimit: 8,
  });
}, 600_000);
afterAll(async () => {
  await Promise.all(workers.map((worker) => stopProcess(worker)));
  await harness.close();
});

/** A worker process that kills itself at `crash` (`<point>:<task>:<n>`); resolves when it has. */
async function crashingWorker(crash: string): Promise<NodeJS.Signals | null> {
  const worker = await startWorkerProcess({
    ...workerEnv(harness.config, harness.db.url),
    SMART_TRANSFER_TEST_SYNC_CRASH: crash,
  });
  workers.push(worker);
  return new Promise((resolve) => worker.once('exit', (_code, signal) => resolve(signal)));
}

async function task(transferId: string, object: string) {
  const { rows } = await harness.db.pool.query<{ status: string; cursor: unknown }>(
    'SELECT status, cursor FROM transfer_tasks WHERE transfer_id = $1 AND object = $2',
    [transferId, object],
  );
  return rows[0];
}

async function latestSync(): Promise<SyncResponse> {
  return SyncResponse.parse((await harness.api('GET', '/api/v1/sync?source=pipedrive')).body);
}

it('killed after a committed batch mid-page, after an association batch HubSpot acknowledged, and after a create batch HubSpot acknowledged with the next one in flight: new processes finish the sync with the same result as a clean run', async () => {
  const setupWorker = await startWorkerProcess(workerEnv(harness.config, harness.db.url));
  workers.push(setupWorker);
  await auditAndSettings(harness);
  const setup = await harness.api('POST', '/api/v1/setup', { source: 'pipedrive' });
  expect(setup.status).toBe(202);
  const setupId = (setup.body as { id: string }).id;
  await waitFor(
    async () => (await harness.api('GET', `/api/v1/setup/${setupId}`)).body as { job: { status: string } },
    (body) => FINISHED.includes(body.job.status),
    180_000,
    'the setup',
  );
  await stopProcess(setupWorker);
  // Automatic sync (the default settings) queued the sync when setup completed; no worker has run it yet.
  const { id } = await latestSync();

  // 1. In the middle of a Pipedrive page: the persons page (all persons of the account, read in one
  //    page of 500) has two batches; the process dies right after the first one is committed.
  expect(await crashingWorker('batch-committed:persons:1')).toBe('SIGKILL');
  expect(await task(id, 'persons')).toEqual({ status: 'running', cursor: { page: null, skip: 100 } });

  // 2. In the middle of an association batch: HubSpot acknowledged the deals' associations, the batch
  //    (deals and their associations) is not committed.
  expect(await crashingWorker('associations-written:deals:1')).toBe('SIGKILL');
  expect((await task(id, 'deals'))?.status).not.toBe('done');
  expect((await syncOutcomeOf(harness)).associations.some((pair) => pair.startsWith('deals:'))).toBe(true);

  // 3. After HubSpot acknowledged a create batch (notes), before its commit: the notes task has two batches,
  //    written concurrently (ordered-batches.ts); each has its intent rows, none is confirmed.
  expect(await crashingWorker('records-written:notes:1')).toBe('SIGKILL');
  const { rows: intents } = await harness.db.pool.query<{ state: string; count: string }>(
    `SELECT state, count(*) FROM ledger_entries WHERE transfer_id = $1 AND hubspot_object = 'notes' GROUP BY state`,
    [id],
  );
  // The notes of the batch HubSpot answered first landed (the first 100 or the rest, perhaps both: both were in
  // flight); every one has an unconfirmed intent.
  const landed = (await syncOutcomeOf(harness)).records['notes'] ?? [];
  expect(landed.length).toBeGreaterThan(0);
  expect(intents.map((row) => row.state)).toEqual(['intended']);
  expect(Number(intents[0]?.count)).toBeGreaterThanOrEqual(landed.length);

  workers.push(await startWorkerProcess(workerEnv(harness.config, harness.db.url)));
  const done = await waitFor(
    async () => SyncResponse.parse((await harness.api('GET', `/api/v1/sync/${id}`)).body),
    (sync) => FINISHED.includes(sync.job.status),
    300_000,
    'the sync to finish in the last worker',
  );
  expect(done.job).toMatchObject({ status: 'COMPLETE' });
  const after = await syncOutcomeOf(harness);
  expect(after.records).toEqual(clean.records);
  expect(after.associations).toEqual(clean.associations);
}, 900_000);
