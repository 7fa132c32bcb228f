import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { call, contract, expectShape, fixture, installApp, type Installed } from './support/contract.js';

let app: Installed;
beforeAll(async () => {
  app = await installApp();
});
afterAll(async () => {
  await app.sandbox.close();
});

/** A PLATFORM_FLOW on deals enrolling on create, one "set property value" action (automation v4 shape). */
const dealFlow = (name: string) => ({
  type: 'PLATFORM_FLOW',
  objectTypeId: '0-3',
  flowType: 'WORKFLOW',
  isEnabled: true,
  name,
  startActionId: '1',
  nextAvailableActionId: '2',
  timeWindows: [],
  blockedDates: [],
  customProperties: {},
  dataSources: [],
  enrollmentCriteria: {
    type: 'EVENT_BASED',
    shouldReEnroll: false,
    eventFilterBranches: [
      {
        eventTypeId: '4-1463224',
        operator: 'HAS_COMPLETED',
        filterBranchType: 'UNIFIED_EVENTS',
        filterBranchOperator: 'AND',
        filterBranches: [],
        filters: [],
      },
    ],
  },
  actions: [
    {
      actionId: '1',
      actionTypeId: '0-5',
      actionTypeVersion: 0,
      type: 'SINGLE_CONNECTION',
      fields: { property_name: 'description', value: { type: 'STATIC_VALUE', staticValue: 'set by flow' } },
    },
  ],
});

const create = async (name: string) => {
  const res = await call(app.client, 'POST', '/automation/v4/flows', dealFlow(name));
  expect(res.status).toBe(201);
  return res.body;
};

describe('HubSpot automation v4 flows contract', () => {
  contract('POST /automation/v4/flows', 'creates a flow (201); a CONTACT_FLOW on deals is 400', async () => {
    const flow = await create('Create');
    expectShape(flow, fixture('flow'));
    const bad = await call(app.client, 'POST', '/automation/v4/flows', {
      ...dealFlow('Wrong type'),
      type: 'CONTACT_FLOW',
    });
    expect(bad.status).toBe(400);
    expectShape(bad.body, fixture('error-envelope'));
  });

  contract('GET /automation/v4/flows', 'lists flows ({results})', async () => {
    await create('Listed');
    const res = await call(app.client, 'GET', '/automation/v4/flows');
    expect((res.body['results'] as Array<{ name: string }>).map((f) => f.name)).toContain('Listed');
  });

  contract('GET /automation/v4/flows/:flowId', 'reads a flow; unknown is 404', async () => {
    const flow = await create('Read');
    const res = await call(app.client, 'GET', `/automation/v4/flows/${String(flow['id'])}`);
    expect(res.body['name']).toBe('Read');
    expect((await call(app.client, 'GET', '/automation/v4/flows/1')).status).toBe(404);
  });

  contract(
    'PUT /automation/v4/flows/:flowId',
    'replaces a flow at its current revision; a stale revision is 409',
    async () => {
      const flow = await create('Replace');
      const ok = await call(app.client, 'PUT', `/automation/v4/flows/${String(flow['id'])}`, {
        ...dealFlow('Replaced'),
        revisionId: flow['revisionId'],
      });
      expect(ok.body['name']).toBe('Replaced');
      const stale = await call(app.client, 'PUT', `/automation/v4/flows/${String(flow['id'])}`, {
        ...dealFlow('Stale'),
        revisionId: flow['revisionId'],
      });
      expect(stale.status).toBe(409);
    },
  );

  contract('DELETE /automation/v4/flows/:flowId', 'deletes (204)', async () => {
    const flow = await create('Delete');
    expect((await call(app.client, 'DELETE', `/automation/v4/flows/${String(flow['id'])}`)).status).toBe(204);
    expect((await call(app.client, 'GET', `/automation/v4/flows/${String(flow['id'])}`)).status).toBe(404);
  });

  contract('POST /automation/v4/flows/batch/read', 'reads several flows by id', async () => {
    const flow = await create('Batch');
    const res = await call(app.client, 'POST', '/automation/v4/flows/batch/read', {
      inputs: [{ flowId: flow['id'], type: 'FLOW_ID' }],
    });
    expect((res.body['results'] as Array<{ id: string }>).map((f) => f.id)).toEqual([flow['id']]);
  });
});
