import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PIPEDRIVE_TEST_DATASETS } from '../../sandbox/pipedrive/index.js';
import {
  FilterCountResponse,
  SettingsResponse,
  SetupResponse,
  SyncResponse,
  TransferErrorsPage,
} from '../../shared/src/contracts/index.js';
import { type AuditHarness, startAuditHarness } from '../support/audit-harness.js';
import { auditAndSettings, liveRecords, portalSnapshot, runTransfer, sourceIdOf } from '../support/sync-harness.js';

/**
 * A deals row filtered by a Pipedrive saved filter (`sourceFilterId`): Pipedrive applies it at the read
 * (`filter_id`), the settings' count says how many it keeps, and the sync writes exactly those deals; the
 * deals it leaves out are filtered out, never errors (activities linked to them skip that association).
 */
const PORTAL = 51077;
const FILTER_ID = 77;
const MAX_VALUE = 4000;
let harness: AuditHarness;

interface DatasetDeal {
  id: number;
  owner_id?: number;
  value?: number;
  is_archived?: boolean;
  is_deleted?: boolean;
}
interface DatasetActivity {
  id: number;
  deal_id?: number | null;
  is_deleted?: boolean;
}
const dataset = JSON.parse(readFileSync(PIPEDRIVE_TEST_DATASETS.auditCompleteness, 'utf8')) as {
  deals: DatasetDeal[];
  activities: DatasetActivity[];
};
/** The deals the sync reads (archived ones too: the default settings move them; deleted ones are gone) and those the filter keeps. */
const listed = dataset.deals.filter((deal) => deal.is_deleted !== true);
const kept = listed.filter((deal) => (deal.value ?? 0) < MAX_VALUE).map((deal) => String(deal.id));
const left = listed.filter((deal) => !kept.includes(String(deal.id))).map((deal) => String(deal.id));

beforeAll(async () => {
  harness = await startAuditHarness({
    portalId: PORTAL,
    pipedrive: { dataset: { file: PIPEDRIVE_TEST_DATASETS.auditCompleteness } },
    automaticSync: false,
    ownerEmails: () => ['alma@completeness.example', 'rene@completeness.example', 'siiri@completeness.example'],
  });
  // The account's saved filter, as a user makes it in Pipedrive: deals whose value is under 4,000.
  const { store } = harness.pipedrive.state;
  const valueField = store.fields.all('deal').find((field) => field.key === 'value');
  store.filters.push({
    id: FILTER_ID,
    name: 'Deals under 4,000',
    type: 'deals',
    user_id: store.defaultUserId,
    active_flag: true,
    visible_to: 3,
    add_time: '2026-01-01 00:00:00',
    update_time: '2026-01-01 00:00:00',
    conditions: {
      glue: 'and',
      conditions: [
        {
          glue: 'and',
          conditions: [
            {
              object: 'deal',
              field_id: String(valueField?.id),
              operator: '<',
              value: String(MAX_VALUE),
              extra_value: null,
              json_value_flag: false,
            },
          ],
        },
      ],
    },
  });
  await auditAndSettings(harness);
}, 120_000);
afterAll(() => harness.close());

const SETTINGS = '/api/v1/connections/pipedrive/settings';
const savedFilter = {
  sourceFilterId: String(FILTER_ID),
  ownerId: null,
  pipelineId: null,
  createdAfter: null,
  updatedAfter: null,
};

describe('a saved Pipedrive filter on the deals', () => {
  it('is counted by Pipedrive on demand', async () => {
    expect(kept.length).toBeGreaterThan(0);
    expect(left.length).toBeGreaterThan(0);
    const res = await harness.api('POST', `${SETTINGS}/filter-counts`, { recordFilters: { deals: savedFilter } });
    expect(res.status).toBe(200);
    const counted = FilterCountResponse.parse(res.body);
    expect(counted.counts.map((count) => [count.objectKey, count.records, count.complete])).toEqual([
      ['deals', kept.length, true],
    ]);

    // With an owner too: Pipedrive ignores owner_id beside filter_id, so the owner is checked on each deal.
    const owner = listed.find((deal) => kept.includes(String(deal.id)))?.owner_id;
    const theirs = listed.filter((deal) => kept.includes(String(deal.id)) && deal.owner_id === owner);
    expect(theirs.length).toBeLessThan(kept.length);
    const both = FilterCountResponse.parse(
      (
        await harness.api('POST', `${SETTINGS}/filter-counts`, {
          recordFilters: { deals: { ...savedFilter, ownerId: String(owner) } },
        })
      ).body,
    );
    expect(both.counts.map((count) => count.records)).toEqual([theirs.length]);
  });

  it('limits the sync to the deals it keeps; the others are filtered out, not errors', async () => {
    const current = SettingsResponse.parse((await harness.api('GET', SETTINGS)).body);
    const patched = await harness.api('PATCH', SETTINGS, {
      auditId: current.settings.auditId,
      recordFilters: { deals: savedFilter },
    });
    expect(patched.status).toBe(200);
    const setup = await runTransfer(harness, 'setup', (body) => SetupResponse.parse(body));
    expect(setup.job.status).toBe('COMPLETE');
    const sync = await runTransfer(harness, 'sync', (body) => SyncResponse.parse(body));
    expect(sync.job.status).toBe('COMPLETE');

    const errors = TransferErrorsPage.parse((await harness.api('GET', `/api/v1/transfers/${sync.id}/errors`)).body);
    expect(errors.errors).toEqual([]);
    const deals = sync.tasks.find((task) => task.object === 'deals');
    expect(deals?.counts).toMatchObject({ read: kept.length, created: kept.length, failed: 0 });
    expect(sync.summary.failed).toBe(0);

    const snapshot = await portalSnapshot(harness);
    const written = liveRecords(snapshot, 'deals').map(sourceIdOf);
    expect(written.sort()).toEqual([...kept].sort());

    // An activity on a deal the filter left out keeps its other associations and skips that one.
    const linkedToLeft = dataset.activities.filter(
      (activity) => activity.is_deleted !== true && left.includes(String(activity.deal_id)),
    );
    expect(linkedToLeft.length).toBeGreaterThan(0);
    const associations = sync.tasks.find((task) => task.object === 'associations');
    expect(associations?.counts.failed).toBe(0);
    expect(associations?.counts.skipped).toBeGreaterThanOrEqual(linkedToLeft.length);
  }, 240_000);
});
