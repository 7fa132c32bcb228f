import { beforeEach, describe, expect, it } from '@jest/globals';
import { createHubSpotSandbox } from '../../../sandbox/hubspot/index.js';
import { authed, install } from './support/install.js';

let api: ReturnType<typeof authed>;

beforeEach(async () => {
  // Professional: Starter's 2 deal pipelines would refuse the duplicate label test's third pipeline before its label.
  const { app } = createHubSpotSandbox({ tier: 'professional' });
  api = authed(app, (await install(app)).access_token);
});

const textProperty = (name: string, extra: object = {}) => ({
  name,
  label: name,
  type: 'string',
  fieldType: 'text',
  groupName: 'companyinformation',
  ...extra,
});

describe('HubSpot sandbox: properties', () => {
  it('starts each object with HubSpot default properties', async () => {
    const deals = await api('get', '/crm/v3/properties/deals').expect(200);
    const names = deals.body.results.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['dealname', 'amount', 'closedate', 'dealstage', 'pipeline', 'deal_currency_code']),
    );
    const email = await api('get', '/crm/v3/properties/contacts/email').expect(200);
    expect(email.body).toMatchObject({ type: 'string', fieldType: 'text', hubspotDefined: true });
    const timestamp = await api('get', '/crm/v3/properties/notes/hs_timestamp').expect(200);
    expect(timestamp.body.type).toBe('datetime');
  });

  it('allows 10 unique properties per object, and none on notes or products', async () => {
    for (let i = 0; i < 10; i += 1)
      await api(
        'post',
        '/crm/v3/properties/companies',
        textProperty(`source_id_${i}`, { hasUniqueValue: true }),
      ).expect(201);
    const eleventh = await api(
      'post',
      '/crm/v3/properties/companies',
      textProperty('source_id_10', { hasUniqueValue: true }),
    ).expect(400);
    expect(eleventh.body.message).toMatch(/maximum of 10 unique properties/);
    await api('post', '/crm/v3/properties/notes', {
      ...textProperty('source_id'),
      groupName: 'noteinformation',
      hasUniqueValue: true,
    }).expect(400);
    await api('post', '/crm/v3/properties/products', {
      ...textProperty('source_id'),
      groupName: 'productinformation',
      hasUniqueValue: true,
    }).expect(400);
  });

  it('checks names, type/fieldType pairs, options and duplicates', async () => {
    await api('post', '/crm/v3/properties/companies', textProperty('Bad-Name')).expect(400);
    await api('post', '/crm/v3/properties/companies', {
      ...textProperty('a_number'),
      type: 'number',
      fieldType: 'select',
    }).expect(400);
    await api('post', '/crm/v3/properties/companies', {
      ...textProperty('tier'),
      type: 'enumeration',
      fieldType: 'select',
      options: [],
    }).expect(400);
    const options = [
      { label: 'Gold', value: 'gold', hidden: false },
      { label: 'Gold', value: 'gold2', hidden: false },
    ];
    await api('post', '/crm/v3/properties/companies', {
      ...textProperty('tier'),
      type: 'enumeration',
      fieldType: 'select',
      options,
    }).expect(400);
    await api('post', '/crm/v3/properties/companies', textProperty('fine')).expect(201);
    await api('post', '/crm/v3/properties/companies', textProperty('fine')).expect(409);
    const missing = await api('post', '/crm/v3/properties/companies', {
      name: 'no_type',
      label: 'x',
      groupName: 'companyinformation',
    }).expect(400);
    expect(missing.body.message).toContain('some of required attributes are not set [type, fieldType]');
  });

  it('archives custom properties but not default ones; an archived name stays taken', async () => {
    await api('post', '/crm/v3/properties/companies', textProperty('legacy')).expect(201);
    await api('delete', '/crm/v3/properties/companies/legacy').expect(204);
    await api('get', '/crm/v3/properties/companies/legacy').expect(404);
    await api('get', '/crm/v3/properties/companies/legacy?archived=true').expect(200);
    await api('post', '/crm/v3/properties/companies', textProperty('legacy')).expect(409);
    await api('delete', '/crm/v3/properties/companies/name').expect(400);
  });

  it('validates multi-checkbox values and appends with a leading semicolon', async () => {
    const options = ['a', 'b', 'c'].map((v) => ({ label: v.toUpperCase(), value: v, hidden: false }));
    await api('post', '/crm/v3/properties/companies', {
      ...textProperty('tags'),
      type: 'enumeration',
      fieldType: 'checkbox',
      options,
    }).expect(201);
    const company = await api('post', '/crm/v3/objects/companies', { properties: { name: 'Acme', tags: 'a' } }).expect(
      201,
    );
    const updated = await api('patch', `/crm/v3/objects/companies/${company.body.id}`, {
      properties: { tags: ';b' },
    }).expect(200);
    expect(updated.body.properties.tags).toBe('a;b');
    const bad = await api('patch', `/crm/v3/objects/companies/${company.body.id}`, {
      properties: { tags: 'a;z' },
    }).expect(400);
    expect(bad.body.errors[0].message).toBe('z was not one of the allowed options: [a, b, c]');
  });
});

describe('HubSpot sandbox: pipelines', () => {
  const stages = [
    { label: 'Qualified', displayOrder: 0, metadata: { probability: '0.3' } },
    { label: 'Closed won', displayOrder: 1, metadata: { probability: '1.0', isClosed: 'true' } },
    { label: 'Closed lost', displayOrder: 2, metadata: { probability: '0.0', isClosed: 'true' } },
  ];

  it('starts with the default Sales Pipeline', async () => {
    const res = await api('get', '/crm/v3/pipelines/deals').expect(200);
    expect(res.body.results[0]).toMatchObject({ id: 'default', label: 'Sales Pipeline' });
    expect(res.body.results[0].stages.map((s: { id: string }) => s.id)).toContain('closedwon');
  });

  it('requires deal stage probabilities between 0.0 and 1.0', async () => {
    await api('post', '/crm/v3/pipelines/deals', {
      label: 'P1',
      displayOrder: 1,
      stages: [{ label: 'S', displayOrder: 0, metadata: { probability: '1.25' } }],
    }).expect(400);
    await api('post', '/crm/v3/pipelines/deals', {
      label: 'P1',
      displayOrder: 1,
      stages: [{ label: 'S', displayOrder: 0, metadata: {} }],
    }).expect(400);
    const created = await api('post', '/crm/v3/pipelines/deals', {
      label: 'Pipedrive: Sales',
      displayOrder: 1,
      stages,
    }).expect(201);
    expect(created.body.stages.map((s: { metadata: Record<string, string> }) => s.metadata)).toEqual([
      { probability: '0.3', isClosed: 'false' },
      { probability: '1.0', isClosed: 'true' },
      { probability: '0.0', isClosed: 'true' },
    ]);
    await api('post', '/crm/v3/pipelines/deals', { label: 'Pipedrive: Sales', displayOrder: 2, stages }).expect(409);
  });

  it('refuses to delete a stage that holds deals', async () => {
    const pipeline = await api('post', '/crm/v3/pipelines/deals', { label: 'P', displayOrder: 1, stages }).expect(201);
    const stageId: string = pipeline.body.stages[0].id;
    await api('post', '/crm/v3/objects/deals', {
      properties: { dealname: 'D', pipeline: pipeline.body.id, dealstage: stageId },
    }).expect(201);
    await api('delete', `/crm/v3/pipelines/deals/${pipeline.body.id}/stages/${stageId}`).expect(409);
  });
});
