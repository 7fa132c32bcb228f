/**
 * propertiesWithHistory: every value a property had, newest first, with when and by what it was set —
 * the creation values too, though the sandbox keeps those only once (sandbox/hubspot/objects/store.ts).
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { Express } from 'express';
import { createHubSpotSandbox } from '../../../sandbox/hubspot/index.js';
import { authed, install } from './support/install.js';

let app: Express;
let api: ReturnType<typeof authed>;

beforeEach(async () => {
  ({ app } = createHubSpotSandbox());
  api = authed(app, (await install(app)).access_token);
});

interface Version {
  value: string;
  timestamp: string;
  sourceType: string;
}

async function history(id: string, names: string[]): Promise<Record<string, Version[]>> {
  const res = await api('get', `/crm/v3/objects/contacts/${id}?propertiesWithHistory=${names.join(',')}`).expect(200);
  return res.body.propertiesWithHistory as Record<string, Version[]>;
}

describe('property history', () => {
  it('lists the creation value, then each change newest first; an unchanged value keeps its one version', async () => {
    const created = await api('post', '/crm/v3/objects/contacts', {
      properties: { email: 'ada@example.com', firstname: 'Ada', lastname: 'Byron' },
    }).expect(201);
    const id: string = created.body.id;
    const createdAt: string = created.body.createdAt;

    await api('patch', `/crm/v3/objects/contacts/${id}`, { properties: { lastname: 'King' } }).expect(200);
    await api('patch', `/crm/v3/objects/contacts/${id}`, { properties: { lastname: 'Lovelace' } }).expect(200);
    await api('patch', `/crm/v3/objects/contacts/${id}`, { properties: { jobtitle: 'Analyst' } }).expect(200);

    const versions = await history(id, ['firstname', 'lastname', 'jobtitle', 'phone']);
    expect(versions['firstname']).toEqual([{ value: 'Ada', timestamp: createdAt, sourceType: 'INTEGRATION' }]);
    expect(versions['lastname']?.map((v) => v.value)).toEqual(['Lovelace', 'King', 'Byron']);
    expect(versions['lastname']?.[2]).toEqual({ value: 'Byron', timestamp: createdAt, sourceType: 'INTEGRATION' });
    expect(versions['jobtitle']?.map((v) => v.value)).toEqual(['Analyst']);
    expect(versions['phone']).toEqual([]);
  });

  it('keeps a cleared value as an empty version above the one it replaced', async () => {
    const created = await api('post', '/crm/v3/objects/contacts', {
      properties: { email: 'grace@example.com', jobtitle: 'Admiral' },
    }).expect(201);
    const id: string = created.body.id;

    await api('patch', `/crm/v3/objects/contacts/${id}`, { properties: { jobtitle: '' } }).expect(200);

    const versions = await history(id, ['jobtitle']);
    expect(versions['jobtitle']?.map((v) => v.value)).toEqual(['', 'Admiral']);
  });
});
