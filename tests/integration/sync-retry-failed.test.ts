import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { portalsRepository } from '../../backend/src/db/repositories/portals.repository.js';
import { PIPEDRIVE_TEST_DATASETS } from '../../sandbox/pipedrive/index.js';
import { GuideResponse, SetupResponse, SyncResponse, TransferErrorsPage } from '../../shared/src/contracts/index.js';
import { type AuditHarness, startAuditHarness } from '../support/audit-harness.js';
import {
  auditAndSettings,
  liveRecords,
  type PortalSnapshot,
  portalSnapshot,
  runTransfer,
  sourceIdOf,
  untilFinished,
} from '../support/sync-harness.js';

/**
 * "Retry failed records" on the audit-completeness account: a targeted HubSpot refusal makes organization 2
 * ("Daughter OÜ") and deal 5 ("Lost to competitor") fail, and with them the associations to company 2; the
 * errors are listed (search, pages, CSV) with category, message, source id, HubSpot id and hint; a retry
 * writes exactly those records again, read back from the HubSpot sandbox, and the errors list empties.
 */
const PORTAL = 51021;
let harness: AuditHarness;

beforeAll(async () => {
  harness = await startAuditHarness({
    portalId: PORTAL,
    pipedrive: { dataset: { file: PIPEDRIVE_TEST_DATASETS.auditCompleteness } },
    automaticSync: false,
    ownerEmails: () => ['alma@completeness.example', 'rene@completeness.example', 'siiri@completeness.example'],
  });
  // Archived deals stay out: what is retried is the subject here, and they add nothing to it.
  await auditAndSettings(harness, { dataTypes: { archived_deals: false } });
  const setup = await runTransfer(harness, 'setup', (body) => SetupResponse.parse(body));
  expect(setup.job.status).toBe('COMPLETE');
}, 180_000);
afterAll(() => harness.close());

/** HubSpot refuses the whole batch holding this record, naming the value it refuses (as its 400 does). */
function refuseOnce(object: string, name: string, value: string) {
  harness.hubspot.state.faults.addTargeted({
    method: 'POST',
    path: `/crm/v3/objects/${object}/batch/upsert`,
    body: (body) =>
      ((body as { inputs?: { properties?: Record<string, string> }[] }).inputs ?? []).some(
        (input) => input.properties?.[name] === value,
      ),
    respond: {
      status: 400,
      body: {
        status: 'error',
        category: 'VALIDATION_ERROR',
        message: `Property values were not valid: ${JSON.stringify([
          { isValid: false, message: `${value} was refused`, error: 'INVALID_OPTION', name, propertyValue: value },
        ])}`,
        correlationId: '5c1a3f7e-0d2b-4e6f-8a9c-1b3d5f7a9c2e',
      },
    },
  });
}

const errorsOf = async (id: string, query = '') =>
  TransferErrorsPage.parse((await harness.api('GET', `/api/v1/transfers/${id}/errors${query}`)).body);

const guideSyncStep = async () =>
  GuideResponse.parse((await harness.api('GET', '/api/v1/guide')).body).steps.find((step) => step.id === 'sync');

const sourceIds = (snapshot: PortalSnapshot, object: string) =>
  liveRecords(snapshot, object)
    .map(sourceIdOf)
    .sort((a, b) => Number(a) - Number(b));

/** `from>to` pairs of HubSpot's associations as source ids (`contacts:2>companies:2`). */
function associationPairs(snapshot: PortalSnapshot): Set<string> {
  const source = new Map<string, string>();
  for (const [object, records] of Object.entries(snapshot.records))
    for (const record of records) source.set(`${object}:${record.id}`, `${object}:${sourceIdOf(record)}`);
  return new Set(snapshot.associations.map((edge) => `${source.get(edge.from)}>${source.get(edge.to)}`));
}

describe('retry failed records', () => {
  let first: SyncResponse;

  it('lists the records HubSpot refused, with their associations, searchable, in pages and as CSV', async () => {
    refuseOnce('companies', 'name', 'Daughter OÜ');
    refuseOnce('deals', 'dealname', 'Lost to competitor');
    first = await runTransfer(harness, 'sync', (body) => SyncResponse.parse(body));
    expect(first.job.status).toBe('COMPLETE');
    expect(first.retryOf).toBeNull();
    expect(first.summary.failed).toBe(2);

    const snapshot = await portalSnapshot(harness);
    expect(sourceIds(snapshot, 'companies')).toEqual(['1', '3', '4']);
    expect(sourceIds(snapshot, 'deals')).toEqual(['1', '2', '3', '4', '6', '7']);
    const contact2 = liveRecords(snapshot, 'contacts').find((record) => sourceIdOf(record) === '2');
    const deal2 = liveRecords(snapshot, 'deals').find((record) => sourceIdOf(record) === '2');

    const errors = await errorsOf(first.id, '?pageSize=50');
    const shown = errors.errors.map(({ task, itemKey, hubspotObject, hubspotId, category }) => ({
      task,
      itemKey,
      hubspotObject,
      hubspotId,
      category,
    }));
    expect(shown).toEqual(
      expect.arrayContaining([
        {
          task: 'organizations',
          itemKey: '2',
          hubspotObject: 'companies',
          hubspotId: null,
          category: 'VALIDATION_ERROR',
        },
        { task: 'deals', itemKey: '5', hubspotObject: 'deals', hubspotId: null, category: 'VALIDATION_ERROR' },
        {
          task: 'associations',
          itemKey: 'contacts/2 → companies/2',
          hubspotObject: 'contacts',
          hubspotId: contact2?.id,
          category: expect.any(String),
        },
        {
          task: 'associations',
          itemKey: 'deals/2 → companies/2',
          hubspotObject: 'deals',
          hubspotId: deal2?.id,
          category: expect.any(String),
        },
      ]),
    );
    expect(errors.total).toBe(4);
    const refused = errors.errors.find((error) => error.itemKey === '2' && error.task === 'organizations');
    expect(refused?.message).toContain('Daughter OÜ was refused');
    expect(refused?.hint).not.toBe('');

    const searched = await errorsOf(first.id, '?q=competitor');
    expect(searched.errors.map((error) => error.itemKey)).toEqual(['5']);
    const paged = await errorsOf(first.id, '?page=2&pageSize=3');
    expect({ shown: paged.errors.length, total: paged.total, page: paged.page }).toEqual({
      shown: 1,
      total: 4,
      page: 2,
    });

    const link = await harness.api('POST', `/api/v1/transfers/${first.id}/errors/export-link`);
    expect(link.status).toBe(201);
    const csv = await request(harness.app)
      .get(new URL((link.body as { url: string }).url).pathname)
      .expect(200);
    const rows = parse(csv.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row['Task'], row['Key'], row['Object'], row['HubSpot id']]).sort()).toEqual(
      [
        ['associations', 'contacts/2 → companies/2', 'contacts', contact2?.id],
        ['associations', 'deals/2 → companies/2', 'deals', deal2?.id],
        ['deals', '5', 'deals', ''],
        ['organizations', '2', 'companies', ''],
      ].sort(),
    );
    expect(rows.every((row) => row['Hint'] !== '' && row['Message'] !== '')).toBe(true);
    expect(await guideSyncStep()).toMatchObject({ state: 'needs_attention', actionLabel: 'Review the sync' });
  }, 150_000);

  let retry: SyncResponse;

  it("writes exactly the failed records again, with their associations; one HubSpot refuses again moves to the retry's own log", async () => {
    refuseOnce('deals', 'dealname', 'Lost to competitor');
    await harness.pipedriveControl('DELETE', '/requests');
    const started = await harness.api('POST', `/api/v1/sync/${first.id}/retry-failed`);
    expect(started.status).toBe(202);
    expect(SyncResponse.parse(started.body).retryOf).toBe(first.id);
    retry = await untilFinished(harness, 'sync', SyncResponse.parse(started.body).id, (body) =>
      SyncResponse.parse(body),
    );
    expect(retry.job.status).toBe('COMPLETE');
    // Company 2, contact 2 (its association to company 2), deals 5 and 2 (deal 2's association to company 2).
    expect(retry.summary).toMatchObject({ read: 4, failed: 1, skipped: 0 });
    expect(retry.summary.created + retry.summary.updated).toBe(3);
    // Read again by id in list calls (one per object here), never one record at a time.
    const { requests } = (await harness.pipedriveControl('GET', '/requests/recent')) as {
      requests: { endpoint: string }[];
    };
    expect(
      requests
        .map((request) => request.endpoint)
        .filter((endpoint) => /\/(organizations|persons|deals|products|activities|notes)/.test(endpoint))
        .sort(),
    ).toEqual(['GET /api/v2/deals', 'GET /api/v2/organizations', 'GET /api/v2/persons']);

    expect((await errorsOf(first.id)).total).toBe(0);
    const again = await errorsOf(retry.id);
    expect(again.errors.map(({ task, itemKey }) => ({ task, itemKey }))).toEqual([{ task: 'deals', itemKey: '5' }]);
    expect(await guideSyncStep()).toMatchObject({ state: 'needs_attention' });

    const snapshot = await portalSnapshot(harness);
    expect(sourceIds(snapshot, 'companies')).toEqual(['1', '2', '3', '4']);
    expect(sourceIds(snapshot, 'contacts')).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(sourceIds(snapshot, 'deals')).toEqual(['1', '2', '3', '4', '6', '7']);
    const pairs = associationPairs(snapshot);
    for (const pair of ['contacts:2>companies:2', 'deals:2>companies:2'])
      expect([pair, pairs.has(pair)]).toEqual([pair, true]);
  }, 150_000);

  it('a retry of the retry lands the last record, and the errors list empties', async () => {
    const started = await harness.api('POST', `/api/v1/sync/${retry.id}/retry-failed`);
    expect(started.status).toBe(202);
    const last = await untilFinished(harness, 'sync', SyncResponse.parse(started.body).id, (body) =>
      SyncResponse.parse(body),
    );
    expect(last.retryOf).toBe(retry.id);
    expect(last.summary).toMatchObject({ read: 1, failed: 0, skipped: 0 });
    expect((await errorsOf(retry.id)).total).toBe(0);
    expect((await errorsOf(last.id)).total).toBe(0);
    expect(await guideSyncStep()).toMatchObject({ state: 'complete', actionLabel: 'View the sync' });

    const snapshot = await portalSnapshot(harness);
    expect(sourceIds(snapshot, 'companies')).toEqual(['1', '2', '3', '4']);
    expect(sourceIds(snapshot, 'deals')).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(associationPairs(snapshot).has('deals:5>contacts:4')).toBe(true);
  }, 150_000);

  it("is refused when nothing is left to retry, for another portal's sync and for a malformed id", async () => {
    const latest = SyncResponse.parse((await harness.api('GET', '/api/v1/sync?source=pipedrive')).body);
    const again = await harness.api('POST', `/api/v1/sync/${latest.id}/retry-failed`, {});
    expect([again.status, again.body.error.code]).toEqual([409, 'nothing_to_retry']);
    for (const earlier of [first.id, retry.id]) {
      const retried = await harness.api('POST', `/api/v1/sync/${earlier}/retry-failed`, {});
      expect([retried.status, retried.body.error.code]).toEqual([409, 'nothing_to_retry']);
    }
    await portalsRepository.upsertInstalled(harness.db.pool, {
      id: PORTAL + 1,
      hubDomain: null,
      installedByUserId: 1,
      scopes: ['oauth'],
    });
    const foreign = await harness.api('POST', `/api/v1/sync/${first.id}/retry-failed`, {}, PORTAL + 1);
    expect(foreign.status).toBe(404);
    const bad = await harness.api('POST', `/api/v1/sync/not-an-id/retry-failed`, {});
    expect(bad.status).toBe(400);
  }, 60_000);
});
