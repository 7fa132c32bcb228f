/**
 * Transfer settings through the signed API, over a real database and the Pipedrive and HubSpot sandboxes:
 * defaults from the audit's plan, refusals that change nothing, locks, readiness, record filter counts
 * checked against the sandbox's own records, and carry-over to a new audit of a changed account.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { settingsRepository } from '../../backend/src/db/repositories/settings.repository.js';
import type { RunningPipedriveSandbox } from '../../sandbox/pipedrive/index.js';
import {
  type AuditResponse,
  type AuditResult,
  FilterCountResponse,
  SettingsResponse,
  type TransferSettings,
} from '../../shared/src/contracts/index.js';
import { type AuditHarness, startAuditHarness } from '../support/audit-harness.js';
import { signedCall, withIdentity } from '../support/signed-request.js';

const SETTINGS = '/api/v1/connections/pipedrive/settings';
let harness: AuditHarness;
let audit: AuditResponse;
let result: AuditResult;

const call = (method: 'GET' | 'PUT' | 'PATCH' | 'POST', path: string, body?: unknown) =>
  signedCall(harness.app, {
    method,
    path: withIdentity(path, harness.portalId),
    ...(body === undefined ? {} : { body }),
  });

async function runAudit(): Promise<AuditResponse> {
  const done = await harness.runAudit();
  expect(done.job.status).toBe('COMPLETE');
  return done;
}

const readSettings = async () => {
  const res = await call('GET', SETTINGS);
  expect(res.status).toBe(200);
  return SettingsResponse.parse(res.body);
};

const live = <E extends keyof RunningPipedriveSandbox['state']['records']>(entity: E) => [
  ...harness.pipedrive.state.records[entity].liveRecords(),
];

/** A custom deal field of the audited account of a source type, as the audit lists it. */
function dealField(sourceType: string) {
  const field = result.fields.deals?.find((candidate) => candidate.isCustom && candidate.sourceType === sourceType);
  if (!field) throw new Error(`the dataset has no custom ${sourceType} deal field`);
  return field;
}

beforeAll(async () => {
  harness = await startAuditHarness({
    portalId: 41337,
    pipedrive: { dataset: { records: 1500, seed: 23 } },
    ownerEmails: (pipedrive) => pipedrive.state.store.users.slice(0, 1).map((user) => user.email),
  });
}, 60_000);

afterAll(async () => {
  await harness.close();
});

describe('transfer settings', () => {
  it('are refused before the first audit, with what to do', async () => {
    const res = await call('GET', SETTINGS);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('no_audit');
    audit = await runAudit();
    result = audit.result as AuditResult;
  }, 90_000);

  it('start from the plan: everything available on, locks explained, rates asked for missing currencies', async () => {
    const body = await readSettings();
    expect(body.saved).toBe(false);
    expect(body.settings.auditId).toBe(audit.id);
    expect(body.settings.fields).toEqual({});
    const locks = Object.fromEntries(body.locks.map((lock) => [lock.dataType, lock]));
    expect(locks.pipelines).toMatchObject({ locked: true, value: true });
    expect(locks.pipelines?.reason).toMatch(/Deals need their pipelines/);
    for (const lock of body.locks) {
      expect(body.settings.dataTypes[lock.dataType]).toBe(lock.locked ? lock.value : true);
      if (lock.locked) expect(lock.reason).toEqual(expect.any(String));
    }
    const missing = result.currencies.filter((currency) => currency.used && !currency.inHubSpot);
    expect(missing.length).toBeGreaterThan(0);
    expect(body.readiness).toEqual({
      ready: false,
      missing: missing.map((currency) => expect.objectContaining({ path: `exchangeRates.${currency.code}` })),
    });
  });

  it('refuse bad input field by field and write nothing', async () => {
    const before = await readSettings();
    const text = dealField('varchar');
    const person = result.objects.find((object) => object.key === 'persons');
    expect(person).toBeDefined();
    const bad: TransferSettings = {
      ...before.settings,
      dataTypes: { ...before.settings.dataTypes, pipelines: false },
      fields: {
        nothing_here: { x: { mode: 'exclude' } },
        deals: {
          no_such_field: { mode: 'exclude' },
          [text.key]: { mode: 'existing', hubspotProperty: 'amount' },
          [dealField('enum').key]: { mode: 'existing', hubspotProperty: 'no_such_property' },
          [dealField('double').key]: { mode: 'existing', hubspotProperty: 'hs_object_id' },
          [dealField('text').key]: { mode: 'existing', hubspotProperty: 'dealname' },
        },
      },
      recordFilters: {
        persons: {
          sourceFilterId: null,
          ownerId: '999999',
          pipelineId: '1',
          createdAfter: '2025-02-30',
          updatedAfter: null,
        },
      },
      ownerOverrides: { [result.users[1]?.id ?? '']: '424242' },
      exchangeRates: { XYZ: 2 },
    };
    const res = await call('PUT', SETTINGS, bad);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_settings');
    const details = res.body.error.details as { path: string; message: string }[];
    const paths = details.map((detail) => detail.path).sort();
    expect(paths).toEqual(
      [
        'dataTypes.pipelines',
        'fields.nothing_here',
        'fields.deals.no_such_field',
        `fields.deals.${text.key}`,
        `fields.deals.${dealField('enum').key}`,
        `fields.deals.${dealField('double').key}`,
        `fields.deals.${dealField('text').key}`,
        'recordFilters.persons.ownerId',
        'recordFilters.persons.pipelineId',
        'recordFilters.persons.createdAfter',
        `ownerOverrides.${result.users[1]?.id}`,
        'exchangeRates.XYZ',
      ].sort(),
    );
    expect(details.find((detail) => detail.path === `fields.deals.${text.key}`)?.message).toMatch(
      /holds numbers, and this field holds text/,
    );
    const messageOf = (type: string) =>
      details.find((detail) => detail.path === `fields.deals.${dealField(type).key}`)?.message;
    expect(messageOf('double')).toMatch(/computes .* itself/);
    expect(messageOf('text')).toMatch(/already goes onto “Deal Name”/);
    const zero = await call('PUT', SETTINGS, { ...before.settings, exchangeRates: { EUR: 0 } });
    expect(zero.status).toBe(400);
    expect(zero.body.error.details).toEqual([expect.objectContaining({ path: 'exchangeRates.EUR' })]);
    const after = await readSettings();
    expect(after).toEqual(before);
    const rows = await harness.db.pool.query('SELECT count(*)::int AS n FROM transfer_settings');
    expect(rows.rows[0]).toEqual({ n: 0 });
  });

  it('save valid settings: existing properties of compatible types, rates, overrides; setup is then ready', async () => {
    const { settings } = await readSettings();
    const rates = Object.fromEntries(
      result.currencies
        .filter((currency) => currency.used && !currency.inHubSpot)
        .map((currency) => [currency.code, 1.25]),
    );
    const owners = (await fetch(`${harness.hubspot.apiBaseUrl}/_sandbox/portals/${harness.portalId}/state`).then(
      (res) => res.json(),
    )) as { owners: { id: string }[] };
    const owner = owners.owners[0]?.id ?? '';
    const chosen: TransferSettings = {
      ...settings,
      fields: {
        deals: {
          [dealField('enum').key]: { mode: 'existing', hubspotProperty: 'dealtype' },
          [dealField('double').key]: { mode: 'existing', hubspotProperty: 'description' },
          [dealField('date').key]: { mode: 'existing', hubspotProperty: 'hs_next_step' },
          [dealField('text').key]: { mode: 'exclude' },
        },
      },
      exchangeRates: rates,
      defaultOwnerId: owner,
      ownerOverrides: { [result.users[1]?.id ?? '']: owner },
      automaticSync: false,
    };
    const res = await call('PUT', SETTINGS, chosen);
    expect(res.status).toBe(200);
    const saved = SettingsResponse.parse(res.body);
    expect(saved).toMatchObject({ saved: true, readiness: { ready: true, missing: [] } });
    expect(await readSettings()).toEqual(saved);
    expect(saved.settings).toEqual(chosen);

    const selection = await call('GET', `${SETTINGS}/selection`);
    expect(selection.status).toBe(200);
    const existing = (selection.body.selection.properties as { action: string; name: string }[]).filter(
      (property) => property.action === 'existing',
    );
    expect(existing.map((property) => property.name).sort()).toEqual(['dealtype', 'description', 'hs_next_step']);
  });

  it('merge a PATCH into the saved settings; a refused PATCH keeps them', async () => {
    const before = await readSettings();
    const patched = await call('PATCH', SETTINGS, {
      auditId: audit.id,
      dataTypes: { calls: false },
      fields: { deals: { [dealField('varchar').key]: { mode: 'exclude' } } },
    });
    expect(patched.status).toBe(200);
    const body = SettingsResponse.parse(patched.body);
    expect(body.settings.dataTypes.calls).toBe(false);
    expect(body.settings.fields.deals).toEqual({
      ...before.settings.fields.deals,
      [dealField('varchar').key]: { mode: 'exclude' },
    });
    const refused = await call('PATCH', SETTINGS, { auditId: audit.id, dataTypes: { pipelines: false } });
    expect(refused.status).toBe(400);
    expect(await readSettings()).toEqual(body);
  });

  it('keep the secondary-e-mail choice through a PATCH that leaves it out; a row saved before it existed reads it off', async () => {
    expect((await readSettings()).settings.addSecondaryEmails).toBe(false);
    expect((await call('PATCH', SETTINGS, { auditId: audit.id, addSecondaryEmails: 'yes' })).status).toBe(400);
    const on = await call('PATCH', SETTINGS, { auditId: audit.id, addSecondaryEmails: true });
    expect(on.status).toBe(200);
    expect(SettingsResponse.parse(on.body).settings.addSecondaryEmails).toBe(true);
    const other = await call('PATCH', SETTINGS, { auditId: audit.id, automaticSync: false });
    expect(other.status).toBe(200);
    expect(SettingsResponse.parse(other.body).settings.addSecondaryEmails).toBe(true);
    // Settings saved before the choice existed have no such key.
    await harness.db.pool.query(`UPDATE transfer_settings SET settings = settings - 'addSecondaryEmails'`);
    const stored = await readSettings();
    expect(stored).toMatchObject({ saved: true, settings: { addSecondaryEmails: false } });
  });

  it('never overwrite a save made in between (a stale revision saves nothing)', async () => {
    const connection = await harness.db.pool.query<{ connection_id: string; portal_id: string }>(
      'SELECT connection_id, portal_id FROM transfer_settings',
    );
    const row = connection.rows[0];
    if (!row) throw new Error('no saved settings');
    const stored = await settingsRepository.find(harness.db.pool, row.connection_id);
    if (!stored) throw new Error('no saved settings');
    const write = (revision: number | null) =>
      settingsRepository.save(harness.db.pool, {
        connectionId: row.connection_id,
        portalId: Number(row.portal_id),
        settings: { ...stored.settings, automaticSync: !stored.settings.automaticSync },
        revision,
      });
    expect(await write(stored.revision - 1)).toBe(false);
    expect(await write(null)).toBe(false);
    expect(await settingsRepository.find(harness.db.pool, row.connection_id)).toEqual(stored);
    expect(await write(stored.revision)).toBe(true);
    expect(await write(stored.revision)).toBe(false);
    const reread = await settingsRepository.find(harness.db.pool, row.connection_id);
    expect(reread?.settings.automaticSync).toBe(!stored.settings.automaticSync);
  });

  it('count the records each filter keeps, as the sandbox holds them, with the tokens spent', async () => {
    const user = harness.pipedrive.state.store.users[0];
    const pipeline = live('pipeline')[0];
    if (!user || !pipeline) throw new Error('no user or pipeline in the dataset');
    const day = '2024-06-01';
    const since = Date.parse(`${day}T00:00:00Z`);
    const filters = {
      deals: {
        sourceFilterId: null,
        ownerId: String(user.id),
        pipelineId: String(pipeline.id),
        createdAfter: null,
        updatedAfter: null,
      },
      persons: {
        sourceFilterId: null,
        ownerId: String(user.id),
        pipelineId: null,
        createdAfter: day,
        updatedAfter: null,
      },
    };
    const res = await call('POST', `${SETTINGS}/filter-counts`, { recordFilters: filters });
    expect(res.status).toBe(200);
    const body = FilterCountResponse.parse(res.body);
    const expected = {
      // Archived deals too: the default settings move them.
      deals: live('deal').filter((deal) => deal.owner_id === user.id && deal.pipeline_id === pipeline.id).length,
      persons: live('person').filter((person) => person.owner_id === user.id && person.add_time >= since).length,
    };
    expect(Object.fromEntries(body.counts.map((count) => [count.objectKey, count.records]))).toEqual(expected);
    expect(body.counts.every((count) => count.complete && count.resume === null)).toBe(true);
    expect(expected.deals).toBeGreaterThan(0);
    expect(expected.persons).toBeGreaterThan(0);
    expect(expected.persons).toBeLessThan(live('person').length);
    expect(body.usage.tokens).toBeGreaterThan(0);

    // Deals without dates are counted by two summary calls (the deals' 40 tokens, the archived deals' 80),
    // whatever the account's size.
    const deals = FilterCountResponse.parse(
      (await call('POST', `${SETTINGS}/filter-counts`, { recordFilters: { deals: filters.deals } })).body,
    );
    expect(deals.usage).toEqual({ requests: 2, tokens: 120 });

    // An activity row (calls) counts only the activity types it takes.
    const calls = result.objects.find((object) => object.hubspotObject === 'calls');
    if (!calls) throw new Error('the audit has no calls row');
    const callFilter = { sourceFilterId: null, ownerId: null, pipelineId: null, createdAfter: null, updatedAfter: day };
    const counted = FilterCountResponse.parse(
      (await call('POST', `${SETTINGS}/filter-counts`, { recordFilters: { [calls.key]: callFilter } })).body,
    );
    const activities = live('activity').filter((activity) => activity.update_time >= since);
    expect(counted.counts.map((count) => [count.objectKey, count.records])).toEqual([
      [calls.key, activities.filter((activity) => activity.type === 'call').length],
    ]);
    expect(counted.counts[0]?.records).toBeLessThan(activities.length);

    const unknown = await call('POST', `${SETTINGS}/filter-counts`, { objects: ['nothing_here'] });
    expect(unknown.status).toBe(400);
  }, 60_000);

  it('carry over to a new audit of a changed account, listing the differences', async () => {
    const before = await readSettings();
    const gone = dealField('text');
    const added = (await harness.pipedriveControl('POST', '/fields/deal', {
      name: 'Budget code',
      field_type: 'varchar',
    })) as {
      key: string;
    };
    await harness.pipedriveControl('DELETE', `/fields/deal/${gone.key}`);

    const second = await runAudit();
    const carried = await readSettings();
    expect(carried).toMatchObject({ saved: false, carriedOverFrom: audit.id });
    expect(carried.settings.auditId).toBe(second.id);
    const { [gone.key]: dropped, ...kept } = before.settings.fields.deals ?? {};
    expect(dropped).toEqual({ mode: 'exclude' });
    expect(carried.settings.fields.deals).toEqual(kept);
    expect(carried.settings.exchangeRates).toEqual(before.settings.exchangeRates);
    expect(carried.settings.dataTypes.calls).toBe(false);
    expect(carried.changes).toEqual([
      expect.objectContaining({ change: 'dropped', area: 'field', key: gone.key, objectKey: 'deals' }),
      expect.objectContaining({ change: 'defaulted', area: 'field', key: added.key, objectKey: 'deals' }),
    ]);

    const stale = await call('PUT', SETTINGS, before.settings);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('settings_stale');
    const saved = await call('PUT', SETTINGS, carried.settings);
    expect(saved.status).toBe(200);
    expect(await readSettings()).toMatchObject({ saved: true, carriedOverFrom: null, changes: [] });
  }, 90_000);

  it('are not served to a portal that has not installed the app', async () => {
    const other = await signedCall(harness.app, { method: 'GET', path: withIdentity(SETTINGS, 55555) });
    expect(other.status).toBe(403);
    expect(other.body.settings).toBeUndefined();
  });
});
