import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { type AuditHarness, startAuditHarness } from '../support/audit-harness.js';
import { waitFor } from '../support/wait-for.js';
import { startWorkerProcess, stopProcess, workerEnv } from '../support/worker-process.js';

let harness: AuditHarness;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  // Jobs run only in separate worker processes, as with `WORKERS_IN_WEB=false` and `npm run worker`.
  harness = await startAuditHarness({
    portalId: 8080,
    workers: false,
    pipedrive: { dataset: { records: 20_000, seed: 3 } },
  });
}, 60_000);
afterAll(async () => {
  await Promise.all(workers.map((worker) => stopProcess(worker)));
  await harness.close();
});

interface EndpointCount {
  endpoint: string;
  requests: number;
}

/** The persons count as its transfer task holds it (what a new worker resumes from). */
async function savedPersons(transferId: string): Promise<{ total: number; done: boolean } | null> {
  const { rows } = await harness.db.pool.query<{ read_count: string; status: string }>(
    `SELECT read_count, status FROM transfer_tasks WHERE transfer_id = $1 AND object = 'persons'`,
    [transferId],
  );
  return rows[0] ? { total: Number(rows[0].read_count), done: rows[0].status === 'done' } : null;
}

async function personsPageRequests(): Promise<number> {
  const stats = (await harness.pipedriveControl('GET', '/requests')) as { endpoints: EndpointCount[] };
  return stats.endpoints.find((entry) => entry.endpoint === 'GET /api/v2/persons')?.requests ?? 0;
}

it('finishes an audit whose worker was killed (SIGKILL) mid-way, in another worker, from its checkpoint', async () => {
  // Slow persons pages keep the audit running long enough to kill its worker in the middle.
  await harness.pipedriveControl('POST', '/faults/targeted', {
    method: 'GET',
    path: '/api/v2/persons',
    times: 'always',
    delayMs: 300,
  });
  const env = workerEnv(harness.config, harness.db.url);
  const first = await startWorkerProcess(env);
  workers.push(first);
  const started = await harness.startAudit();
  // Kill once the first worker has checkpointed some, not all, persons pages.
  await waitFor(
    () => savedPersons(started.id),
    (saved) => saved !== null && saved.total > 0 && !saved.done,
    60_000,
    'a persons checkpoint',
  );
  await stopProcess(first, 'SIGKILL');
  const requestsBeforeKill = await personsPageRequests();
  const saved = await savedPersons(started.id);

  const second = await startWorkerProcess(env);
  workers.push(second);
  const done = await harness.untilAudit(
    started.id,
    (audit) => audit.job.status === 'COMPLETE' || audit.job.status === 'FAILED',
    'the audit to finish in the second worker',
  );
  expect(done.job.status).toBe('COMPLETE');
  const persons = done.result?.objects.find((row) => row.key === 'persons');
  expect(persons?.records).toBe([...harness.pipedrive.state.records.person.liveRecords()].length);
  const attempts = await harness.db.pool.query<{ attempts: number }>('SELECT attempts FROM jobs WHERE id = $1', [
    started.id,
  ]);
  expect(attempts.rows[0]?.attempts).toBe(2);
  // Resumed, not restarted: the second worker read only the persons pages after the checkpoint.
  const pages = Math.ceil((persons?.records ?? 0) / 500);
  const pagesSaved = (saved?.total ?? 0) / 500;
  expect(pagesSaved).toBeGreaterThan(0);
  // (+1 at most: a request the first worker sent just before dying may reach the sandbox after the count was read.)
  const readBySecond = (await personsPageRequests()) - requestsBeforeKill;
  expect(readBySecond).toBeGreaterThanOrEqual(pages - pagesSaved);
  expect(readBySecond).toBeLessThanOrEqual(pages - pagesSaved + 1);
}, 120_000);
