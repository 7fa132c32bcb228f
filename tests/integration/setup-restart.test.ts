import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { SetupResponse } from '../../shared/src/contracts/index.js';
import { type AuditHarness, FINISHED, startAuditHarness } from '../support/audit-harness.js';
import { scenarioSelection } from '../support/setup-scenario.js';
import { waitFor } from '../support/wait-for.js';
import { startWorkerProcess, stopProcess, workerEnv } from '../support/worker-process.js';

const PORTAL = 5151;
const SCRIPT = 'tests/support/setup-worker.ts';
const CLOSE_DATE_FLOW = 'Smart Transfer: keep the Pipedrive close date on deals';
let harness: AuditHarness;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  // Jobs run only in separate worker processes, as with `npm run worker`.
  harness = await startAuditHarness({
    portalId: PORTAL,
    workers: false,
    pipedrive: { dataset: { records: 150, seed: 5 } },
    ownerEmails: () => ['admin@sandbox.example'],
    setupSelection: (plan) => scenarioSelection(plan),
  });
  await fetch(`${harness.hubspot.apiBaseUrl}/_sandbox/portals/${PORTAL}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tier: 'professional' }),
  });
}, 60_000);
afterAll(async () => {
  await Promise.all(workers.map((worker) => stopProcess(worker)));
  await harness.close();
});

async function flowsNamed(name: string): Promise<{ id: string }[]> {
  const res = await fetch(`${harness.hubspot.apiBaseUrl}/_sandbox/portals/${PORTAL}/state`);
  const state = (await res.json()) as { flows: { id: string; name: string }[] };
  return state.flows.filter((flow) => flow.name === name);
}

async function ledgerRow(transferId: string) {
  const { rows } = await harness.db.pool.query<{ action: string; state: string; hubspot_id: string | null }>(
    `SELECT action, state, hubspot_id FROM ledger_entries WHERE transfer_id = $1 AND item_type = 'workflow' AND item_key = 'close_date'`,
    [transferId],
  );
  return rows;
}

it('a worker killed (SIGKILL) between a HubSpot create and its confirm: the next worker creates no duplicate and the ledger holds the item', async () => {
  const env = workerEnv(harness.config, harness.db.url);
  const auditWorker = await startWorkerProcess(env, SCRIPT);
  workers.push(auditWorker);
  expect((await harness.runAudit()).job.status).toBe('COMPLETE');
  await stopProcess(auditWorker);

  // The deterministic crash point: right after HubSpot created the close-date workflow.
  const crashing = await startWorkerProcess(
    { ...env, SMART_TRANSFER_TEST_CRASH_AFTER_CREATE: 'workflow:close_date' },
    SCRIPT,
  );
  workers.push(crashing);
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    crashing.once('exit', (_code, signal) => resolve(signal)),
  );
  const started = await harness.api('POST', '/api/v1/setup', { source: 'pipedrive' });
  expect(started.status).toBe(202);
  const { id } = SetupResponse.parse(started.body);
  expect(await exited).toBe('SIGKILL');
  // HubSpot has the workflow; our ledger has only the intent.
  expect(await flowsNamed(CLOSE_DATE_FLOW)).toHaveLength(1);
  expect(await ledgerRow(id)).toEqual([{ action: 'created', state: 'intended', hubspot_id: null }]);

  workers.push(await startWorkerProcess(env, SCRIPT));
  const done = await waitFor(
    async () => SetupResponse.parse((await harness.api('GET', `/api/v1/setup/${id}`)).body),
    (setup) => FINISHED.includes(setup.job.status),
    120_000,
    'the setup to finish in the second worker',
  );
  expect(done.job.status).toBe('COMPLETE');
  const flows = await flowsNamed(CLOSE_DATE_FLOW);
  expect(flows).toHaveLength(1);
  expect(await ledgerRow(id)).toEqual([{ action: 'created', state: 'confirmed', hubspot_id: flows[0]?.id }]);
}, 240_000);
