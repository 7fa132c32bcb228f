import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createFaultControlClient } from '../../../sandbox/common/faults.js';
import { oauthAccessToken, startTestSandbox, type TestSandbox } from './support.js';

async function statuses(test: TestSandbox, count: number, path = '/api/v2/pipelines'): Promise<number[]> {
  const seen: number[] = [];
  for (let call = 0; call < count; call += 1) {
    try {
      seen.push((await test.call('GET', path)).status);
    } catch {
      seen.push(0);
    }
  }
  return seen;
}

describe('fault injection', () => {
  let test: TestSandbox;
  const sleeps: number[] = [];
  beforeEach(async () => {
    sleeps.length = 0;
    test = await startTestSandbox({
      dataset: { records: 40, seed: 3 },
      faults: { sleep: async (ms) => void sleeps.push(ms) },
    });
  });
  afterEach(async () => {
    await test.close();
  });

  it('injects 429 and 5xx at seeded rates, the same way for the same seed', async () => {
    const control = createFaultControlClient(`${test.sandbox.apiBaseUrl}/_sandbox`);
    await control.configure({ seed: 99, rates: { rateLimited: 0.2, serverError: 0.2 } });
    const first = await statuses(test, 60);
    await control.configure({ seed: 99 });
    const second = await statuses(test, 60);
    expect(second).toEqual(first);
    expect(first.filter((status) => status === 429).length).toBeGreaterThan(3);
    expect(first.filter((status) => status >= 500).length).toBeGreaterThan(3);
    expect(first.filter((status) => status === 200).length).toBeGreaterThan(20);
    await control.configure({ seed: 100 });
    expect(await statuses(test, 60)).not.toEqual(first);
  });

  it('answers injected errors with Pipedrive bodies', async () => {
    await test.call('PATCH', '/_sandbox/faults', { body: { rates: { rateLimited: 1 } } });
    const limited = await test.call('GET', '/api/v2/persons');
    expect(limited).toMatchObject({ status: 429, body: { success: false, error: 'Request over limit' } });
    await test.call('PATCH', '/_sandbox/faults', {
      body: { rates: { rateLimited: 0, serverError: 1 }, serverErrorStatuses: [503] },
    });
    const unavailable = await test.call('GET', '/api/v2/persons');
    expect(unavailable).toMatchObject({
      status: 503,
      body: { success: false, error: 'Requested service is not available' },
    });
  });

  it('applies a targeted fault to the next N matching calls only, matching method, path and body', async () => {
    const created = await test.call<{ id: string }>('POST', '/_sandbox/faults/targeted', {
      body: {
        method: 'POST',
        path: '/api/v2/persons',
        body: { name: 'Trigger' },
        times: 2,
        respond: { status: 500, body: { success: false, error: 'boom' }, headers: { 'x-fault': 'yes' } },
      },
    });
    expect(created.status).toBe(201);
    expect((await test.call('POST', '/api/v2/persons', { body: { name: 'Innocent' } })).status).toBe(200);
    const hit = await test.call('POST', '/api/v2/persons', { body: { name: 'Trigger', emails: [] } });
    expect(hit).toMatchObject({ status: 500, body: { error: 'boom' } });
    expect(hit.headers.get('x-fault')).toBe('yes');
    expect((await test.call('POST', '/api/v2/persons', { body: { name: 'Trigger' } })).status).toBe(500);
    expect((await test.call('POST', '/api/v2/persons', { body: { name: 'Trigger' } })).status).toBe(200);
  });

  it('uses the API body when a targeted fault gives only a status, and matches path patterns', async () => {
    await test.call('POST', '/_sandbox/faults/targeted', {
      body: { path: '/api/v2/persons/:id', times: 'always', respond: { status: 429 } },
    });
    const reply = await test.call('GET', '/api/v2/persons/1');
    expect(reply).toMatchObject({ status: 429, body: { error: 'Request over limit', errorCode: 429 } });
    expect((await test.call('GET', '/api/v2/persons')).status).toBe(200);
    expect((await test.call('DELETE', '/_sandbox/faults/targeted')).status).toBe(204);
    expect((await test.call('GET', '/api/v2/persons/1')).status).toBe(200);
  });

  it('resets connections and delays responses', async () => {
    await test.call('POST', '/_sandbox/faults/targeted', { body: { path: '/api/v2/deals', reset: true } });
    await expect(test.call('GET', '/api/v2/deals')).rejects.toThrow();
    expect((await test.call('GET', '/api/v2/deals')).status).toBe(200);
    await test.call('POST', '/_sandbox/faults/targeted', { body: { path: '/api/v2/deals', delayMs: 1234 } });
    expect((await test.call('GET', '/api/v2/deals')).status).toBe(200);
    await test.call('PATCH', '/_sandbox/faults', { body: { rates: { slow: 1 }, slowMs: 777 } });
    await test.call('GET', '/api/v2/deals');
    expect(sleeps).toEqual([1234, 777]);
  });

  it('expires OAuth tokens through the token-expiry hook', async () => {
    const accessToken = await oauthAccessToken(test);
    await test.call('PATCH', '/_sandbox/faults', { body: { rates: { tokenExpiry: 1 } } });
    // API tokens do not expire, so the hook leaves them alone.
    expect((await test.call('GET', '/api/v2/persons')).status).toBe(200);
    expect((await test.call('GET', '/api/v2/persons', { bearer: accessToken })).status).toBe(401);
    await test.call('PATCH', '/_sandbox/faults', { body: { rates: { tokenExpiry: 0 } } });
    expect((await test.call('GET', '/api/v2/persons', { bearer: accessToken })).status).toBe(401);
  });

  it('counts requests and tokens per endpoint', async () => {
    await test.call('DELETE', '/_sandbox/requests');
    await test.call('GET', '/api/v2/persons');
    await test.call('GET', '/api/v2/persons');
    await test.call('GET', '/api/v2/persons/1');
    await test.call('GET', '/v1/users');
    await test.call('GET', '/api/v2/persons', { token: null });
    const report = await test.call<{
      total: number;
      costs: Record<string, number>;
      endpoints: {
        endpoint: string;
        requests: number;
        statuses: Record<string, number>;
        costs: Record<string, number>;
      }[];
    }>('GET', '/_sandbox/requests');
    expect(report.body.total).toBe(5);
    expect(report.body.endpoints).toEqual(
      expect.arrayContaining([
        { endpoint: 'GET /api/v2/persons', requests: 3, statuses: { 200: 2, 401: 1 }, costs: { tokens: 20 } },
        { endpoint: 'GET /api/v2/persons/{id}', requests: 1, statuses: { 200: 1 }, costs: { tokens: 1 } },
        { endpoint: 'GET /v1/users', requests: 1, statuses: { 200: 1 }, costs: { tokens: 20 } },
      ]),
    );
    expect(report.body.costs).toEqual({ tokens: 41 });
  });

  it('validates control requests', async () => {
    expect((await test.call('PATCH', '/_sandbox/faults', { body: { rates: { rateLimited: 2 } } })).status).toBe(400);
    expect(
      (await test.call('POST', '/_sandbox/faults/targeted', { body: { path: '/x', reset: true, delayMs: 5 } })).status,
    ).toBe(400);
  });
});
