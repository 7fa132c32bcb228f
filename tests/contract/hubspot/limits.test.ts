import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { call, contract, expectShape, fixture, installApp, type Installed } from './support/contract.js';

let app: Installed;
beforeAll(async () => {
  // Starter (the sandbox's default): 2 deal pipelines, 10 association labels per pair.
  app = await installApp();
});
afterAll(async () => {
  await app.sandbox.close();
});

const stage = { label: 'Open', displayOrder: 0, metadata: { probability: '0.5' } };
const addPipeline = (label: string) =>
  call(app.client, 'POST', '/crm/v3/pipelines/deals', { label, displayOrder: 1, stages: [stage] });

describe('HubSpot limits tracking contract', () => {
  contract(
    'GET /crm/v3/limits/pipelines',
    "tells the tier's deal pipelines and their use, which creates meet",
    async () => {
      const before = await call(app.client, 'GET', '/crm/v3/limits/pipelines');
      expectShape(before.body, fixture('limits-pipelines'));
      const deals = () =>
        (before.body['hubspotDefinedObjectTypes'] as { objectTypeId: string; limit: number; usage: number }[]).find(
          (entry) => entry.objectTypeId === '0-3',
        );
      expect(deals()).toMatchObject({ limit: 2, usage: 1 });
      expect((await addPipeline('Second')).status).toBe(201);
      const after = await call(app.client, 'GET', '/crm/v3/limits/pipelines');
      expect(after.body['hubspotDefinedObjectTypes']).toEqual(
        expect.arrayContaining([expect.objectContaining({ objectTypeId: '0-3', limit: 2, usage: 2, percentage: 100 })]),
      );
      const refused = await addPipeline('Third');
      expect(refused.status).toBe(400);
      expect(refused.body['category']).toBe('VALIDATION_ERROR');
    },
  );

  contract('GET /crm/v3/limits/custom-properties', 'tells custom properties per object and overall', async () => {
    const created = await call(app.client, 'POST', '/crm/v3/properties/contacts', {
      name: 'limits_probe',
      label: 'Limits probe',
      type: 'string',
      fieldType: 'text',
      groupName: 'contactinformation',
    });
    expect(created.status).toBe(201);
    const res = await call(app.client, 'GET', '/crm/v3/limits/custom-properties');
    expectShape(res.body, fixture('limits-custom-properties'));
    expect(res.body['byObjectType']).toEqual(
      expect.arrayContaining([expect.objectContaining({ objectTypeId: '0-1', limit: 1000, usage: 1 })]),
    );
    expect(res.body['overallUsage']).toBe(1);
  });

  contract('GET /crm/v3/limits/associations/labels', 'tells custom labels per object pair, labels named', async () => {
    const created = await call(app.client, 'POST', '/crm/v4/associations/deals/companies/labels', {
      name: 'partner',
      label: 'Partner',
    });
    expect(created.status).toBe(200);
    const res = await call(app.client, 'GET', '/crm/v3/limits/associations/labels');
    const pair = (
      res.body['results'] as { fromObjectType: { objectTypeId: string }; toObjectType: { objectTypeId: string } }[]
    ).find((entry) => entry.fromObjectType.objectTypeId === '0-3' && entry.toObjectType.objectTypeId === '0-2');
    // Every pair is listed (most without labels); the one with a label has the documented shape.
    expectShape({ results: [pair] }, fixture('limits-association-labels'));
    expect(pair).toMatchObject({ limit: 10, usage: 1, allLabels: ['Partner'] });
  });
});
