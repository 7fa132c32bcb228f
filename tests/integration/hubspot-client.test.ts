import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { createHubSpotApi, type HubSpotPortalApi } from '../../backend/src/hubspot/hubspot-api.js';
import { HubSpotApiError } from '../../backend/src/hubspot/hubspot-errors.js';
import { installApp, type Installed } from '../contract/hubspot/support/contract.js';
import { sandboxControl } from '../support/sandbox-control.js';

let installed: Installed;
let hubspot: HubSpotPortalApi;
const waits: number[] = [];
const penalties: { portalId: number; bucket: string; ms: number | undefined }[] = [];
const logs: Record<string, unknown>[] = [];

/** The sandbox's control API (faults, request counts). */
const control = (method: string, path: string, body?: unknown) =>
  sandboxControl(installed.sandbox.apiBaseUrl)(method, path, body);

beforeAll(async () => {
  installed = await installApp('oauth crm.objects.contacts.read crm.objects.contacts.write crm.objects.owners.read');
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const api = createHubSpotApi({
    apiBaseUrl: installed.sandbox.apiBaseUrl,
    // The shared limiter is proven in hubspot-portal-limiter.test.ts; here only what the client reports to it.
    limiter: {
      acquire: async () => {},
      penalise: async (portalId, bucket, ms) => {
        penalties.push({ portalId, bucket, ms });
      },
    },
    tokens: {
      accessToken: async () => installed.accessToken,
    },
    logger: pino({ level: 'info' }, logStream),
    // Waits are recorded, not slept: the decisions are what this test checks.
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  hubspot = api.forPortal(1);
}, 30_000);
afterAll(async () => {
  await installed.sandbox.close();
});
beforeEach(async () => {
  waits.length = 0;
  penalties.length = 0;
  logs.length = 0;
  await control('DELETE', '/faults/targeted');
});

describe('the HubSpot client', () => {
  it('waits out a TEN_SECONDLY_ROLLING 429 and logs why it retried', async () => {
    await control('POST', '/faults/targeted', {
      method: 'GET',
      path: '/crm/v3/owners/',
      times: 1,
      respond: { status: 429 },
    });
    const owners = await hubspot.owners();
    expect(owners.length).toBeGreaterThan(0);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(10_000);
    expect(
      logs.filter((line) => line.msg === 'hubspot call retried').map((line) => [line.reason, line.status]),
    ).toEqual([['ten_secondly_limit', 429]]);
    // Every process backs off, not only this one: the 429 is reported to the shared limiter.
    expect(penalties).toEqual([{ portalId: 1, bucket: 'general', ms: undefined }]);
  });

  it('retries 5xx with backoff, then gives up with a typed error', async () => {
    await control('POST', '/faults/targeted', {
      method: 'GET',
      path: '/account-info/v3/details',
      times: 'always',
      respond: { status: 503 },
    });
    const failure = await hubspot.accountCurrencies().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HubSpotApiError);
    expect(failure).toMatchObject({ status: 503, reason: 'server_error' });
    expect(waits).toHaveLength(5);
    expect(new Set(waits).size).toBeGreaterThan(1);
  });

  it('never retries a DAILY 429 and says how long until the limit resets', async () => {
    const body = {
      status: 'error',
      message: 'You have reached your daily limit.',
      errorType: 'RATE_LIMIT',
      category: 'RATE_LIMITS',
      policyName: 'DAILY',
      correlationId: 'c-1',
    };
    await control('POST', '/faults/targeted', {
      method: 'GET',
      path: '/crm/v3/owners/',
      times: 1,
      respond: { status: 429, body },
    });
    const failure = await hubspot.owners().catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 429, reason: 'daily_limit' });
    expect((failure as HubSpotApiError).retryAfterMs).toBeGreaterThan(0);
    expect(waits).toEqual([]);
  });

  it('keeps the per-input errors of a 207: the valid inputs are written, the refused one is reported with its context', async () => {
    const result = await hubspot.batch<{ id: string; properties: Record<string, string> }>(
      '/crm/v3/objects/contacts/batch/create',
      {
        inputs: [
          { properties: { email: 'ok-1@example.com' }, objectWriteTraceId: 'p-1' },
          { properties: { email: 'not-an-email' }, objectWriteTraceId: 'p-2' },
        ],
      },
    );
    expect(result.outcome).toBe('partial');
    expect(result.results.map((record) => record.properties.email)).toEqual(['ok-1@example.com']);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.category).toBe('VALIDATION_ERROR');
    expect(result.errors[0]?.context).toEqual({ objectWriteTraceId: ['p-2'] });
    // Checked through HubSpot's API: the valid contact exists, the refused one does not.
    const search = await installed.client.crm.contacts.searchApi.doSearch({
      filterGroups: [
        { filters: [{ propertyName: 'email', operator: 'IN' as never, values: ['ok-1@example.com', 'not-an-email'] }] },
      ],
      properties: ['email'],
      limit: 10,
    });
    expect(search.results.map((contact) => contact.properties.email)).toEqual(['ok-1@example.com']);
  });

  it('keeps the errors of a refused batch (400) instead of throwing', async () => {
    const result = await hubspot.batch('/crm/v3/objects/contacts/batch/create', {
      inputs: [{ properties: { email: 'ok-2@example.com' } }, { properties: { email: 'also-not-an-email' } }],
    });
    expect(result.outcome).toBe('rejected');
    expect(result.results).toEqual([]);
    expect(result.errors[0]?.category).toBe('VALIDATION_ERROR');
    expect(JSON.stringify(result.errors[0])).toContain('also-not-an-email');
  });
});
