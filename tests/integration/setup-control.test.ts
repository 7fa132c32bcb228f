import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { SetupResponse, SetupReview } from '../../shared/src/contracts/index.js';
import { type AuditHarness, FINISHED, startAuditHarness } from '../support/audit-harness.js';
import { pauseSetupAfter, readSetup } from '../support/setup-pause.js';
import { scenarioSelection } from '../support/setup-scenario.js';
import { waitFor } from '../support/wait-for.js';

const PORTAL = 6161;
let harness: AuditHarness;

async function customProperties(): Promise<number> {
  const state = (await harness.hubspotControl('GET', `/portals/${PORTAL}/state`)) as {
    properties: Record<string, { custom: unknown[] }>;
  };
  return Object.values(state.properties).reduce((sum, entry) => sum + entry.custom.length, 0);
}

const setup = (id: string) => readSetup(harness, id);

beforeAll(async () => {
  harness = await startAuditHarness({
    portalId: PORTAL,
    pipedrive: { dataset: { records: 150, seed: 5 } },
    ownerEmails: () => ['admin@sandbox.example'],
    setupSelection: (plan) => scenarioSelection(plan),
  });
  await harness.hubspotControl('PATCH', `/portals/${PORTAL}`, { tier: 'professional' });
  expect((await harness.runAudit()).job.status).toBe('COMPLETE');
}, 120_000);
afterAll(async () => {
  await harness.close();
});

it('refuses a setup for a portal without the app, and an unknown source', async () => {
  const other = await harness.api('POST', '/api/v1/setup', { source: 'pipedrive' }, 999);
  expect(other.status).toBe(403);
  const bad = await harness.api('POST', '/api/v1/setup', { source: 'nope' });
  expect(bad.status).toBe(400);
});

it('pauses between items (nothing more is written), resumes where it stopped, and can be canceled', async () => {
  // Slow property creates keep the run in its properties task long enough to pause it there.
  await harness.hubspotControl('POST', '/faults/targeted', {
    method: 'POST',
    path: '/crm/v3/properties/:object',
    times: 'always',
    delayMs: 150,
  });
  const started = await harness.api('POST', '/api/v1/setup', { source: 'pipedrive' });
  expect(started.status).toBe(202);
  const { id } = SetupResponse.parse(started.body);
  expect((await harness.api('POST', '/api/v1/setup', { source: 'pipedrive' })).status).toBe(409);
  // Once stopped, the handler has saved its "Stopped" phase: nothing it wrote is missing from the ledger.
  const paused = await pauseSetupAfter(harness, id, 'properties', 'created', 'some properties created');
  const { rows } = await harness.db.pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM ledger_entries WHERE transfer_id = $1 AND item_type = 'property' AND state = 'confirmed'`,
    [id],
  );
  expect(await customProperties()).toBe(Number(rows[0]?.n));
  const createdBefore = paused.summary.created;

  await harness.hubspotControl('DELETE', '/faults/targeted');
  expect((await harness.api('POST', `/api/v1/jobs/${id}/resume`)).status).toBe(200);
  const done = await waitFor(
    () => setup(id),
    (s) => FINISHED.includes(s.job.status),
    120_000,
    'the setup',
  );
  expect(done.job.status).toBe('COMPLETE');
  expect(done.summary.created).toBeGreaterThan(createdBefore);
  expect(done.summary.failed).toBe(0);

  // A new run can be canceled; a canceled job cannot be resumed.
  const again = SetupResponse.parse((await harness.api('POST', '/api/v1/setup', { source: 'pipedrive' })).body);
  expect((await harness.api('POST', `/api/v1/jobs/${again.id}/cancel`)).status).toBe(200);
  expect((await harness.api('POST', `/api/v1/jobs/${again.id}/resume`)).status).toBe(409);
}, 240_000);

it('where the portal cannot have workflows, the review says so and setup leaves the dates to the sync', async () => {
  await harness.hubspotControl('POST', '/faults/targeted', {
    method: 'GET',
    path: '/automation/v4/flows',
    times: 'always',
    respond: {
      status: 403,
      body: { status: 'error', category: 'MISSING_SCOPES', message: 'This app lacks the automation scope.' },
    },
  });
  const review = SetupReview.parse((await harness.api('GET', '/api/v1/setup/review?source=pipedrive')).body);
  expect(review.workflowsAvailable).toBe(false);
  const workflows = review.objects.flatMap((object) => object.items).filter((item) => item.itemType === 'workflow');
  expect(workflows.map((item) => item.outcome)).toEqual(['skip', 'skip']);
  expect(workflows[0]?.reason).toMatch(/cannot have workflows/);

  const started = SetupResponse.parse((await harness.api('POST', '/api/v1/setup', { source: 'pipedrive' })).body);
  const done = await waitFor(
    () => setup(started.id),
    (s) => FINISHED.includes(s.job.status),
    120_000,
    'the setup',
  );
  await harness.hubspotControl('DELETE', '/faults/targeted');
  expect(done.job.status).toBe('COMPLETE');
  expect(done.syncWritesDates.sort()).toEqual(['close_date', 'create_date']);
  expect(done.notices.join('\n')).toMatch(/sync writes the close date/);
}, 120_000);
