/**
 * The Pipedrive connector against the Pipedrive sandbox: OAuth, catalog, counts, paged reads, limits and
 * failures. Expected values come from the sandbox's own dataset, never from the connector's output. The
 * connector and the sandbox share one clock, and the connector's waits move it, so limit windows pass
 * without real waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import type { RetryPolicy } from '../../backend/src/http-client/retry.js';
import { realSleep } from '../../backend/src/sleep.js';
import {
  type CountState,
  SourceAuthError,
  type SourceConnector,
  type SourceGrant,
  SourceRateLimitError,
  type SourceSession,
  SourceUnavailableError,
} from '../../backend/src/sources/connector.js';
import { createPipedriveConnector } from '../../backend/src/sources/pipedrive/pipedrive.connector.js';
import { PIPEDRIVE_HOLDING_KEYS } from '../../backend/src/sources/pipedrive/pipedrive-objects.js';
import { createSandboxClock } from '../../sandbox/common/clock.js';
import { CUSTOM_FIELD_TYPES, type FieldEntity } from '../../sandbox/pipedrive/fields/types.js';
import { subfieldsOf } from '../../sandbox/pipedrive/fields/values.js';
import { type RunningPipedriveSandbox, startPipedriveSandbox } from '../../sandbox/pipedrive/index.js';
import { PIPEDRIVE_REDIRECT_URI as REDIRECT_URI, sandboxPipedriveConnector } from '../support/pipedrive-connector.js';

const RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 50, maxDelayMs: 2000 };
// 25 % persons and activities: 1,500 each, three pages of 500 and more than 1,250 records.
const RECORDS = 6000;

let sandbox: RunningPipedriveSandbox;
let connector: SourceConnector;

beforeAll(async () => {
  const clock = createSandboxClock();
  sandbox = await startPipedriveSandbox({ clock, dataset: { records: RECORDS, seed: 11 }, redirectUri: REDIRECT_URI });
  connector = sandboxPipedriveConnector(sandbox, clock, RETRY_POLICY);
});

afterAll(async () => {
  await sandbox.close();
});

/** The user's side of the consent: follow the authorize URL, read the code off the callback. */
async function authorize(state: string): Promise<URL> {
  const response = await fetch(connector.authorizeUrl({ state, redirectUri: REDIRECT_URI }), { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

/** A fresh grant (and so a fresh burst window) for one test. */
async function connect(): Promise<{ grant: SourceGrant; session: SourceSession }> {
  const code = (await authorize('state')).searchParams.get('code') ?? '';
  const grant = await connector.exchangeCode({ code, redirectUri: REDIRECT_URI });
  return {
    grant,
    session: connector.session({ apiDomain: grant.apiDomain, accessToken: async () => grant.accessToken }),
  };
}

async function finalCount(session: SourceSession, objectKey: string, from?: CountState): Promise<CountState> {
  let last: CountState | undefined;
  for await (const state of session.count(objectKey, from)) last = state;
  if (!last) throw new Error(`count(${objectKey}) yielded nothing`);
  return last;
}

function tally<T>(items: Iterable<T>, key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

const COUNTED = ['persons', 'organizations', 'deals', 'products', 'activities', 'notes'] as const;

/** What Pipedrive's lists return for each countable object, straight from the sandbox's tables. */
function datasetCounts(): Record<(typeof COUNTED)[number], { total: number; breakdown: Record<string, number> }> {
  const { records } = sandbox.state;
  const size = (iterable: Iterable<unknown>) => [...iterable].length;
  // Archived deals are not in /deals nor /deals/summary since 2025-07-15.
  const deals = [...records.deal.liveRecords()].filter((deal) => !deal.is_archived);
  const activities = [...records.activity.liveRecords()];
  return {
    persons: { total: size(records.person.liveRecords()), breakdown: {} },
    organizations: { total: size(records.organization.liveRecords()), breakdown: {} },
    deals: { total: deals.length, breakdown: tally(deals, (deal) => deal.status) },
    products: { total: size(records.product.liveRecords()), breakdown: {} },
    activities: { total: activities.length, breakdown: tally(activities, (activity) => activity.type) },
    notes: { total: size(records.note.liveRecords()), breakdown: {} },
  };
}

describe('OAuth', () => {
  it('authorizes with state, exchanges the code, keeps api_domain and refreshes without rotating', async () => {
    const callback = await authorize('st-42');
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('state')).toBe('st-42');

    const grant = await connector.exchangeCode({
      code: callback.searchParams.get('code') ?? '',
      redirectUri: REDIRECT_URI,
    });
    expect(grant.apiDomain).toBe(sandbox.apiBaseUrl);
    expect(grant.scopes).toContain('base');
    expect(grant.expiresInSeconds).toBeGreaterThan(0);

    const refreshed = await connector.refresh(grant.refreshToken);
    expect(refreshed.refreshToken).toBe(grant.refreshToken);
    expect(refreshed.accessToken).not.toBe(grant.accessToken);
    const session = connector.session({
      apiDomain: refreshed.apiDomain,
      accessToken: async () => refreshed.accessToken,
    });
    expect((await session.account()).accountId).toBe(String(sandbox.state.store.company.id));
  });

  it('refuses a code used twice with SourceAuthError', async () => {
    const code = (await authorize('once')).searchParams.get('code') ?? '';
    await connector.exchangeCode({ code, redirectUri: REDIRECT_URI });
    await expect(connector.exchangeCode({ code, redirectUri: REDIRECT_URI })).rejects.toBeInstanceOf(SourceAuthError);
  });
});

describe('catalog', () => {
  const OBJECT_ENTITIES = [
    ['persons', 'person'],
    ['organizations', 'organization'],
    ['deals', 'deal'],
    ['products', 'product'],
    ['activities', 'activity'],
    ['notes', 'note'],
  ] as const satisfies readonly (readonly [string, FieldEntity])[];
  // v2 reports mandatory fields only for deals, persons and organizations; v1 does for notes.
  const REPORTS_MANDATORY = new Set(['persons', 'organizations', 'deals', 'notes']);
  // Values the records carry that Pipedrive's field lists leave out, added after the listed fields.
  const UNLISTED: Partial<Record<string, [key: string, label: string, type: string][]>> = {
    deals: [
      ['is_archived', 'Archived', 'boolean'],
      ['archive_time', 'Archived on', 'date'],
    ],
    notes: [['deal_id', 'Deal', 'deal']],
    products: [['billing_frequency_cycles', 'Billing cycles', 'int']],
    activities: [['participants', 'Participants', 'people']],
  };

  it('lists every object with every field, option and subfield of the dataset', async () => {
    const { session } = await connect();
    const catalog = await session.catalog();
    expect(catalog.objects.map((object) => object.key)).toEqual(OBJECT_ENTITIES.map(([key]) => key));
    for (const [key, entity] of OBJECT_ENTITIES) {
      const expected = sandbox.state.store.fields.all(entity).map((field) => ({
        key: field.key,
        label: field.name,
        type: field.field_type,
        isCustom: field.is_custom,
        options: field.options?.map((option) => ({ id: String(option.id), label: option.label })) ?? null,
        // v1 (notes) has no subfields; v2 lists them for monetary, address and range fields.
        subfields:
          entity === 'note'
            ? null
            : (subfieldsOf(field)?.map((sub) => ({
                key: sub.field_code,
                label: sub.field_name,
                type: sub.field_type,
              })) ?? null),
        mandatory: REPORTS_MANDATORY.has(key) ? field.mandatory : false,
      }));
      const unlisted = (UNLISTED[key] ?? []).map(([fieldKey, label, type]) => ({
        key: fieldKey,
        label,
        type,
        isCustom: false,
        options: null,
        subfields: null,
        mandatory: false,
      }));
      expect(catalog.objects.find((object) => object.key === key)?.fields).toEqual([...expected, ...unlisted]);
    }
    const customTypes = new Set(
      catalog.objects.flatMap((object) => object.fields.filter((field) => field.isCustom).map((field) => field.type)),
    );
    expect([...customTypes].sort()).toEqual([...CUSTOM_FIELD_TYPES].sort());
  });

  it('lists pipelines with their stages, users, currencies, activity types and the account settings', async () => {
    const { session } = await connect();
    const catalog = await session.catalog();
    const { records, store } = sandbox.state;
    const stages = [...records.stage.liveRecords()];
    const expectedPipelines = [...records.pipeline.liveRecords()]
      .sort((a, b) => a.order_nr - b.order_nr)
      .map((pipeline) => ({
        id: String(pipeline.id),
        name: pipeline.name,
        order: pipeline.order_nr,
        stages: stages
          .filter((stage) => stage.pipeline_id === pipeline.id)
          .sort((a, b) => a.order_nr - b.order_nr)
          .map((stage) => ({
            id: String(stage.id),
            name: stage.name,
            order: stage.order_nr,
            probability: pipeline.is_deal_probability_enabled ? stage.deal_probability : null,
          })),
      }));
    expect(catalog.pipelines).toEqual(expectedPipelines);
    expect(catalog.users).toEqual(
      store.users.map((user) => ({
        id: String(user.id),
        name: user.name,
        email: user.email,
        active: user.active_flag && !user.is_deleted,
      })),
    );
    expect(catalog.users.some((user) => !user.active)).toBe(true);
    expect(catalog.currencies).toEqual(
      store.currencies.map((currency) => ({
        code: currency.code,
        name: currency.name,
        active: currency.active_flag,
        custom: currency.is_custom_flag,
      })),
    );
    expect(catalog.activityTypes).toEqual(
      store.activityTypes.map((type) => ({
        key: type.key_string,
        name: type.name,
        active: type.active_flag,
        custom: type.is_custom_flag,
      })),
    );
    const installer = store.user(sandbox.state.settings().installingUserId);
    expect(catalog.account).toEqual({
      accountId: String(store.company.id),
      accountName: store.company.name,
      defaultCurrency: installer?.default_currency,
      locale: installer?.locale,
      timeZone: installer?.timezone_name,
    });
  });
});

describe('counts', () => {
  it('count every object exactly, deals by status and activities by type', async () => {
    const { session } = await connect();
    const expected = datasetCounts();
    // The transferred objects first, then what else the account holds (audit-completeness.test.ts counts those).
    expect(session.countableObjects()).toEqual([...COUNTED, ...PIPEDRIVE_HOLDING_KEYS]);
    const counted = await Promise.all(COUNTED.map(async (key) => [key, await finalCount(session, key)] as const));
    for (const [key, state] of counted) {
      expect({ key, total: state.total, breakdown: state.breakdown, done: state.done }).toEqual({
        key,
        ...expected[key],
        done: true,
      });
    }
  });

  it('counts deals (with their products and participants) and the rest with one call per 500 records', async () => {
    const { session } = await connect();
    sandbox.state.faults.resetRequests();
    await finalCount(session, 'deals');
    await finalCount(session, 'persons');
    const byEndpoint = Object.fromEntries(
      sandbox.state.faults.requests().endpoints.map((stats) => [stats.endpoint, stats.requests]),
    );
    expect(byEndpoint).toEqual({
      'GET /api/v2/deals': Math.ceil(datasetCounts().deals.total / 500),
      'GET /api/v2/persons': Math.ceil(datasetCounts().persons.total / 500),
    });
  });

  it('resumes from a saved state (a new worker, a new session) without counting anything twice', async () => {
    const expected = datasetCounts();
    for (const key of ['activities', 'deals', 'notes'] as const) {
      const steps = (await connect()).session.count(key);
      const first = await steps.next();
      await steps.return(undefined);
      if (first.done) throw new Error(`count(${key}) yielded nothing`);
      expect(first.value.done).toBe(false);
      const resumed = await finalCount((await connect()).session, key, first.value);
      expect({ total: resumed.total, breakdown: resumed.breakdown }).toEqual(expected[key]);
    }
  });

  it('counts an object again from the start when Pipedrive refuses a saved cursor (e.g. after waiting for the budget)', async () => {
    const stale = { cursor: 'a-cursor-pipedrive-no-longer-knows', total: 1234, breakdown: { call: 1234 }, done: false };
    const recounted = await finalCount((await connect()).session, 'activities', stale);
    expect({ total: recounted.total, breakdown: recounted.breakdown }).toEqual(datasetCounts().activities);
  });
});

async function readAll(
  session: SourceSession,
  objectKey: string,
  options: { cursor?: string | null; since?: string; includeArchived?: boolean } = {},
) {
  const ids: string[] = [];
  const cursors: (string | null)[] = [];
  for await (const page of session.read(objectKey, options)) {
    ids.push(...page.records.map((record) => record.id));
    cursors.push(page.cursor);
  }
  return { ids, cursors };
}

describe('reading', () => {
  it('pages through more than 1,250 records, each exactly once, and resumes from a page cursor', async () => {
    const { session } = await connect();
    for (const [key, entity] of [
      ['persons', 'person'],
      ['notes', 'note'],
    ] as const) {
      const expected = [...sandbox.state.records[entity].liveRecords()].map((record) => String(record.id));
      const { ids, cursors } = await readAll(session, key);
      expect(ids).toEqual(expected);
      expect(cursors.at(-1)).toBeNull();
      const resumed = await readAll(session, key, { cursor: cursors[0] ?? null });
      expect(resumed.ids).toEqual(expected.slice(500));
    }
    expect(datasetCounts().persons.total).toBeGreaterThan(1250);
  });

  it('reads archived deals after the deals when asked, and resumes inside either list', async () => {
    const { session } = await connect();
    const deals = [...sandbox.state.records.deal.liveRecords()];
    const live = deals.filter((deal) => deal.is_archived !== true).map((deal) => String(deal.id));
    const archived = deals.filter((deal) => deal.is_archived === true).map((deal) => String(deal.id));
    expect(archived.length).toBeGreaterThan(0);
    expect((await readAll(session, 'deals')).ids).toEqual(live);
    const { ids, cursors } = await readAll(session, 'deals', { includeArchived: true });
    expect(ids).toEqual([...live, ...archived]);
    expect(cursors.at(-1)).toBeNull();
    // Resumed after the first page of deals, and from the cursor that starts the archived list.
    const afterFirst = await readAll(session, 'deals', { includeArchived: true, cursor: cursors[0] ?? null });
    expect(afterFirst.ids).toEqual([...live.slice(500), ...archived]);
    const lastLive = cursors[Math.ceil(live.length / 500) - 1] ?? null;
    expect((await readAll(session, 'deals', { includeArchived: true, cursor: lastLive })).ids).toEqual(archived);
  });

  it('hands out records with string ids, ISO update times and custom fields under their field keys', async () => {
    const { session } = await connect();
    const page = await session.read('deals').next();
    if (page.done) throw new Error('no deals page');
    const record = page.value.records[0];
    const stored = sandbox.state.records.deal.findLive(Number(record?.id));
    expect(record?.updatedAt).toBe(new Date(Math.floor((stored?.update_time ?? 0) / 1000) * 1000).toISOString());
    const customKeys = sandbox.state.store.fields.custom('deal').map((field) => field.key);
    expect(Object.keys(record?.values ?? {})).toEqual(expect.arrayContaining(customKeys));
    expect(record?.values).not.toHaveProperty('custom_fields');
  });

  it('reads exactly the records changed since a time', async () => {
    const { session } = await connect();
    const { state } = sandbox;
    state.advanceClock(5000);
    const since = state.clock.now().toISOString();
    state.advanceClock(2000);
    const persons = state.writers.get('persons');
    if (!persons) throw new Error('no persons writer');
    const meta = { userId: state.store.defaultUserId, source: 'app' } as const;
    const live = [...state.records.person.liveRecords()].map((person) => person.id);
    const idAt = (index: number): number => live[index] ?? Number.NaN;
    const changed = [idAt(3), idAt(700), idAt(1400)].map((id) =>
      String(persons.update(id, { name: 'Renamed Person' }, meta).id),
    );
    const created = String(persons.create({ name: 'Brand New Person' }, meta).id);
    // Deleted since: Pipedrive's lists leave deleted persons out, so it must not come back.
    persons.remove(idAt(10), meta);

    const { ids } = await readAll(session, 'persons', { since });
    expect(ids.sort()).toEqual([...changed, created].sort());
  });
});

describe('limits and failures', () => {
  it('recovers from burst 429s, and once it knows the limit no call is refused twice', async () => {
    // Real waiting here: the burst window is a span of time, and jumping the shared clock for each
    // waiting call would empty it early. With 4 slots the 12 catalog calls take about two windows.
    const realTime = createPipedriveConnector({
      config: {
        clientId: sandbox.clientId,
        clientSecret: sandbox.clientSecret,
        oauthBaseUrl: sandbox.oauthBaseUrl,
        apiBaseUrl: sandbox.apiBaseUrl,
        allowedApiDomains: [],
      },
      logger: pino({ level: 'silent' }),
      clock: sandbox.state.clock,
      sleep: realSleep,
    });
    const { grant } = await connect();
    const session = realTime.session({ apiDomain: grant.apiDomain, accessToken: async () => grant.accessToken });
    sandbox.state.configure({ burstOverride: 4 });
    sandbox.state.faults.resetRequests();
    try {
      const catalog = await session.catalog();
      expect(catalog.objects).toHaveLength(6);
    } finally {
      sandbox.state.configure({ burstOverride: null });
    }
    // The catalog calls each endpoint once, all at the same time, before any answer names the limit.
    const refusals = sandbox.state.faults.requests().endpoints.map((stats) => stats.statuses['429'] ?? 0);
    expect(Math.max(...refusals)).toBe(1);
  });

  it('stops with SourceRateLimitError("daily") when the budget is spent, saying when it resets', async () => {
    const { session } = await connect();
    const { state } = sandbox;
    state.configure({ dailyBudgetOverride: state.limits.spentToday() + 5 });
    try {
      const error = await finalCount(session, 'persons').catch((caught: unknown) => caught);
      if (!(error instanceof SourceRateLimitError))
        throw new Error(`expected SourceRateLimitError, got ${String(error)}`);
      expect(error.limit).toBe('daily');
      const untilReset = state.limits.resetsAt().getTime() - state.clock.now().getTime();
      expect(Math.abs(error.retryAfterMs - untilReset)).toBeLessThan(1000);
    } finally {
      state.configure({ dailyBudgetOverride: null });
    }
  });

  it('turns a revoked grant into SourceAuthError, for API calls and for the refresh', async () => {
    const { grant, session } = await connect();
    sandbox.state.tokens.revoke(grant.refreshToken, 'refresh_token');
    await expect(session.account()).rejects.toBeInstanceOf(SourceAuthError);
    await expect(connector.refresh(grant.refreshToken)).rejects.toBeInstanceOf(SourceAuthError);
  });

  it('retries 5xx and resets: recovers from a few, raises SourceUnavailableError when they persist', async () => {
    const { session } = await connect();
    const { faults } = sandbox.state;
    faults.addTargeted({ method: 'GET', path: '/api/v2/products', times: 2, respond: { status: 503 } });
    faults.addTargeted({ method: 'GET', path: '/api/v2/products', times: 1, reset: true });
    expect((await finalCount(session, 'products')).total).toBe(datasetCounts().products.total);

    faults.resetRequests();
    const always = faults.addTargeted({
      method: 'GET',
      path: '/api/v2/products',
      times: 'always',
      respond: { status: 500 },
    });
    try {
      await expect(finalCount(session, 'products')).rejects.toBeInstanceOf(SourceUnavailableError);
    } finally {
      faults.removeTargeted(always);
    }
    expect(faults.requests().total).toBe(RETRY_POLICY.maxRetries + 1);
  });

  it('reports the requests and tokens the sandbox counted', async () => {
    const { session } = await connect();
    sandbox.state.faults.resetRequests();
    await session.catalog();
    await Promise.all(session.countableObjects().map((key) => finalCount(session, key)));
    await readAll(session, 'organizations');
    const served = sandbox.state.faults.requests();
    expect(session.usage()).toEqual({ requests: served.total, cost: served.costs.tokens });
  });
});
