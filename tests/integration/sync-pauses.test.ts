/**
 * A sync that cannot go on pauses instead of failing, and goes on from where it stopped, through the API:
 * Pipedrive or HubSpot refusing our access even after a token refresh → PAUSED as "reconnect needed"
 * (sync GET, guide) until the user reconnects (the connect flow, a reinstall); Pipedrive's daily token
 * budget spent → RETRYING with the time of the next try. Each time, the deals read is held in the
 * sandbox (a targeted delay) so the refusal hits the sync in the middle: companies, contacts and products
 * written, deals not yet. Results are read from the HubSpot sandbox: nothing twice, nothing missing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PIPEDRIVE_TEST_DATASETS } from '../../sandbox/pipedrive/index.js';
import { GuideResponse, Job, SetupResponse, SyncResponse } from '../../shared/src/contracts/index.js';
import { type AuditHarness, startAuditHarness } from '../support/audit-harness.js';
import { connectPipedrive, installPortal } from '../support/flows.js';
import {
  auditAndSettings,
  liveRecords,
  portalSnapshot,
  runTransfer,
  sourceIdOf,
  untilFinished,
} from '../support/sync-harness.js';
import { waitFor } from '../support/wait-for.js';

const PORTAL = 51_401;
let harness: AuditHarness;

/** Live source records of the audit-completeness account, per HubSpot object (sync-initial.test.ts). */
const LIVE = { companies: 4, contacts: 6, products: 2, deals: 11, calls: 2, meetings: 2, tasks: 1, notes: 4 };
const READ = 32;

beforeAll(async () => {
  harness = await startAuditHarness({
    portalId: PORTAL,
    pipedrive: { dataset: { file: PIPEDRIVE_TEST_DATASETS.auditCompleteness } },
    ownerEmails: () => ['alma@completeness.example', 'rene@completeness.example', 'siiri@completeness.example'],
  });
  await auditAndSettings(harness);
  const setup = await runTransfer(harness, 'setup', (body) => SetupResponse.parse(body));
  expect(setup.job.status).toBe('COMPLETE');
}, 120_000);
afterAll(() => harness.close());

const sync = async (id: string) => SyncResponse.parse((await harness.api('GET', `/api/v1/sync/${id}`)).body);
const guideStep = async (id: string) =>
  GuideResponse.parse((await harness.api('GET', '/api/v1/guide')).body).steps.find((step) => step.id === id);

/** Requests a sandbox has received (counted on arrival, so a held one counts) for an endpoint. */
async function arrived(stats: unknown, endpoint: string): Promise<number> {
  const { endpoints } = stats as { endpoints: { endpoint: string; requests: number }[] };
  return endpoints.find((e) => e.endpoint === endpoint)?.requests ?? 0;
}
const pipedriveArrivals = async (endpoint: string) =>
  arrived(await harness.pipedriveControl('GET', '/requests'), endpoint);
const hubspotArrivals = async (endpoint: string) => arrived(await harness.hubspotControl('GET', '/stats'), endpoint);

/** Starts a sync with one call held in a sandbox; resolves once the held call has arrived. */
async function syncHeldAt(held: { count: () => Promise<number>; hold: () => Promise<unknown> }): Promise<string> {
  const before = await held.count();
  await held.hold();
  const started = await harness.api('POST', '/api/v1/sync', { source: 'pipedrive' });
  expect(started.status).toBe(202);
  await waitFor(held.count, (count) => count > before, 20_000, 'the held call to arrive');
  return SyncResponse.parse(started.body).id;
}

const DEALS_READ = 'GET /api/v2/deals';
const holdDealsRead = {
  count: () => pipedriveArrivals(DEALS_READ),
  hold: () =>
    harness.pipedriveControl('POST', '/faults/targeted', {
      method: 'GET',
      path: '/api/v2/deals',
      delayMs: 1_000,
      times: 1,
    }),
};

/** Exactly one live HubSpot record per live source record of every object (none twice, none missing). */
async function expectOneRecordEach(): Promise<void> {
  const snapshot = await portalSnapshot(harness);
  for (const [object, count] of Object.entries(LIVE)) {
    const ids = liveRecords(snapshot, object).map(sourceIdOf);
    expect([object, ids.length, new Set(ids).size]).toEqual([object, count, count]);
  }
}

/** The tasks before deals finished, deals not: the sync stopped in the middle. */
function expectStoppedAtDeals(paused: SyncResponse): void {
  const status = Object.fromEntries(paused.tasks.map((task) => [task.object, task.status]));
  expect([status.organizations, status.persons, status.products]).toEqual(['done', 'done', 'done']);
  expect(status.deals).not.toBe('done');
}

/** Waits for the sync to stop: PAUSED as "reconnect needed" for `source`, with `reason`, in the middle (at deals). */
async function expectPausedForReconnect(id: string, source: 'pipedrive' | 'hubspot', reason: string): Promise<void> {
  const paused = await waitFor(
    () => sync(id),
    (s) => s.job.status !== 'PROCESSING',
    20_000,
    'the sync to stop',
  );
  expect(paused.job.status).toBe('PAUSED');
  expect(paused.reconnectNeeded).toBe(source);
  expect(paused.job.statusReason).toBe(reason);
  expectStoppedAtDeals(paused);
}

describe('a refused token', () => {
  it('from Pipedrive, also on refresh, pauses the sync as "reconnect needed" until the user reconnects; it then finishes where it stopped', async () => {
    const id = await syncHeldAt(holdDealsRead);
    // While the deals read is held, the user uninstalls the app in Pipedrive: every grant is revoked.
    await harness.pipedriveControl('POST', '/tokens/revoke');
    await expectPausedForReconnect(
      id,
      'pipedrive',
      "Pipedrive no longer accepts Smart Transfer's access. Reconnect Pipedrive: the sync then continues where it stopped.",
    );
    expect(await guideStep('connect')).toMatchObject({ state: 'needs_attention' });
    expect(await guideStep('sync')).toMatchObject({
      state: 'needs_attention',
      reason: 'The sync is paused: reconnect Pipedrive, and it continues where it stopped.',
    });
    const companiesRead = await pipedriveArrivals('GET /api/v2/organizations');

    await connectPipedrive(harness.app, PORTAL);
    const done = await untilFinished(harness, 'sync', id, (body) => SyncResponse.parse(body));
    expect(done.job.status).toBe('COMPLETE');
    expect(done.reconnectNeeded).toBeNull();
    // Every record read once across both attempts: the finished tasks were not read again.
    expect(done.summary).toMatchObject({ read: READ, created: READ, failed: 0 });
    expect(await pipedriveArrivals('GET /api/v2/organizations')).toBe(companiesRead);
    await expectOneRecordEach();
    expect(await guideStep('sync')).toMatchObject({ state: 'complete' });
  });

  it('from HubSpot, also on refresh, pauses the sync until the app is installed again; it then finishes where it stopped', async () => {
    const upserts = 'POST /crm/v3/objects/deals/batch/upsert';
    const id = await syncHeldAt({
      count: () => hubspotArrivals(upserts),
      hold: () =>
        harness.hubspotControl('POST', '/faults/targeted', {
          method: 'POST',
          path: '/crm/v3/objects/deals/batch/upsert',
          delayMs: 1_000,
          times: 1,
        }),
    });
    await harness.hubspotControl('POST', '/oauth/revoke', { portalId: PORTAL });
    await expectPausedForReconnect(
      id,
      'hubspot',
      "HubSpot no longer accepts Smart Transfer's access. Install the app again from the HubSpot Marketplace: the sync then continues where it stopped.",
    );
    expect(await guideStep('sync')).toMatchObject({ state: 'needs_attention' });

    await harness.hubspotControl('POST', '/oauth/next-approval', { portalId: PORTAL });
    await installPortal(harness.app);
    const done = await untilFinished(harness, 'sync', id, (body) => SyncResponse.parse(body));
    expect(done.job.status).toBe('COMPLETE');
    // A second sync of the same account: everything updated, nothing created, every record read once.
    expect(done.summary).toMatchObject({ read: READ, created: 0, failed: 0 });
    await expectOneRecordEach();
  });

  it('refreshed successfully, the sync tries again with the new token and finishes', async () => {
    // Pipedrive refuses one call (e.g. the token was replaced elsewhere); the refresh is accepted.
    await harness.pipedriveControl('POST', '/faults/targeted', {
      method: 'GET',
      path: '/api/v2/deals',
      times: 1,
      respond: { status: 401 },
    });
    const started = await harness.api('POST', '/api/v1/sync', { source: 'pipedrive' });
    const done = await untilFinished(harness, 'sync', SyncResponse.parse(started.body).id, (body) =>
      SyncResponse.parse(body),
    );
    expect(done.job.status).toBe('COMPLETE');
    expect(done.summary).toMatchObject({ read: READ, failed: 0 });
    await expectOneRecordEach();
  });
});

describe("Pipedrive's daily token budget", () => {
  it('spent, leaves the sync RETRYING with the time of the next try; with the budget back it finishes where it stopped', async () => {
    const id = await syncHeldAt(holdDealsRead);
    // The budget runs out while the deals read is held.
    await harness.pipedriveControl('PATCH', '/settings', { dailyBudgetOverride: 0 });
    const waiting = await waitFor(
      () => sync(id),
      (s) => s.job.status === 'RETRYING',
      20_000,
      'the sync to wait for the budget',
    );
    expect(waiting.job.statusReason).toMatch(
      /^Pipedrive's daily API budget for your account is used up\. This continues automatically when it resets\. Next try: \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/,
    );
    expect(waiting.recordsPerSecond).toBeNull();
    expectStoppedAtDeals(waiting);

    // The budget is back; the user does not wait for the scheduled try: pause and resume start it now.
    await harness.pipedriveControl('PATCH', '/settings', { dailyBudgetOverride: null });
    await harness.pipedriveControl('POST', '/limits/reset');
    const companiesRead = await pipedriveArrivals('GET /api/v2/organizations');
    expect(Job.parse((await harness.api('POST', `/api/v1/jobs/${id}/pause`)).body).status).toBe('PAUSED');
    expect(Job.parse((await harness.api('POST', `/api/v1/jobs/${id}/resume`)).body).status).toBe('PENDING');
    const done = await untilFinished(harness, 'sync', id, (body) => SyncResponse.parse(body));
    expect(done.job.status).toBe('COMPLETE');
    expect(done.summary).toMatchObject({ read: READ, created: 0, failed: 0 });
    expect(await pipedriveArrivals('GET /api/v2/organizations')).toBe(companiesRead);
    await expectOneRecordEach();
  });
});
