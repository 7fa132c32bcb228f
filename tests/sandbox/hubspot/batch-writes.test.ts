/**
 * The batch write paths as unforgiving as HubSpot's (issue 12, items 1, 2, 3, 5, 8, 9); the source
 * of each behaviour is cited next to the code that emulates it (sandbox/hubspot/objects/*).
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { Express } from 'express';
import request from 'supertest';
import { createHubSpotSandbox } from '../../../sandbox/hubspot/index.js';
import { authed, install } from './support/install.js';

let app: Express;
let api: ReturnType<typeof authed>;

beforeEach(async () => {
  ({ app } = createHubSpotSandbox());
  api = authed(app, (await install(app)).access_token);
});

interface Result {
  id: string;
  properties: Record<string, string>;
  objectWriteTraceId?: string;
}

const emails = (count: number, prefix = 'p') => Array.from({ length: count }, (_, i) => `${prefix}${i}@example.com`);

function uniqueProperty(objectType: string, name: string, groupName: string) {
  return api('post', `/crm/v3/properties/${objectType}`, {
    name,
    label: name,
    type: 'string',
    fieldType: 'text',
    groupName,
    hasUniqueValue: true,
  });
}

describe('batch results: no order, no trace ids (item 1)', () => {
  it('returns created records in an order unlike the inputs, without objectWriteTraceId, the same order for the same seed', async () => {
    const inputs = emails(10).map((email, i) => ({ objectWriteTraceId: `t${i}`, properties: { email } }));
    const res = await api('post', '/crm/v3/objects/contacts/batch/create', { inputs }).expect(201);
    const order = res.body.results.map((r: Result) => r.properties['email']);
    expect([...order].sort()).toEqual([...emails(10)].sort());
    expect(order).not.toEqual(emails(10));
    expect(res.body.results.filter((r: Result) => 'objectWriteTraceId' in r)).toEqual([]);

    const again = createHubSpotSandbox();
    const otherApi = authed(again.app, (await install(again.app)).access_token);
    const replay = await otherApi('post', '/crm/v3/objects/contacts/batch/create', { inputs }).expect(201);
    expect(replay.body.results.map((r: Result) => r.properties['email'])).toEqual(order);
  });

  it('never answers a two-input batch read in input order', async () => {
    const created = await api('post', '/crm/v3/objects/companies/batch/create', {
      inputs: [{ properties: { name: 'A' } }, { properties: { name: 'B' } }],
    }).expect(201);
    const ids: string[] = created.body.results.map((r: Result) => r.id).sort();
    const read = await api('post', '/crm/v3/objects/companies/batch/read', {
      inputs: ids.map((id) => ({ id })),
      properties: ['name'],
      propertiesWithHistory: [],
    }).expect(200);
    expect(read.body.results.map((r: Result) => r.id)).toEqual([ids[1], ids[0]]);
  });
});

describe('duplicate ids in one batch (item 2)', () => {
  it('refuses a batch update naming one id twice, whole, and writes nothing', async () => {
    const created = await api('post', '/crm/v3/objects/companies', { properties: { name: 'Acme' } }).expect(201);
    const id: string = created.body.id;
    const res = await api('post', '/crm/v3/objects/companies/batch/update', {
      inputs: [
        { id, properties: { name: 'One' } },
        { id, properties: { name: 'Two' } },
      ],
    }).expect(400);
    expect(res.body).toMatchObject({
      category: 'VALIDATION_ERROR',
      message: `Duplicate IDs found in batch input: [${id}]. IDs must be unique`,
      context: { ids: [id] },
    });
    expect((await api('get', `/crm/v3/objects/companies/${id}?properties=name`).expect(200)).body.properties.name).toBe(
      'Acme',
    );
  });

  it('refuses a batch upsert naming one id twice with the same words, trace ids or not', async () => {
    await uniqueProperty('deals', 'pipedrive_deal_id', 'dealinformation').expect(201);
    const inputs = ['a', 'b'].map((trace) => ({
      objectWriteTraceId: trace,
      id: 'pd-7',
      idProperty: 'pipedrive_deal_id',
      properties: { dealname: trace, dealstage: 'qualifiedtobuy' },
    }));
    const res = await api('post', '/crm/v3/objects/deals/batch/upsert', { inputs }).expect(400);
    expect(res.body).toMatchObject({
      message: 'Duplicate IDs found in batch input: [pd-7]. IDs must be unique',
      context: { ids: ['pd-7'] },
    });
    expect((await api('get', '/crm/v3/objects/deals').expect(200)).body.results).toEqual([]);
  });
});

describe('idProperty (item 3)', () => {
  it('refuses a batch update by hs_object_id or by email, for the whole batch even with trace ids', async () => {
    const created = await api('post', '/crm/v3/objects/contacts', { properties: { email: 'u@example.com' } }).expect(
      201,
    );
    const byObjectId = await api('post', '/crm/v3/objects/contacts/batch/update', {
      inputs: [
        { objectWriteTraceId: 't1', id: created.body.id, idProperty: 'hs_object_id', properties: { firstname: 'X' } },
      ],
    }).expect(400);
    expect(byObjectId.body.message).toBe(
      'Unable to perform update/upsert by non-unique 0-1 property hs_object_id in portal ID 12345678',
    );
    await api('post', '/crm/v3/objects/contacts/batch/update', {
      inputs: [{ objectWriteTraceId: 't1', id: 'u@example.com', idProperty: 'email', properties: { firstname: 'X' } }],
    }).expect(400);
    expect(
      (await api('get', `/crm/v3/objects/contacts/${created.body.id}?properties=firstname`).expect(200)).body.properties
        .firstname,
    ).toBeNull();
  });

  it('fails a whole upsert by email on one bad input, even when every input has a trace id', async () => {
    const res = await api('post', '/crm/v3/objects/contacts/batch/upsert', {
      inputs: [
        { objectWriteTraceId: 'ok', id: 'good@example.com', idProperty: 'email', properties: { firstname: 'Good' } },
        {
          objectWriteTraceId: 'bad',
          id: 'bad@example.com',
          idProperty: 'email',
          properties: { lifecyclestage: 'royalty' },
        },
      ],
    }).expect(400);
    expect(res.body.errors[0]).toMatchObject({ code: 'INVALID_OPTION' });
    expect((await api('get', '/crm/v3/objects/contacts').expect(200)).body.results).toEqual([]);
  });
});

describe('errors as HubSpot words them (item 5)', () => {
  it('answers a create missing required properties with "Error creating DEAL. Some required properties were not set."', async () => {
    const res = await api('post', '/crm/v3/objects/deals/batch/create', {
      inputs: [{ properties: { amount: '5' } }],
    }).expect(400);
    expect(res.body).toMatchObject({
      message: 'Error creating DEAL. Some required properties were not set.',
      context: { properties: ['dealname'] },
    });
  });

  it('answers two inputs with one email with 409 "Contact already exists. Existing ID" and writes neither', async () => {
    const res = await api('post', '/crm/v3/objects/contacts/batch/create', {
      inputs: [{ properties: { email: 'twin@example.com' } }, { properties: { email: 'TWIN@example.com' } }],
    }).expect(409);
    expect(res.body.message).toMatch(/^Contact already exists\. Existing ID: \d+$/);
    expect((await api('get', '/crm/v3/objects/contacts').expect(200)).body.results).toEqual([]);
  });

  it('refuses e-mails in the top-level domains HubSpot refuses, failing the whole batch', async () => {
    for (const email of ['ann@example.con', 'bob@example.cpm']) {
      const res = await api('post', '/crm/v3/objects/contacts/batch/create', {
        inputs: [{ properties: { email: 'fine@example.com' } }, { properties: { email } }],
      }).expect(400);
      expect(res.body.errors[0]).toMatchObject({ code: 'INVALID_EMAIL', message: `Email address ${email} is invalid` });
    }
    expect((await api('get', '/crm/v3/objects/contacts').expect(200)).body.results).toEqual([]);
    await api('post', '/crm/v3/objects/contacts', { properties: { email: 'ok@example.co' } }).expect(201);
  });
});

describe('record ids per object type (item 8)', () => {
  it('gives the first contact and the first company the same id', async () => {
    const contact = await api('post', '/crm/v3/objects/contacts', {
      properties: { email: 'first@example.com' },
    }).expect(201);
    const company = await api('post', '/crm/v3/objects/companies', { properties: { name: 'First' } }).expect(201);
    expect(company.body.id).toBe(contact.body.id);
    const state = await request(app).get('/_sandbox/portals/12345678/state').expect(200);
    expect(state.body.records.contacts[0].id).toBe(state.body.records.companies[0].id);
  });
});

describe('unique-value properties (item 9)', () => {
  it('allows them on contacts, companies and deals, at most ten per object, and refuses them on products, line items and engagements', async () => {
    await uniqueProperty('contacts', 'pd_person_id', 'contactinformation').expect(201);
    await uniqueProperty('companies', 'pd_org_id', 'companyinformation').expect(201);
    for (const [type, group] of [
      ['products', 'productinformation'],
      ['line_items', 'lineiteminformation'],
      ['notes', 'noteinformation'],
      ['tasks', 'taskinformation'],
    ] as const) {
      const refused = await uniqueProperty(type, 'pd_id', group).expect(400);
      expect(refused.body.message).toMatch(/^Unique value properties are not supported/);
    }
    for (let i = 0; i < 10; i += 1) await uniqueProperty('deals', `pd_deal_${i}`, 'dealinformation').expect(201);
    const eleventh = await uniqueProperty('deals', 'pd_deal_10', 'dealinformation').expect(400);
    expect(eleventh.body.message).toMatch(/maximum of 10 unique properties/);
  });
});
