import { beforeEach, describe, expect, it } from '@jest/globals';
import { createHubSpotSandbox } from '../../../sandbox/hubspot/index.js';
import { authed, install } from './support/install.js';

type Api = ReturnType<typeof authed>;
let api: Api;

beforeEach(async () => {
  const { app } = createHubSpotSandbox();
  api = authed(app, (await install(app)).access_token);
});

async function uniqueProperty(objectType: string, name: string): Promise<void> {
  await api('post', `/crm/v3/properties/${objectType}`, {
    name,
    label: name,
    type: 'string',
    fieldType: 'text',
    groupName: objectType === 'deals' ? 'dealinformation' : 'contactinformation',
    hasUniqueValue: true,
  }).expect(201);
}

describe('HubSpot sandbox: objects', () => {
  it('batch upsert on a unique property twice creates once', async () => {
    await uniqueProperty('deals', 'pipedrive_deal_id');
    const body = {
      inputs: [
        { id: 'pd-1', idProperty: 'pipedrive_deal_id', properties: { dealname: 'First', dealstage: 'qualifiedtobuy' } },
      ],
    };
    const first = await api('post', '/crm/v3/objects/deals/batch/upsert', body).expect(200);
    const second = await api('post', '/crm/v3/objects/deals/batch/upsert', {
      inputs: [{ ...body.inputs[0], properties: { dealname: 'Renamed' } }],
    }).expect(200);
    expect(first.body.results[0].new).toBe(true);
    expect(second.body.results[0].new).toBe(false);
    expect(second.body.results[0].id).toBe(first.body.results[0].id);
    const list = await api('get', '/crm/v3/objects/deals?properties=dealname,pipedrive_deal_id').expect(200);
    expect(list.body.results).toHaveLength(1);
    expect(list.body.results[0].properties).toMatchObject({ dealname: 'Renamed', pipedrive_deal_id: 'pd-1' });
  });

  it('answers 409 with the existing id for a duplicate email, whatever its case', async () => {
    const created = await api('post', '/crm/v3/objects/contacts', { properties: { email: 'ada@example.com' } }).expect(
      201,
    );
    const duplicate = await api('post', '/crm/v3/objects/contacts', {
      properties: { email: 'ADA@example.com', firstname: 'Ada' },
    }).expect(409);
    expect(duplicate.body.message).toBe(`Contact already exists. Existing ID: ${created.body.id}`);
    expect(duplicate.body.status).toBe('error');
  });

  it('fails only the INVALID_OPTION input of a batch create that carries objectWriteTraceIds (207)', async () => {
    const res = await api('post', '/crm/v3/objects/contacts/batch/create', {
      inputs: [
        { objectWriteTraceId: 'ok-1', properties: { email: 'one@example.com', lifecyclestage: 'lead' } },
        { objectWriteTraceId: 'bad-2', properties: { email: 'two@example.com', lifecyclestage: 'royalty' } },
        { objectWriteTraceId: 'ok-3', properties: { email: 'three@example.com' } },
      ],
    }).expect(207);
    expect(res.body.results.map((r: { properties: { email: string } }) => r.properties.email).sort()).toEqual([
      'one@example.com',
      'three@example.com',
    ]);
    expect(res.body.numErrors).toBe(1);
    expect(res.body.errors[0].context).toEqual({ objectWriteTraceId: ['bad-2'] });
    expect(res.body.errors[0].message).toMatch(/^Property values were not valid: /);
    expect(res.body.errors[0].errors[0]).toMatchObject({
      code: 'INVALID_OPTION',
      context: { propertyName: ['lifecyclestage'] },
    });
  });

  it('without objectWriteTraceIds one bad input fails the whole batch and writes nothing', async () => {
    const res = await api('post', '/crm/v3/objects/contacts/batch/create', {
      inputs: [{ properties: { email: 'one@example.com' } }, { properties: { email: 'not-an-email' } }],
    }).expect(400);
    expect(res.body.errors[0]).toMatchObject({
      code: 'INVALID_EMAIL',
      message: 'Email address not-an-email is invalid',
    });
    expect((await api('get', '/crm/v3/objects/contacts').expect(200)).body.results).toEqual([]);
  });

  it('refuses unknown, read-only, non-midnight date and non-numeric values with HubSpot codes', async () => {
    await api('post', '/crm/v3/properties/deals', {
      name: 'signed_on',
      label: 'Signed on',
      type: 'date',
      fieldType: 'date',
      groupName: 'dealinformation',
    }).expect(201);
    const res = await api('post', '/crm/v3/objects/deals', {
      properties: {
        dealname: 'X',
        dealstage: 'closedwon',
        nope: '1',
        hs_object_id: '5',
        signed_on: '1635535865000',
        amount: 'ten',
      },
    }).expect(400);
    const codes = Object.fromEntries(
      res.body.errors.map((e: { code: string; context: { propertyName: string[] } }) => [
        e.context.propertyName[0],
        e.code,
      ]),
    );
    expect(codes).toEqual({
      nope: 'PROPERTY_DOESNT_EXIST',
      hs_object_id: 'READ_ONLY_VALUE',
      signed_on: 'INVALID_DATE',
      amount: 'INVALID_INTEGER',
    });
    const dateError = res.body.errors.find((e: { code: string }) => e.code === 'INVALID_DATE');
    expect(dateError.message).toBe('1635535865000 is at 19:31:05.000 UTC, not midnight!');
    const ok = await api('post', '/crm/v3/objects/deals', {
      properties: { dealname: 'Y', dealstage: 'closedwon', signed_on: '2024-03-01' },
    }).expect(201);
    expect(ok.body.properties.signed_on).toBe('2024-03-01');
  });

  it('requires hs_timestamp on engagements and takes a meeting start time as its default', async () => {
    const note = await api('post', '/crm/v3/objects/notes', { properties: { hs_note_body: 'hi' } }).expect(400);
    // HubSpot/hubspot-api-nodejs#124
    expect(note.body).toMatchObject({
      category: 'VALIDATION_ERROR',
      message: 'Error creating NOTE. Some required properties were not set.',
      context: { properties: ['hs_timestamp'] },
    });
    const meeting = await api('post', '/crm/v3/objects/meetings', {
      properties: { hs_meeting_title: 'Kick-off', hs_meeting_start_time: '2024-05-01T09:00:00Z' },
    }).expect(201);
    expect(meeting.body.properties.hs_timestamp).toBe('2024-05-01T09:00:00.000Z');
  });

  it('refuses more than 100 inputs in a batch', async () => {
    const inputs = Array.from({ length: 101 }, (_, i) => ({ properties: { email: `p${i}@example.com` } }));
    const res = await api('post', '/crm/v3/objects/contacts/batch/create', { inputs }).expect(400);
    expect(res.body.category).toBe('VALIDATION_ERROR');
  });

  it('refuses an upsert by a property that is not unique', async () => {
    const res = await api('post', '/crm/v3/objects/deals/batch/upsert', {
      inputs: [{ id: 'x', idProperty: 'dealname', properties: {} }],
    }).expect(400);
    expect(res.body.message).toBe(
      'Unable to perform update/upsert by non-unique 0-3 property dealname in portal ID 12345678',
    );
  });

  it('reads a record by a unique idProperty and clears a value with an empty string', async () => {
    const created = await api('post', '/crm/v3/objects/contacts', {
      properties: { email: 'c@example.com', firstname: 'C' },
    }).expect(201);
    await api('patch', '/crm/v3/objects/contacts/c@example.com?idProperty=email', {
      properties: { firstname: '' },
    }).expect(200);
    const read = await api(
      'get',
      '/crm/v3/objects/contacts/c@example.com?idProperty=email&properties=firstname',
    ).expect(200);
    expect(read.body.id).toBe(created.body.id);
    expect(read.body.properties.firstname).toBeNull();
  });

  it('frees a unique value when its record is archived', async () => {
    const first = await api('post', '/crm/v3/objects/contacts', { properties: { email: 'reuse@example.com' } }).expect(
      201,
    );
    await api('delete', `/crm/v3/objects/contacts/${first.body.id}`).expect(204);
    await api('get', `/crm/v3/objects/contacts/${first.body.id}`).expect(404);
    await api('post', '/crm/v3/objects/contacts', { properties: { email: 'reuse@example.com' } }).expect(201);
  });

  it('keeps deal stages inside their pipeline and derives the closed flags', async () => {
    const bad = await api('post', '/crm/v3/objects/deals', {
      properties: { dealname: 'D', pipeline: 'default', dealstage: 'elsewhere' },
    }).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ code: 'INVALID_OPTION', context: { propertyName: ['dealstage'] } });
    const lost = await api('post', '/crm/v3/objects/deals', {
      properties: { dealname: 'D', dealstage: 'closedlost' },
    }).expect(201);
    expect(lost.body.properties).toMatchObject({
      pipeline: 'default',
      hs_is_closed: 'true',
      hs_is_closed_lost: 'true',
      hs_deal_stage_probability: '0.0',
    });
  });
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

/**
 * propertiesWithHistory: every value a property had, newest first, with when and by what it was set —
 * the creation values too, though the sandbox keeps those only once (sandbox/hubspot/objects/store.ts).
 */
describe('HubSpot sandbox: property history', () => {
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
