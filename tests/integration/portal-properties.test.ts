/**
 * GET /api/v1/hubspot/properties/:object — the signed portal's own HubSpot properties, read through
 * our HubSpot client from the sandbox, each with whether a field of the asked value type can go onto it
 * (the rule the settings' save applies). Two portals: each sees only its own custom properties.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningHubSpotSandbox, startHubSpotSandbox } from '../../sandbox/hubspot/index.js';
import { PortalPropertiesResponse } from '../../shared/src/contracts/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { installPortal } from '../support/flows.js';
import { hubspotPortalToken } from '../support/hubspot-portal-token.js';
import { signedCall, withIdentity } from '../support/signed-request.js';
import { hubspotSandboxConfig, TEST_CLIENT_SECRET, testConfig, testServices } from '../support/test-app.js';

const PORTAL_A = 51001;
const PORTAL_B = 51002;

let db: TestDatabase;
let hubspot: RunningHubSpotSandbox;
let services: Awaited<ReturnType<typeof testServices>>;
const tokens = new Map<number, string>();

const sandbox = (method: string, path: string, body?: unknown, token?: string) =>
  fetch(`${hubspot.apiBaseUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    redirect: 'manual',
  });

async function createProperty(portalId: number, object: string, property: Record<string, unknown>) {
  const res = await sandbox('POST', `/crm/v3/properties/${object}`, property, tokens.get(portalId));
  expect(res.status).toBe(201);
}

/** What HubSpot itself lists for the portal: name → type. */
async function hubspotProperties(portalId: number, object: string): Promise<Record<string, string>> {
  const res = await sandbox('GET', `/crm/v3/properties/${object}`, undefined, tokens.get(portalId));
  expect(res.status).toBe(200);
  const { results } = (await res.json()) as { results: { name: string; type: string }[] };
  return Object.fromEntries(results.map((property) => [property.name, property.type]));
}

const list = (portalId: number, path: string) =>
  signedCall(services.app, { method: 'GET', path: withIdentity(path, portalId) });

async function properties(portalId: number, object: string, valueType: string) {
  const res = await list(portalId, `/api/v1/hubspot/properties/${object}?valueType=${valueType}`);
  expect(res.status).toBe(200);
  return PortalPropertiesResponse.parse(res.body);
}

beforeAll(async () => {
  db = await createTestDatabase();
  hubspot = await startHubSpotSandbox({ defaultPortalId: 1, clientSecret: TEST_CLIENT_SECRET });
  const config = testConfig({
    hubspot: hubspotSandboxConfig(hubspot),
  });
  services = await testServices(db, config, { now: () => new Date() });
  for (const portalId of [PORTAL_A, PORTAL_B]) {
    expect((await sandbox('POST', '/_sandbox/portals', { portalId })).status).toBe(201);
    expect((await sandbox('POST', '/_sandbox/oauth/next-approval', { portalId })).status).toBe(204);
    await installPortal(services.app);
    tokens.set(portalId, await hubspotPortalToken(hubspot, portalId));
  }
  await createProperty(PORTAL_A, 'deals', {
    name: 'deal_score',
    label: 'Deal score',
    type: 'number',
    fieldType: 'number',
    groupName: 'dealinformation',
  });
  await createProperty(PORTAL_B, 'deals', {
    name: 'region_code',
    label: 'Region code',
    type: 'enumeration',
    fieldType: 'select',
    groupName: 'dealinformation',
    options: [{ label: 'North', value: 'n', displayOrder: 0, hidden: false }],
  });
}, 60_000);

afterAll(async () => {
  await services?.close();
  await hubspot?.close();
  await db?.drop();
});

describe('the portal’s HubSpot properties for “map onto an existing property”', () => {
  it('lists exactly what HubSpot has for the signed portal, by label, with name, label, type and fieldType', async () => {
    const body = await properties(PORTAL_A, 'deals', 'number');
    expect(body).toMatchObject({ object: 'deals', valueType: 'number' });
    const inHubSpot = await hubspotProperties(PORTAL_A, 'deals');
    expect(Object.fromEntries(body.properties.map((property) => [property.name, property.type]))).toEqual(inHubSpot);
    const labels = body.properties.map((property) => property.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
    expect(body.properties.find((property) => property.name === 'deal_score')).toEqual({
      name: 'deal_score',
      label: 'Deal score',
      type: 'number',
      fieldType: 'number',
      compatible: true,
      reason: null,
    });
  });

  it('is scoped to the signed portal: another portal’s custom properties are not there', async () => {
    const a = (await properties(PORTAL_A, 'deals', 'string')).properties.map((property) => property.name);
    const b = (await properties(PORTAL_B, 'deals', 'string')).properties.map((property) => property.name);
    expect(a).toContain('deal_score');
    expect(a).not.toContain('region_code');
    expect(b).toContain('region_code');
    expect(b).not.toContain('deal_score');
  });

  it('says which properties a field can go onto, and why not, by the settings’ rule', async () => {
    const byName = async (valueType: string) =>
      new Map((await properties(PORTAL_B, 'deals', valueType)).properties.map((property) => [property.name, property]));
    const forText = await byName('string');
    // A text field goes onto text only; a number or option property refuses it, with the reason.
    expect(forText.get('dealname')).toMatchObject({ type: 'string', compatible: true, reason: null });
    expect(forText.get('amount')).toMatchObject({
      type: 'number',
      compatible: false,
      reason: 'This property holds numbers, and this field holds text.',
    });
    expect(forText.get('region_code')).toMatchObject({
      compatible: false,
      reason: expect.stringMatching(/holds options/),
    });
    // An option field goes onto an enumeration (setup adds the options it lacks) and onto text.
    const forOptions = await byName('enumeration');
    expect(forOptions.get('region_code')).toMatchObject({ compatible: true, reason: null });
    expect(forOptions.get('dealname')).toMatchObject({ compatible: true });
    // Dates take dates and dates with a time; a number field does not go onto a date.
    expect((await byName('datetime')).get('closedate')).toMatchObject({ type: 'datetime', compatible: true });
    expect((await byName('number')).get('closedate')).toMatchObject({ compatible: false });
    // HubSpot computes some properties itself: nothing can go onto them, whatever their type.
    expect(forText.get('hs_object_id')).toMatchObject({
      compatible: false,
      reason: expect.stringMatching(/HubSpot computes .* itself/),
    });
  });

  it('refuses an object the transfer does not write, and a missing or unknown value type, with a 400', async () => {
    const unknownObject = await list(PORTAL_A, '/api/v1/hubspot/properties/widgets?valueType=string');
    expect(unknownObject.status).toBe(400);
    expect(unknownObject.body.error.code).toBe('unknown_object');
    expect(unknownObject.body.error.details.objects).toContain('deals');
    for (const query of ['', '?valueType=phone', '?valueType=']) {
      const res = await list(PORTAL_A, `/api/v1/hubspot/properties/deals${query}`);
      expect({ query, status: res.status, code: res.body.error.code }).toEqual({
        query,
        status: 400,
        code: 'invalid_request',
      });
    }
  });

  it('answers only signed calls', async () => {
    const res = await signedCall(services.app, {
      method: 'GET',
      path: withIdentity('/api/v1/hubspot/properties/deals?valueType=string', PORTAL_A),
      secret: 'not-the-app-secret',
    });
    expect(res.status).toBe(401);
  });
});
