import { beforeEach, describe, expect, it } from '@jest/globals';
import { createHubSpotSandbox } from '../../../sandbox/hubspot/index.js';
import { authed, install } from './support/install.js';

let api: ReturnType<typeof authed>;

beforeEach(async () => {
  const { app } = createHubSpotSandbox({ searchRateLimitPerSecond: 0 });
  api = authed(app, (await install(app)).access_token);
});

async function contacts(count: number): Promise<string[]> {
  const inputs = Array.from({ length: count }, (_, i) => ({
    properties: {
      email: `p${i}@example.com`,
      firstname: i % 2 ? 'Odd' : 'Even',
      lastname: `L${String(i).padStart(3, '0')}`,
    },
  }));
  const res = await api('post', '/crm/v3/objects/contacts/batch/create', { inputs }).expect(201);
  return res.body.results.map((r: { id: string }) => r.id);
}

describe('HubSpot sandbox: search', () => {
  it('filters with AND inside a group and OR across groups, sorts, and pages with an integer after', async () => {
    await contacts(30);
    const body = {
      filterGroups: [
        {
          filters: [
            { propertyName: 'firstname', operator: 'EQ', value: 'odd' },
            { propertyName: 'lastname', operator: 'LT', value: 'L010' },
          ],
        },
        { filters: [{ propertyName: 'email', operator: 'EQ', value: 'p20@example.com' }] },
      ],
      sorts: [{ propertyName: 'lastname', direction: 'DESCENDING' }],
      properties: ['lastname'],
      limit: 3,
    };
    const first = await api('post', '/crm/v3/objects/contacts/search', body).expect(200);
    expect(first.body.total).toBe(6);
    expect(first.body.results.map((r: { properties: { lastname: string } }) => r.properties.lastname)).toEqual([
      'L020',
      'L009',
      'L007',
    ]);
    expect(first.body.paging.next.after).toBe('3');
    const second = await api('post', '/crm/v3/objects/contacts/search', {
      ...body,
      after: first.body.paging.next.after,
    }).expect(200);
    expect(second.body.results.map((r: { properties: { lastname: string } }) => r.properties.lastname)).toEqual([
      'L005',
      'L003',
      'L001',
    ]);
    expect(second.body.paging).toBeUndefined();
  });

  it('supports token, presence and list operators', async () => {
    await contacts(4);
    const count = async (filter: object) =>
      (await api('post', '/crm/v3/objects/contacts/search', { filterGroups: [{ filters: [filter] }] }).expect(200)).body
        .total;
    expect(await count({ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: '*@example.com' })).toBe(4);
    expect(await count({ propertyName: 'phone', operator: 'NOT_HAS_PROPERTY' })).toBe(4);
    expect(await count({ propertyName: 'lastname', operator: 'IN', values: ['l000', 'l003'] })).toBe(2);
    expect(await count({ propertyName: 'hs_object_id', operator: 'BETWEEN', value: '0', highValue: '99999999' })).toBe(
      4,
    );
  });

  it('enforces the documented limits', async () => {
    await api('post', '/crm/v3/objects/contacts/search', { limit: 201 }).expect(400);
    await api('post', '/crm/v3/objects/contacts/search', { after: '9950', limit: 100 }).expect(400);
    const tooMany = {
      filterGroups: Array.from({ length: 6 }, () => ({
        filters: [{ propertyName: 'email', operator: 'HAS_PROPERTY' }],
      })),
    };
    await api('post', '/crm/v3/objects/contacts/search', tooMany).expect(400);
  });
});

describe('HubSpot sandbox: associations', () => {
  it('creates labelled and default associations and reads them back both ways', async () => {
    const [contactId] = await contacts(1);
    const company = await api('post', '/crm/v3/objects/companies', { properties: { name: 'Acme' } }).expect(201);
    const companyId: string = company.body.id;
    const created = await api('post', '/crm/v4/associations/contacts/companies/batch/create', {
      inputs: [
        {
          from: { id: contactId },
          to: { id: companyId },
          types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }],
        },
      ],
    }).expect(200);
    expect(created.body.results[0]).toMatchObject({
      fromObjectId: Number(contactId),
      toObjectId: Number(companyId),
      labels: ['Primary'],
    });
    const read = await api('post', '/crm/v4/associations/companies/contacts/batch/read', {
      inputs: [{ id: companyId }],
    }).expect(200);
    const typeIds = read.body.results[0].to[0].associationTypes.map((t: { typeId: number }) => t.typeId).sort();
    expect(typeIds).toEqual([2, 280]);
    const missing = await api('post', '/crm/v4/associations/companies/contacts/batch/read', {
      inputs: [{ id: companyId }, { id: '999' }],
    }).expect(207);
    expect(missing.body.errors[0].subCategory).toBe('crm.associations.NO_ASSOCIATIONS_FOUND');
  });

  it('creates user-defined labels and associates records inline on create', async () => {
    const [contactId] = await contacts(1);
    const label = await api('post', '/crm/v4/associations/deals/contacts/labels', {
      label: 'Decision maker',
      name: 'decision_maker',
    }).expect(200);
    const typeId: number = label.body.results[0].typeId;
    const deal = await api('post', '/crm/v3/objects/deals', {
      properties: { dealname: 'D', dealstage: 'qualifiedtobuy' },
      associations: [
        { to: { id: contactId }, types: [{ associationCategory: 'USER_DEFINED', associationTypeId: typeId }] },
      ],
    }).expect(201);
    const page = await api('get', `/crm/v4/objects/deals/${deal.body.id}/associations/contacts`).expect(200);
    expect(page.body.results[0].associationTypes).toEqual(
      expect.arrayContaining([
        { category: 'USER_DEFINED', typeId, label: 'Decision maker' },
        { category: 'HUBSPOT_DEFINED', typeId: 3, label: null },
      ]),
    );
  });
});
