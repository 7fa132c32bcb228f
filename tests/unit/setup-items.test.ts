import { describe, expect, it } from '@jest/globals';
import { bucketOf } from '../../backend/src/hubspot/hubspot-api.js';
import { PIPEDRIVE_RECORD_SHAPE as PIPEDRIVE } from '../../backend/src/sources/pipedrive/record-shape.js';
import { findExisting, groupNameFor, type PortalState } from '../../backend/src/transfer/setup/portal-state.js';
import { reviewSetup } from '../../backend/src/transfer/setup/review-setup.js';
import { SETUP_TASKS, setupItems } from '../../backend/src/transfer/setup/setup-items.js';
import type { SetupSelection } from '../../backend/src/transfer/setup/setup-selection-shape.js';

const selection: SetupSelection = {
  auditId: '00000000-0000-4000-8000-000000000000',
  propertyGroups: [
    { objectType: 'deals', objectKey: 'deals', name: 'pipedrive_deal', label: 'Pipedrive deal fields' },
    { objectType: 'products', objectKey: 'products', name: 'pipedrive_product', label: 'Pipedrive product fields' },
  ],
  properties: [
    {
      action: 'create',
      objectType: 'deals',
      objectKey: 'deals',
      sourceField: 'region',
      name: 'pipedrive_deal_region',
      label: 'Region',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'pipedrive_deal',
      options: [{ value: '1', label: 'North' }],
      references: null,
    },
    {
      action: 'create',
      objectType: 'deals',
      objectKey: 'deals',
      sourceField: 'creator_user_id',
      name: 'pipedrive_deal_creator_user_id',
      label: 'Creator',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'pipedrive_deal',
      options: null,
      references: 'owner',
    },
    {
      action: 'existing',
      objectType: 'deals',
      objectKey: 'deals',
      sourceField: 'title',
      name: 'dealname',
      label: 'Title',
      type: 'string',
      fieldType: 'text',
      groupName: null,
      options: null,
      references: null,
    },
  ],
  associationLabels: [],
  pipelines: [
    {
      sourcePipelineId: '1',
      label: 'Sales',
      stages: [
        { sourceStageId: '1', label: 'Lead', displayOrder: 0, probability: 0.3, sourceProbability: 25, closed: null },
        { sourceStageId: '2', label: 'Sure', displayOrder: 1, probability: 0.9, sourceProbability: 100, closed: null },
        {
          sourceStageId: null,
          label: 'Closed won',
          displayOrder: 2,
          probability: 1,
          sourceProbability: null,
          closed: 'won',
        },
      ],
    },
  ],
  owners: {
    map: [
      { sourceUserId: '1', name: 'Ann', email: 'ann@example.com', hubspotOwnerId: '7' },
      { sourceUserId: '2', name: 'Bob', email: 'bob@example.com', hubspotOwnerId: null },
    ],
    invite: [],
  },
  currencies: [{ code: 'EUR', rate: 0.9 }],
  workflows: { createDate: true, closeDate: true },
};

const items = setupItems(selection, 'Pipedrive', PIPEDRIVE.fields);

describe('setup items', () => {
  it('come in task order, one per chosen thing, and never for a field mapped onto an existing property', () => {
    const order = items.map((item) => SETUP_TASKS.indexOf(item.task));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(items.filter((item) => item.kind === 'property').map((item) => item.itemKey)).toEqual([
      'pipedrive_deal_region',
      'pipedrive_deal_creator_user_id',
      'pipedrive_deal__record_id',
      'pipedrive_deal__record_link',
      'pipedrive_product__record_id',
      'pipedrive_product__record_link',
    ]);
    // No workflow without the source date properties to copy from.
    expect(items.filter((item) => item.kind === 'workflow')).toEqual([]);
  });

  it('make the source record id unique only where HubSpot allows it, and user fields owner properties', () => {
    const definition = (key: string) => {
      const item = items.find((candidate) => candidate.itemKey === key);
      return item?.kind === 'property' ? item.definition : undefined;
    };
    expect(definition('pipedrive_deal__record_id')?.hasUniqueValue).toBe(true);
    expect(definition('pipedrive_product__record_id')?.hasUniqueValue).toBeUndefined();
    expect(definition('pipedrive_deal_creator_user_id')).toMatchObject({
      referencedObjectType: 'OWNER',
      externalOptions: true,
    });
    expect(definition('pipedrive_deal_region')?.options).toEqual([
      { label: 'North', value: '1', displayOrder: 0, hidden: false },
    ]);
  });

  it('try the source probability exactly for open stages within 0.1–0.9, else the rounded one', () => {
    const pipeline = items.find((item) => item.kind === 'pipeline');
    expect(pipeline?.kind === 'pipeline' && pipeline.stages.map((stage) => [stage.probability, stage.closed])).toEqual([
      [0.25, false],
      [0.9, false],
      [1, true],
    ]);
  });

  it('are the same for the same selection', () => {
    expect(setupItems(selection, 'Pipedrive', PIPEDRIVE.fields)).toEqual(items);
  });
});

describe('the setup review', () => {
  const state: PortalState = {
    groups: new Map([['deals', [{ name: 'pipedrive_deal', label: 'Pipedrive deal fields' }]]]),
    properties: new Map([
      [
        'deals',
        [
          {
            name: 'pipedrive_deal_region',
            label: 'Region',
            type: 'string',
            fieldType: 'text',
            groupName: 'x',
            readOnly: false,
          },
        ],
      ],
    ]),
    labels: new Map(),
    pipelines: [{ id: 'p1', label: 'Sales', displayOrder: 0, stages: [] }],
    companyCurrency: 'EUR',
    rates: [],
    owners: [{ id: '7', email: 'ann@example.com', firstName: 'Ann', lastName: null }],
    flows: { unavailable: 'MISSING_SCOPES' },
    overLimit: new Map(),
  };
  const review = reviewSetup(state, items);
  const outcome = (key: string) => review.objects.flatMap((object) => object.items).find((item) => item.key === key);

  it('reuses equal items, refuses a same-named property of another type, skips what it cannot do, and totals it', () => {
    expect(outcome('pipedrive_deal')?.outcome).toBe('reuse');
    expect(outcome('pipedrive_deal_region')).toMatchObject({ outcome: 'fail' });
    expect(outcome('pipedrive_deal_region')?.reason).toMatch(/never overwrites/);
    expect(outcome('1')?.outcome).toBe('reuse');
    expect(outcome('1')?.reason).toMatch(/Lead/);
    expect(outcome('2')).toMatchObject({ outcome: 'skip' });
    expect(outcome('EUR')?.outcome).toBe('reuse');
    expect(review.totals).toEqual({
      create: review.objects.reduce((sum, object) => sum + object.totals.create, 0),
      reuse: review.objects.reduce((sum, object) => sum + object.totals.reuse, 0),
      skip: review.objects.reduce((sum, object) => sum + object.totals.skip, 0),
      fail: review.objects.reduce((sum, object) => sum + object.totals.fail, 0),
    });
    expect(review.workflowsAvailable).toBe(false);
  });
});

describe('the HubSpot limit a call counts against', () => {
  it('is associations for v4 associations, search for CRM search, general otherwise', () => {
    expect(bucketOf('POST /crm/v4/associations/deals/contacts/batch/create')).toBe('associations');
    expect(bucketOf('PUT /crm/v4/objects/deals/1/associations/contacts/2')).toBe('associations');
    expect(bucketOf('GET /crm/v4/associations/deals/companies/labels')).toBe('associations');
    expect(bucketOf('POST /crm/v3/objects/deals/search')).toBe('search');
    expect(bucketOf('POST /crm/v3/properties/deals')).toBe('general');
  });
});

describe('repeated names HubSpot keeps once', () => {
  it('make the later pipeline clash (it fails in the review), never reuse the first one', () => {
    const [pipeline] = selection.pipelines;
    if (!pipeline) throw new Error('fixture has a pipeline');
    const twice = { ...selection, pipelines: [pipeline, { ...pipeline, sourcePipelineId: '2', label: ' sales ' }] };
    const clashing = setupItems(twice, 'Pipedrive', PIPEDRIVE.fields).filter((item) => item.kind === 'pipeline');
    expect(clashing.map((item) => item.clash === undefined)).toEqual([true, false]);
    const review = reviewSetup({ ...emptyState(), pipelines: [] }, clashing);
    expect(review.objects[0]?.items.map((item) => item.outcome)).toEqual(['create', 'fail']);
  });
});

describe('property groups HubSpot already has', () => {
  const group = items.find((item) => item.kind === 'property_group' && item.itemKey === 'pipedrive_deal');
  const region = items.find((item) => item.kind === 'property' && item.itemKey === 'pipedrive_deal_region');
  const withGroups = (groups: { name: string; label: string }[]): PortalState => ({
    ...emptyState(),
    groups: new Map([['deals', groups]]),
  });

  it('are reused by the same label under another name, and the properties go in that group', () => {
    if (group?.kind !== 'property_group' || region?.kind !== 'property') throw new Error('scenario items missing');
    const state = withGroups([
      { name: 'dealinformation', label: 'Deal information' },
      { name: 'made_by_hand', label: ' Pipedrive deal fields ' },
    ]);
    expect(findExisting(state, group)).toEqual({ found: 'made_by_hand' });
    expect(groupNameFor(state, region)).toBe('made_by_hand');
    expect(reviewSetup(state, [group]).objects[0]?.items[0]?.outcome).toBe('reuse');
  });

  it('are reused by the same name first, and a group of neither is created under its own name', () => {
    if (group?.kind !== 'property_group' || region?.kind !== 'property') throw new Error('scenario items missing');
    const both = withGroups([
      { name: 'other', label: 'Pipedrive deal fields' },
      { name: 'pipedrive_deal', label: 'Renamed' },
    ]);
    expect(findExisting(both, group)).toEqual({ found: 'pipedrive_deal' });
    expect(groupNameFor(both, region)).toBe('pipedrive_deal');
    const neither = withGroups([{ name: 'dealinformation', label: 'Deal information' }]);
    expect(findExisting(neither, group)).toBeNull();
    expect(groupNameFor(neither, region)).toBe('pipedrive_deal');
  });
});

function emptyState(): PortalState {
  return {
    groups: new Map(),
    properties: new Map(),
    labels: new Map(),
    pipelines: [],
    companyCurrency: null,
    rates: [],
    owners: [],
    flows: [],
    overLimit: new Map(),
  };
}
