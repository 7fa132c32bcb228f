import { beforeEach, describe, expect, it } from '@jest/globals';
import { createHubSpotSandbox } from '../../../sandbox/hubspot/index.js';
import { authed, install } from './support/install.js';

let api: ReturnType<typeof authed>;

beforeEach(async () => {
  const { app } = createHubSpotSandbox();
  api = authed(app, (await install(app)).access_token);
  await api('post', '/crm/v3/properties/deals', {
    name: 'migrated_pipedrive_close_time',
    label: 'Pipedrive close time',
    type: 'datetime',
    fieldType: 'date',
    groupName: 'dealinformation',
  }).expect(201);
});

/** A PLATFORM_FLOW on deals with one "set property value" action, in HubSpot's v4 shape. */
function copyFlow(enrollmentCriteria: object, value: object) {
  return {
    type: 'PLATFORM_FLOW',
    objectTypeId: '0-3',
    flowType: 'WORKFLOW',
    isEnabled: true,
    name: 'Backfill close date',
    startActionId: '1',
    nextAvailableActionId: '2',
    timeWindows: [],
    blockedDates: [],
    customProperties: {},
    dataSources: [],
    enrollmentCriteria,
    actions: [
      {
        actionId: '1',
        actionTypeId: '0-5',
        actionTypeVersion: 0,
        type: 'SINGLE_CONNECTION',
        fields: { property_name: 'closedate', value },
      },
    ],
  };
}

const ON_CREATE = {
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
  listMembershipFilterBranches: [],
};

describe('HubSpot sandbox: flows', () => {
  it('runs "copy migrated_pipedrive_close_time into closedate on create" so closedate reads back set', async () => {
    const flow = await api(
      'post',
      '/automation/v4/flows',
      copyFlow(ON_CREATE, { type: 'OBJECT_PROPERTY', propertyName: 'migrated_pipedrive_close_time' }),
    ).expect(201);
    expect(flow.body.id).toEqual(expect.any(String));
    const deal = await api('post', '/crm/v3/objects/deals', {
      properties: {
        dealname: 'Won in Pipedrive',
        dealstage: 'closedwon',
        migrated_pipedrive_close_time: '2023-06-15T14:30:00Z',
      },
    }).expect(201);
    const read = await api('get', `/crm/v3/objects/deals/${deal.body.id}?properties=closedate`).expect(200);
    expect(read.body.properties.closedate).toBe('2023-06-15T14:30:00.000Z');
  });

  it('enrols on a property change and sets a fixed value; a disabled flow does nothing', async () => {
    const onChange = {
      type: 'EVENT_BASED',
      shouldReEnroll: true,
      eventFilterBranches: [
        {
          eventTypeId: '4-655002',
          operator: 'HAS_COMPLETED',
          filterBranchType: 'UNIFIED_EVENTS',
          filterBranchOperator: 'AND',
          filterBranches: [],
          filters: [
            {
              property: 'hs_name',
              operation: { operator: 'IS_EQUAL_TO', value: 'dealstage', operationType: 'STRING' },
              filterType: 'PROPERTY',
            },
          ],
        },
      ],
    };
    await api(
      'post',
      '/automation/v4/flows',
      copyFlow(onChange, { type: 'STATIC_VALUE', staticValue: '2024-01-31T00:00:00Z' }),
    ).expect(201);
    await api('post', '/automation/v4/flows', {
      ...copyFlow(ON_CREATE, { type: 'STATIC_VALUE', staticValue: '1999-01-01T00:00:00Z' }),
      isEnabled: false,
    }).expect(201);
    const deal = await api('post', '/crm/v3/objects/deals', {
      properties: { dealname: 'Open', dealstage: 'qualifiedtobuy' },
    }).expect(201);
    await api('patch', `/crm/v3/objects/deals/${deal.body.id}`, { properties: { closedate: '' } }).expect(200);
    await api('patch', `/crm/v3/objects/deals/${deal.body.id}`, { properties: { dealstage: 'closedwon' } }).expect(200);
    const read = await api('get', `/crm/v3/objects/deals/${deal.body.id}?properties=closedate`).expect(200);
    expect(read.body.properties.closedate).toBe('2024-01-31T00:00:00.000Z');
  });

  it('enrols a record in a flow without re-enrolment once: leaving and meeting the criteria again runs nothing', async () => {
    const whileWon = {
      type: 'LIST_BASED',
      shouldReEnroll: false,
      listFilterBranch: {
        filterBranchType: 'AND',
        filters: [
          {
            filterType: 'PROPERTY',
            property: 'dealstage',
            operation: { operator: 'IS_ANY_OF', values: ['closedwon'], operationType: 'ENUMERATION' },
          },
        ],
        filterBranches: [],
      },
    };
    await api(
      'post',
      '/automation/v4/flows',
      copyFlow(whileWon, { type: 'STATIC_VALUE', staticValue: '2024-02-29T00:00:00Z' }),
    ).expect(201);
    const deal = await api('post', '/crm/v3/objects/deals', {
      properties: { dealname: 'Won twice', dealstage: 'closedwon' },
    }).expect(201);
    const closedate = async () =>
      (await api('get', `/crm/v3/objects/deals/${deal.body.id}?properties=closedate`).expect(200)).body.properties
        .closedate;
    expect(await closedate()).toBe('2024-02-29T00:00:00.000Z');
    await api('patch', `/crm/v3/objects/deals/${deal.body.id}`, {
      properties: { dealstage: 'qualifiedtobuy', closedate: '' },
    }).expect(200);
    await api('patch', `/crm/v3/objects/deals/${deal.body.id}`, { properties: { dealstage: 'closedwon' } }).expect(200);
    // HubSpot dates the deal's new win itself (now); the flow's fixed date is not written again.
    expect(await closedate()).not.toBe('2024-02-29T00:00:00.000Z');
  });

  it('refuses a flow whose action names a property the object does not have', async () => {
    const res = await api(
      'post',
      '/automation/v4/flows',
      copyFlow(ON_CREATE, { type: 'OBJECT_PROPERTY', propertyName: 'no_such_property' }),
    ).expect(400);
    expect(res.body.category).toBe('VALIDATION_ERROR');
  });

  it('lists, reads, replaces with the current revision, and deletes flows', async () => {
    const created = await api(
      'post',
      '/automation/v4/flows',
      copyFlow(ON_CREATE, { type: 'STATIC_VALUE', staticValue: '2024-01-01T00:00:00Z' }),
    ).expect(201);
    const id: string = created.body.id;
    expect((await api('get', '/automation/v4/flows').expect(200)).body.results).toHaveLength(1);
    await api('put', `/automation/v4/flows/${id}`, { revisionId: '0', isEnabled: false }).expect(409);
    const updated = await api('put', `/automation/v4/flows/${id}`, {
      revisionId: created.body.revisionId,
      isEnabled: false,
    }).expect(200);
    expect(updated.body.isEnabled).toBe(false);
    await api('delete', `/automation/v4/flows/${id}`).expect(204);
    await api('get', `/automation/v4/flows/${id}`).expect(404);
  });
});
