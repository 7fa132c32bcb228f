/**
 * Associations and per-tier limits as HubSpot has them (issue 12, items 4, 6 and the currency part
 * of 8); sources are cited in sandbox/hubspot/tier.ts, limits.ts, associations/store.ts, currencies.ts.
 */
import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createHubSpotSandbox, type HubSpotSandboxOptions } from '../../../sandbox/hubspot/index.js';
import { authed, install } from './support/install.js';

async function sandbox(options: HubSpotSandboxOptions = {}) {
  let now = Date.parse('2026-02-01T00:00:00Z');
  const { app } = createHubSpotSandbox({ ...options, now: () => now });
  const api = authed(app, (await install(app)).access_token);
  return {
    app,
    api,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const readAssociations = (api: Awaited<ReturnType<typeof sandbox>>['api']) =>
  api('post', '/crm/v4/associations/contacts/companies/batch/read', { inputs: [{ id: '1' }] });

describe('the associations limit (item 4)', () => {
  it("allows 100 association calls per 10 s on a Starter portal, counted apart from the general 110, then 429 with HubSpot's body and headers", async () => {
    const { api, advance } = await sandbox();
    for (let call = 1; call <= 100; call += 1) {
      const res = await readAssociations(api).expect(207);
      expect(res.headers['x-hubspot-ratelimit-remaining']).toBe(String(100 - call));
    }
    const limited = await readAssociations(api).expect(429);
    expect(limited.body).toMatchObject({
      status: 'error',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
    });
    expect(limited.headers['x-hubspot-ratelimit-max']).toBe('100');
    expect(limited.headers['x-hubspot-ratelimit-remaining']).toBe('0');
    const owners = await api('get', '/crm/v3/owners').expect(200);
    expect(owners.headers['x-hubspot-ratelimit-remaining']).toBe('109');
    advance(10_000);
    await readAssociations(api).expect(207);
  });

  it('allows 150 on Professional (sandbox option or inspection endpoint) and 200 with the limit increase', async () => {
    const { app, api } = await sandbox({ tier: 'professional' });
    for (let call = 1; call <= 150; call += 1) await readAssociations(api).expect(207);
    await readAssociations(api).expect(429);
    const settings = await request(app).patch('/_sandbox/portals/12345678').send({ limitIncrease: true }).expect(200);
    expect(settings.body).toMatchObject({ tier: 'professional', limitIncrease: true });
    const more = await readAssociations(api).expect(207);
    expect(more.headers['x-hubspot-ratelimit-max']).toBe('200');
    await request(app).patch('/_sandbox/portals/12345678').send({ tier: 'gold' }).expect(400);
  });
});

describe('primary company and association answers (item 6)', () => {
  it('keeps one primary company per contact: a second primary replaces the first, which stays unlabelled', async () => {
    const { api } = await sandbox();
    const contact = await api('post', '/crm/v3/objects/contacts', { properties: { email: 'p@example.com' } }).expect(
      201,
    );
    const first = await api('post', '/crm/v3/objects/companies', { properties: { name: 'First' } }).expect(201);
    const second = await api('post', '/crm/v3/objects/companies', { properties: { name: 'Second' } }).expect(201);
    const primary = [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }];
    for (const company of [first, second]) {
      const res = await api('post', '/crm/v4/associations/contacts/companies/batch/create', {
        inputs: [{ from: { id: contact.body.id }, to: { id: company.body.id }, types: primary }],
      });
      expect(res.status).toBe(200);
    }
    const page = await api('get', `/crm/v4/objects/contacts/${contact.body.id}/associations/companies`).expect(200);
    const typesOf = (id: string) =>
      page.body.results
        .find((r: { toObjectId: number }) => String(r.toObjectId) === id)
        .associationTypes.map((t: { typeId: number }) => t.typeId)
        .sort();
    expect(typesOf(first.body.id)).toEqual([279]);
    expect(typesOf(second.body.id)).toEqual([1, 279]);
    const fromCompany = await api('get', `/crm/v4/objects/companies/${first.body.id}/associations/contacts`).expect(
      200,
    );
    expect(fromCompany.body.results[0].associationTypes.map((t: { typeId: number }) => t.typeId)).toEqual([280]);
  });

  it('keeps one primary company per deal, also when the primary is set from the company side', async () => {
    const { api } = await sandbox();
    const deal = await api('post', '/crm/v3/objects/deals', {
      properties: { dealname: 'D', dealstage: 'qualifiedtobuy' },
    }).expect(201);
    const first = await api('post', '/crm/v3/objects/companies', { properties: { name: 'First' } }).expect(201);
    const second = await api('post', '/crm/v3/objects/companies', { properties: { name: 'Second' } }).expect(201);
    await api('put', `/crm/v4/objects/deals/${deal.body.id}/associations/companies/${first.body.id}`, [
      { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 5 },
    ]).expect(201);
    await api('put', `/crm/v4/objects/companies/${second.body.id}/associations/deals/${deal.body.id}`, [
      { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 6 },
    ]).expect(201);
    const page = await api('get', `/crm/v4/objects/deals/${deal.body.id}/associations/companies`).expect(200);
    const primaries = page.body.results.filter((r: { associationTypes: Array<{ typeId: number }> }) =>
      r.associationTypes.some((t) => t.typeId === 5),
    );
    expect(primaries.map((r: { toObjectId: number }) => String(r.toObjectId))).toEqual([second.body.id]);
    expect(page.body.results).toHaveLength(2);
  });
});

describe('currencies (item 8)', () => {
  const addRate = (api: Awaited<ReturnType<typeof sandbox>>['api'], fromCurrencyCode: string, conversionRate: number) =>
    api('post', '/settings/v3/currencies/exchange-rates', { fromCurrencyCode, conversionRate });

  it('accepts every current ISO 4217 code (about 150), such as PEN', async () => {
    const { api } = await sandbox();
    const codes = await api('get', '/settings/v3/currencies/codes').expect(200);
    const list = codes.body.results.map((c: { currencyCode: string }) => c.currencyCode);
    expect(list.length).toBeGreaterThanOrEqual(150);
    expect(list).toEqual(expect.arrayContaining(['PEN', 'KES', 'QAR', 'EUR']));
    expect(list).not.toContain('XDR');
    await addRate(api, 'PEN', 0.27).expect(201);
  });

  it('refuses a conversionRate with more than 6 decimals, on create and on change', async () => {
    const { api } = await sandbox();
    await addRate(api, 'EUR', 1.0812345).expect(400);
    const created = await addRate(api, 'EUR', 1.081234).expect(201);
    await api('patch', `/settings/v3/currencies/exchange-rates/${created.body.id}`, {
      conversionRate: 0.0000001,
    }).expect(400);
  });

  it('limits the number of currencies by tier: 5 on Starter (company currency included), more on Professional', async () => {
    const { app, api } = await sandbox();
    for (const code of ['EUR', 'GBP', 'CHF', 'SEK']) await addRate(api, code, 1.1).expect(201);
    await addRate(api, 'EUR', 1.2).expect(201);
    const refused = await addRate(api, 'NOK', 0.1).expect(400);
    expect(refused.body.message).toBe('This account can have at most 5 currencies');
    await request(app).patch('/_sandbox/portals/12345678').send({ tier: 'professional' }).expect(200);
    await addRate(api, 'NOK', 0.1).expect(201);
  });

  it('limits deal pipelines by tier: 2 on Starter', async () => {
    const { api } = await sandbox();
    const stages = [{ label: 'Open', displayOrder: 0, metadata: { probability: '0.5' } }];
    await api('post', '/crm/v3/pipelines/deals', { label: 'Second', displayOrder: 1, stages }).expect(201);
    const refused = await api('post', '/crm/v3/pipelines/deals', { label: 'Third', displayOrder: 2, stages }).expect(
      400,
    );
    expect(refused.body.subCategory).toBe('PipelineError.PIPELINE_LIMIT_REACHED');
  });
});
