import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createHubSpotSandbox } from '../../../sandbox/hubspot/index.js';
import { authed, install } from './support/install.js';

describe('HubSpot sandbox: rate limits', () => {
  it('answers the 111th call within 10 s with a 429, policyName and rate-limit headers, and recovers as the window rolls', async () => {
    let now = Date.parse('2026-02-01T00:00:00Z');
    const { app } = createHubSpotSandbox({ now: () => now });
    const api = authed(app, (await install(app)).access_token);
    for (let call = 1; call <= 110; call += 1) {
      const res = await api('get', '/crm/v3/owners').expect(200);
      expect(res.headers['x-hubspot-ratelimit-remaining']).toBe(String(110 - call));
      now += 50;
    }
    const limited = await api('get', '/crm/v3/owners').expect(429);
    expect(limited.body).toMatchObject({
      status: 'error',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
    });
    expect(limited.headers['x-hubspot-ratelimit-max']).toBe('110');
    expect(limited.headers['x-hubspot-ratelimit-remaining']).toBe('0');
    expect(limited.headers['x-hubspot-ratelimit-interval-milliseconds']).toBe('10000');
    now += 10_000;
    await api('get', '/crm/v3/owners').expect(200);
  });

  it('limits search to 5 requests per second without counting it in the 10-second budget', async () => {
    let now = Date.parse('2026-02-01T00:00:00Z');
    const { app } = createHubSpotSandbox({ now: () => now });
    const api = authed(app, (await install(app)).access_token);
    for (let call = 0; call < 5; call += 1) await api('post', '/crm/v3/objects/contacts/search', {}).expect(200);
    const limited = await api('post', '/crm/v3/objects/contacts/search', {}).expect(429);
    expect(limited.body.policyName).toBe('SECONDLY');
    const owners = await api('get', '/crm/v3/owners').expect(200);
    expect(owners.headers['x-hubspot-ratelimit-remaining']).toBe('109');
    now += 1_000;
    await api('post', '/crm/v3/objects/contacts/search', {}).expect(200);
  });

  it('changes limits at run time through the inspection endpoint (0 = off)', async () => {
    const { app } = createHubSpotSandbox();
    const api = authed(app, (await install(app)).access_token);
    await request(app).put('/_sandbox/limits').send({ rateLimitPer10s: 1 }).expect(200);
    await api('get', '/crm/v3/owners').expect(200);
    await api('get', '/crm/v3/owners').expect(429);
    await request(app).put('/_sandbox/limits').send({ rateLimitPer10s: 0 }).expect(200);
    const open = await api('get', '/crm/v3/owners').expect(200);
    expect(open.headers['x-hubspot-ratelimit-max']).toBeUndefined();
  });
});

describe('HubSpot sandbox: faults and stats', () => {
  it('fires a targeted fault exactly N times, matching method, path and body', async () => {
    const { app } = createHubSpotSandbox();
    const api = authed(app, (await install(app)).access_token);
    await request(app)
      .post('/_sandbox/faults/targeted')
      .send({
        method: 'POST',
        path: '/crm/v3/objects/deals/batch/upsert',
        body: { inputs: [{ idProperty: 'dealname' }] },
        times: 2,
        respond: { status: 502 },
      })
      .expect(201);
    const body = { inputs: [{ id: 'x', idProperty: 'dealname', properties: {} }] };
    await api('post', '/crm/v3/objects/contacts/batch/upsert', body).expect(400);
    const first = await api('post', '/crm/v3/objects/deals/batch/upsert', body).expect(502);
    expect(first.body).toMatchObject({ status: 'error', category: 'INTERNAL_ERROR' });
    await api('post', '/crm/v3/objects/deals/batch/upsert', body).expect(502);
    // The third matching call reaches the API (which refuses the non-unique idProperty).
    await api('post', '/crm/v3/objects/deals/batch/upsert', body).expect(400);
  });

  it('applies the write and then answers 5xx (afterApply), exactly N times: the lost answer a retrying client must survive', async () => {
    const { app } = createHubSpotSandbox();
    const api = authed(app, (await install(app)).access_token);
    await request(app)
      .post('/_sandbox/faults/targeted')
      .send({ method: 'POST', path: '/crm/v3/objects/contacts/batch/create', afterApply: { respond: { status: 503 } } })
      .expect(201);
    const body = { inputs: [{ properties: { email: 'landed@example.com' } }] };
    const lost = await api('post', '/crm/v3/objects/contacts/batch/create', body).expect(503);
    expect(lost.body).toMatchObject({ status: 'error', category: 'INTERNAL_ERROR' });
    expect(lost.headers['x-hubspot-ratelimit-remaining']).toBeUndefined();
    const state = await request(app).get('/_sandbox/portals/12345678/state').expect(200);
    expect(state.body.records.contacts.map((c: { properties: { email: string } }) => c.properties.email)).toEqual([
      'landed@example.com',
    ]);
    // The fault fired once; a blind retry now meets the record it created.
    const retry = await api('post', '/crm/v3/objects/contacts/batch/create', body).expect(409);
    expect(retry.body.message).toBe(
      `Contact already exists. Existing ID: ${String(state.body.records.contacts[0].id)}`,
    );
  });

  it('applies the write and then answers 5xx at the seeded apply-then-fail rate', async () => {
    const { app } = createHubSpotSandbox();
    const api = authed(app, (await install(app)).access_token);
    await request(app)
      .patch('/_sandbox/faults')
      .send({ rates: { applyThenFail: 1 }, serverErrorStatuses: [502] })
      .expect(200);
    const body = { inputs: [{ properties: { name: 'Landed' } }] };
    expect((await api('post', '/crm/v3/objects/companies/batch/create', body).expect(502)).body).toMatchObject({
      status: 'error',
    });
    await request(app)
      .patch('/_sandbox/faults')
      .send({ rates: { applyThenFail: 0 } })
      .expect(200);
    const state = await request(app).get('/_sandbox/portals/12345678/state').expect(200);
    expect(state.body.records.companies.map((c: { properties: { name: string } }) => c.properties.name)).toEqual([
      'Landed',
    ]);
    await request(app)
      .patch('/_sandbox/faults')
      .send({ rates: { applyThenFail: 0.6, serverError: 0.6 } })
      .expect(400);
  });

  it('applies the write and then drops the connection (afterApply reset)', async () => {
    const { app } = createHubSpotSandbox();
    const api = authed(app, (await install(app)).access_token);
    await request(app)
      .post('/_sandbox/faults/targeted')
      .send({ method: 'PATCH', path: '/crm/v3/objects/companies/:id', afterApply: { reset: true }, times: 1 })
      .expect(201);
    const company = await api('post', '/crm/v3/objects/companies', { properties: { name: 'Before' } }).expect(201);
    await expect(
      api('patch', `/crm/v3/objects/companies/${company.body.id}`, { properties: { name: 'After' } }),
    ).rejects.toThrow(/socket hang up|ECONNRESET/);
    const read = await api('get', `/crm/v3/objects/companies/${company.body.id}?properties=name`).expect(200);
    expect(read.body.properties.name).toBe('After');
    await request(app)
      .post('/_sandbox/faults/targeted')
      .send({ path: '/x', afterApply: { reset: true }, respond: { status: 500 } })
      .expect(400);
  });

  it("applies seeded fault rates and expires the caller's token on a token-expiry fault", async () => {
    const { app } = createHubSpotSandbox();
    const api = authed(app, (await install(app)).access_token);
    await request(app)
      .patch('/_sandbox/faults')
      .send({ rates: { serverError: 1 }, serverErrorStatuses: [503] })
      .expect(200);
    expect((await api('get', '/crm/v3/owners').expect(503)).body.status).toBe('error');
    await request(app)
      .patch('/_sandbox/faults')
      .send({ rates: { serverError: 0, tokenExpiry: 1 } })
      .expect(200);
    const expired = await api('get', '/crm/v3/owners').expect(401);
    expect(expired.body.category).toBe('EXPIRED_AUTHENTICATION');
    await request(app)
      .patch('/_sandbox/faults')
      .send({ rates: { tokenExpiry: 0 } })
      .expect(200);
    await api('get', '/crm/v3/owners').expect(401);
  });

  it('moves its clock through the inspection endpoint, so access tokens expire without waiting', async () => {
    const { app } = createHubSpotSandbox();
    const api = authed(app, (await install(app)).access_token);
    await api('get', '/crm/v3/owners').expect(200);
    await request(app).post('/_sandbox/clock/advance').send({ ms: 1_800_000 }).expect(200);
    expect((await api('get', '/crm/v3/owners').expect(401)).body.category).toBe('EXPIRED_AUTHENTICATION');
  });

  it('counts requests per endpoint and per portal', async () => {
    const { app } = createHubSpotSandbox();
    const api = authed(app, (await install(app)).access_token);
    await api('get', '/crm/v3/owners').expect(200);
    await api('get', '/crm/v3/owners').expect(200);
    const stats = await request(app).get('/_sandbox/stats').expect(200);
    expect(stats.body.byPortal['12345678'].byEndpoint['GET /crm/v3/owners']).toBe(2);
    const owners = stats.body.endpoints.find((e: { endpoint: string }) => e.endpoint === 'GET /crm/v3/owners');
    expect(owners).toMatchObject({ requests: 2, statuses: { '200': 2 } });
  });

  it('counts the batch inputs of each endpoint per portal (what the sync benchmark compares with the fewest calls)', async () => {
    const { app } = createHubSpotSandbox();
    const api = authed(app, (await install(app)).access_token);
    const inputs = (names: string[]) => ({ inputs: names.map((name) => ({ properties: { name } })) });
    await api('post', '/crm/v3/objects/companies/batch/create', inputs(['A', 'B', 'C'])).expect(201);
    await api('post', '/crm/v3/objects/companies/batch/create', inputs(['D'])).expect(201);
    await api('get', '/crm/v3/owners').expect(200);
    const portal = (await request(app).get('/_sandbox/stats').expect(200)).body.byPortal['12345678'];
    expect(portal.byEndpoint['POST /crm/v3/objects/companies/batch/create']).toBe(2);
    expect(portal.inputsByEndpoint).toEqual({ 'POST /crm/v3/objects/companies/batch/create': 4 });
  });

  it('logs each portal’s requests with their arrival time, the limit they count against and their status', async () => {
    let now = Date.parse('2026-02-01T00:00:00Z');
    const { app } = createHubSpotSandbox({ now: () => now, rateLimitPer10s: 2 });
    const api = authed(app, (await install(app)).access_token);
    await api('get', '/crm/v3/owners').expect(200);
    now += 1_000;
    await api('post', '/crm/v3/objects/contacts/search', {}).expect(200);
    await api('post', '/crm/v4/associations/contacts/companies/batch/read', { inputs: [] }).expect(200);
    await api('get', '/crm/v3/owners').expect(200);
    await api('get', '/crm/v3/owners').expect(429);
    const log = await request(app).get('/_sandbox/portals/12345678/requests').expect(200);
    const start = Date.parse('2026-02-01T00:00:00Z');
    expect(log.body.requests).toEqual([
      { at: start, endpoint: 'GET /crm/v3/owners', limit: 'general', status: 200 },
      { at: start + 1_000, endpoint: 'POST /crm/v3/objects/contacts/search', limit: 'search', status: 200 },
      {
        at: start + 1_000,
        endpoint: 'POST /crm/v4/associations/contacts/companies/batch/read',
        limit: 'associations',
        status: 200,
      },
      { at: start + 1_000, endpoint: 'GET /crm/v3/owners', limit: 'general', status: 200 },
      { at: start + 1_000, endpoint: 'GET /crm/v3/owners', limit: 'general', status: 429 },
    ]);
    const since = await request(app)
      .get(`/_sandbox/portals/12345678/requests?since=${start + 1}`)
      .expect(200);
    expect(since.body.requests).toHaveLength(4);
  });

  it('resets state, grants, faults and counters', async () => {
    const { app } = createHubSpotSandbox();
    const api = authed(app, (await install(app)).access_token);
    await api('post', '/crm/v3/objects/contacts', { properties: { email: 'x@example.com' } }).expect(201);
    await request(app).post('/_sandbox/reset').expect(204);
    await api('get', '/crm/v3/owners').expect(401);
    const state = await request(app).get('/_sandbox/portals/12345678/state').expect(200);
    expect(state.body.records.contacts).toEqual([]);
  });
});
