import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PIPEDRIVE_TEST_DATASETS } from '../../sandbox/pipedrive/index.js';
import { GuideResponse, SetupResponse, SyncResponse, TransferErrorsPage } from '../../shared/src/contracts/index.js';
import { type AuditHarness, startAuditHarness } from '../support/audit-harness.js';
import {
  auditAndSettings,
  type CrmRecord,
  liveRecords,
  type PortalSnapshot,
  portalSnapshot,
  runTransfer,
  sourceIdOf,
  untilFinished,
} from '../support/sync-harness.js';
import { waitFor } from '../support/wait-for.js';

/**
 * The initial sync end to end on the audit-completeness account (5 organizations, 8 persons, 12 deals,
 * 3 products, 6 activities, 5 notes; some soft-deleted, four deals archived and included): audit → settings (the
 * defaults, with an exchange rate for each currency) → setup → sync, read back from the HubSpot sandbox.
 * Expected values are written here by hand from the dataset file.
 */
const PORTAL = 51001;
let harness: AuditHarness;

const portal = () => portalSnapshot(harness);
const live = liveRecords;
const runSync = () => runTransfer(harness, 'sync', (body) => SyncResponse.parse(body));

beforeAll(async () => {
  harness = await startAuditHarness({
    portalId: PORTAL,
    pipedrive: { dataset: { file: PIPEDRIVE_TEST_DATASETS.auditCompleteness } },
    automaticSync: true,
    ownerEmails: () => ['alma@completeness.example', 'rene@completeness.example', 'siiri@completeness.example'],
  });
  await auditAndSettings(harness);
}, 120_000);
afterAll(() => harness.close());

const sourceIds = (snapshot: PortalSnapshot, object: string) =>
  live(snapshot, object)
    .map(sourceIdOf)
    .sort((a, b) => Number(a) - Number(b));
const bySourceId = (snapshot: PortalSnapshot, object: string, sourceId: string) => {
  const found = live(snapshot, object).filter((record) => sourceIdOf(record) === sourceId);
  expect(found).toHaveLength(1);
  return found[0] as CrmRecord;
};
/** `from → to` pairs of HubSpot's associations, as source ids (`deals:1>contacts:1`). */
function associationPairs(snapshot: PortalSnapshot): Set<string> {
  const source = new Map<string, string>();
  for (const [object, records] of Object.entries(snapshot.records))
    for (const record of records) source.set(`${object}:${record.id}`, `${object}:${sourceIdOf(record)}`);
  return new Set(snapshot.associations.map((edge) => `${source.get(edge.from)}>${source.get(edge.to)}`));
}

const LIVE = {
  companies: ['1', '2', '3', '4'],
  contacts: ['1', '2', '3', '4', '5', '6'],
  products: ['1', '2'],
  // Deals 8–11 are archived (read from Pipedrive's archived list, included by default), 12 is deleted.
  deals: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'],
  calls: ['1', '4'],
  meetings: ['2', '5'],
  tasks: ['3'],
  notes: ['1', '2', '3', '4'],
};
const ASSOCIATIONS = [
  ...['1>1', '2>2', '3>3', '4>1', '5>4'].map((pair) => pair.replace(/(\d+)>(\d+)/, 'contacts:$1>companies:$2')),
  ...['1>1', '2>2', '3>3', '4>1', '5>4', '7>5', '8>3', '10>2'].map((pair) =>
    pair.replace(/(\d+)>(\d+)/, 'deals:$1>contacts:$2'),
  ),
  ...['1>1', '2>2', '3>3', '4>1', '6>3', '7>4', '9>1'].map((pair) =>
    pair.replace(/(\d+)>(\d+)/, 'deals:$1>companies:$2'),
  ),
  'calls:1>deals:1',
  'meetings:2>deals:1',
  'tasks:3>deals:2',
  'meetings:5>companies:3',
  'notes:1>deals:1',
  'notes:2>contacts:2',
  'notes:3>companies:3',
];

const counts = (snapshot: PortalSnapshot) =>
  Object.fromEntries(Object.keys(LIVE).map((object) => [object, live(snapshot, object).length]));

describe('the initial sync', () => {
  let first: SyncResponse;
  let afterFirst: PortalSnapshot;

  it('is refused until HubSpot is prepared', async () => {
    const refused = await harness.api('POST', '/api/v1/sync', { source: 'pipedrive' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('setup_not_complete');
    const setup = await runTransfer(harness, 'setup', (body) => SetupResponse.parse(body));
    expect(setup.job.status).toBe('COMPLETE');
  }, 150_000);

  it('starts by itself when setup completes (automatic sync on), and writes one HubSpot record per live source record, with its owners, stages, currencies and associations', async () => {
    const started = SyncResponse.parse((await harness.api('GET', '/api/v1/sync?source=pipedrive')).body);
    first = await untilFinished(harness, 'sync', started.id, (body) => SyncResponse.parse(body));
    expect(first.job.status).toBe('COMPLETE');
    const errors = TransferErrorsPage.parse((await harness.api('GET', `/api/v1/transfers/${first.id}/errors`)).body);
    expect(errors.errors).toEqual([]);
    expect(first.tasks.map((task) => task.object)).toEqual([
      'organizations',
      'persons',
      'products',
      'deals',
      'call_activities',
      'meeting_activities',
      'task_activities',
      'email_activities',
      'notes',
      'associations',
    ]);
    expect(first.summary).toEqual({ read: 32, created: 32, updated: 0, skipped: 0, failed: 0 });

    afterFirst = await portal();
    for (const [object, ids] of Object.entries(LIVE))
      expect([object, sourceIds(afterFirst, object)]).toEqual([object, ids]);

    const owner = (email: string) => afterFirst.owners.find((candidate) => candidate.email === email)?.id;
    const sales = afterFirst.pipelines.deals.find((pipeline) =>
      pipeline.stages.some((stage) => stage.label === 'Qualified'),
    );
    const stage = (label: RegExp) => sales?.stages.find((candidate) => label.test(candidate.label))?.id;
    const open = bySourceId(afterFirst, 'deals', '2').properties;
    expect(open).toMatchObject({
      dealname: 'Open in Proposal',
      amount: '3000',
      deal_currency_code: 'EUR',
      hubspot_owner_id: owner('rene@completeness.example'),
      pipeline: sales?.id,
      dealstage: stage(/^Proposal$/),
    });
    const won = bySourceId(afterFirst, 'deals', '4').properties;
    expect(won).toMatchObject({ dealstage: stage(/won/i), hs_is_closed_won: 'true' });
    expect(bySourceId(afterFirst, 'deals', '9').properties).toMatchObject({
      dealname: 'Archived won',
      dealstage: stage(/won/i),
      pipedrive_deal_is_archived: 'true',
    });
    expect(won.pipedrive_deal_is_archived).toBe('false');
    expect(bySourceId(afterFirst, 'contacts', '5').properties).toMatchObject({
      firstname: 'Eve',
      lastname: 'Private',
      hubspot_owner_id: owner('siiri@completeness.example'),
    });
    expect(bySourceId(afterFirst, 'companies', '2').properties.name).toBe('Daughter OÜ');

    const pairs = associationPairs(afterFirst);
    expect(ASSOCIATIONS.filter((pair) => !pairs.has(pair))).toEqual([]);
    const guide = GuideResponse.parse((await harness.api('GET', '/api/v1/guide')).body);
    expect(guide.steps.find((step) => step.id === 'sync')?.state).toBe('complete');
    // The lead-only note has no end that is transferred: no association, and no error.
    expect([...pairs].filter((pair) => pair.startsWith('notes:4>'))).toEqual([]);
  }, 150_000);

  it('a second full sync creates nothing new', async () => {
    const second = await runSync();
    expect(second.job.status).toBe('COMPLETE');
    expect(second.summary).toMatchObject({ read: 32, created: 0, failed: 0 });
    expect(counts(await portal())).toEqual(counts(afterFirst));
  }, 150_000);

  it('after the id map and the record ledger are lost, companies, contacts and deals are not duplicated', async () => {
    await harness.db.pool.query('DELETE FROM id_map');
    await harness.db.pool.query("DELETE FROM ledger_entries WHERE item_type = 'record'");
    const third = await runSync();
    expect(third.job.status).toBe('COMPLETE');
    const after = await portal();
    for (const object of ['companies', 'contacts', 'deals'] as const)
      expect([object, sourceIds(after, object)]).toEqual([object, LIVE[object]]);
  }, 150_000);

  it('pauses between batches, resumes where it stopped (no task read twice), and can be canceled', async () => {
    const fault = async (method: string, body?: unknown) => {
      const res = await fetch(`${harness.hubspot.apiBaseUrl}/_sandbox/faults/targeted`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(res.ok).toBe(true);
    };
    // Slow upserts keep the run in its first tasks long enough to pause it there.
    await fault('POST', {
      method: 'POST',
      path: '/crm/v3/objects/:object/batch/upsert',
      times: 'always',
      delayMs: 400,
    });
    const before = counts(await portal());
    const started = SyncResponse.parse((await harness.api('POST', '/api/v1/sync', { source: 'pipedrive' })).body);
    const sync = async () => SyncResponse.parse((await harness.api('GET', `/api/v1/sync/${started.id}`)).body);
    await waitFor(sync, (s) => s.tasks.some((task) => task.counts.read > 0), 60_000, 'a first batch');
    expect((await harness.api('POST', `/api/v1/jobs/${started.id}/pause`)).status).toBe(200);
    const paused = await waitFor(
      sync,
      (s) => s.job.status === 'PAUSED' && s.job.progress.phase === 'Stopped',
      60_000,
      'the sync to stop',
    );
    expect(paused.tasks.some((task) => task.status !== 'done')).toBe(true);
    await fault('DELETE');
    expect((await harness.api('POST', `/api/v1/jobs/${started.id}/resume`)).status).toBe(200);
    const done = await untilFinished(harness, 'sync', started.id, (body) => SyncResponse.parse(body));
    expect(done.job.status).toBe('COMPLETE');
    // Every task read its records once across both attempts: the cursor resumed, nothing was read again.
    expect(done.summary).toMatchObject({ read: 32, created: 0, failed: 0 });
    expect(counts(await portal())).toEqual(before);

    const again = SyncResponse.parse((await harness.api('POST', '/api/v1/sync', { source: 'pipedrive' })).body);
    expect((await harness.api('POST', `/api/v1/jobs/${again.id}/cancel`)).status).toBe(200);
    expect((await harness.api('POST', `/api/v1/jobs/${again.id}/resume`)).status).toBe(409);
  }, 150_000);
});
