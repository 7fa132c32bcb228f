/**
 * setupSelection checked against HubSpot's rules as the sandbox models them: every property it names is
 * one HubSpot's property validator and registry take (in its group), every stage one HubSpot's pipeline
 * rules take; and against the settings: what is excluded or turned off is not there, what is mapped onto
 * an existing property is not created.
 */
import { describe, expect, it } from '@jest/globals';
import type { SourcePipeline } from '../../backend/src/sources/connector.js';
import type { MappingPlan } from '../../backend/src/transfer/mapping/mapping-plan.js';
import { defaultSettings } from '../../backend/src/transfer/settings/default-settings.js';
import { type SetupSelection, setupSelection } from '../../backend/src/transfer/settings/setup-selection.js';
import { objectTypeOf } from '../../sandbox/hubspot/object-types.js';
import { stageMetadata } from '../../sandbox/hubspot/pipelines/store.js';
import { PropertyRegistry } from '../../sandbox/hubspot/properties/registry.js';
import { parsePropertyCreate } from '../../sandbox/hubspot/properties/rules.js';
import type { TransferSettings } from '../../shared/src/contracts/index.js';
import { catalogOf, everyTypeEverywhere, mapPipedrive } from './mapping-fixtures.js';

const AT = '2026-01-01T00:00:00.000Z';
const PIPELINES: SourcePipeline[] = [
  {
    id: '1',
    name: 'Sales',
    order: 1,
    stages: [
      { id: '11', name: 'Lead in', order: 1, probability: 10 },
      { id: '12', name: 'Proposal', order: 2, probability: 55 },
      { id: '13', name: 'Negotiation', order: 3, probability: null },
    ],
  },
  { id: '2', name: 'Renewals', order: 2, stages: [{ id: '21', name: 'Due', order: 1, probability: 100 }] },
];

function planOf(): MappingPlan {
  const mapped = mapPipedrive(catalogOf(everyTypeEverywhere().objects, PIPELINES));
  return {
    source: 'pipedrive',
    ...mapped,
    includeArchivedDeals: true,
    owners: [
      { id: '1', name: 'Ann', email: 'ann@example.com', active: true, hubspotOwnerId: '501', hubspotOwnerName: 'Ann' },
      { id: '2', name: 'Bob', email: 'bob@example.com', active: true, hubspotOwnerId: null, hubspotOwnerName: null },
      { id: '3', name: 'Cy', email: null, active: false, hubspotOwnerId: null, hubspotOwnerName: null },
    ],
  };
}

/** Creates the selection's groups and created properties as setup would; throws where HubSpot would refuse. */
function createInSandbox(selection: SetupSelection): PropertyRegistry {
  const registry = new PropertyRegistry(AT);
  for (const group of selection.propertyGroups)
    registry.createGroup(objectTypeOf(group.objectType), { name: group.name, label: group.label, displayOrder: -1 });
  for (const property of selection.properties.filter((item) => item.action === 'create')) {
    const options = property.references === 'owner' ? [{ value: '101', label: 'Owner One' }] : (property.options ?? []);
    const body = {
      name: property.name,
      label: property.label,
      type: property.type,
      fieldType: property.fieldType,
      groupName: property.groupName,
      ...(property.type === 'enumeration'
        ? { options: options.map((option, index) => ({ ...option, hidden: false, displayOrder: index })) }
        : {}),
    };
    registry.create(objectTypeOf(property.objectType), parsePropertyCreate(body), AT);
  }
  return registry;
}

/** Every non-standard property target of every supported field of the plan, as "object.name": what "all properties" means. */
function plannedProperties(plan: MappingPlan, keep: (objectKey: string, fieldKey: string) => boolean): string[] {
  return plan.objects.flatMap((object) =>
    (plan.fields[object.key] ?? [])
      .filter((field) => field.supported && keep(object.key, field.key))
      .flatMap((field) =>
        field.targets
          // Every property the mapper may write that HubSpot does not have by default: all but standard
          // properties (owner, pipeline and stage included) and associations.
          .filter((target) => !['standard', 'association', 'pipeline', 'stage'].includes(target.kind))
          .filter((target) => target.name !== 'hubspot_owner_id')
          .map((target) => `${target.objectType}.${target.name}`),
      ),
  );
}

const names = (selection: SetupSelection, action: 'create' | 'existing' = 'create') =>
  selection.properties.filter((item) => item.action === action).map((item) => `${item.objectType}.${item.name}`);

describe('setupSelection with the default settings', () => {
  const plan = planOf();
  const selection = setupSelection(plan, defaultSettings('00000000-0000-4000-8000-000000000001'));

  it('names every property the plan creates, each one HubSpot takes in a group setup creates', () => {
    // Beside the plan's targets: the text property persons' other e-mail addresses go into.
    expect(names(selection).sort()).toEqual(
      [...plannedProperties(plan, () => true), 'contacts.pipedrive_person__other_emails'].sort(),
    );
    const registry = createInSandbox(selection);
    for (const property of selection.properties) {
      const created = registry.get(objectTypeOf(property.objectType), property.name, false);
      expect([created.type, created.fieldType, created.groupName]).toEqual([
        property.type,
        property.fieldType,
        property.groupName,
      ]);
    }
  });

  it('gives option fields their source options as values, so the mapper writes the source option ids', () => {
    const enumerations = selection.properties.filter((item) => item.type === 'enumeration' && item.references === null);
    expect(enumerations.length).toBeGreaterThan(0);
    for (const property of enumerations) {
      const field = plan.fields[property.objectKey]?.find((candidate) => candidate.key === property.sourceField);
      expect(property.options).toEqual(field?.options?.map((option) => ({ value: option.id, label: option.label })));
    }
  });

  it('has every pipeline with its stages in order, then Closed won and Closed lost, in probabilities HubSpot takes', () => {
    expect(selection.pipelines.map((pipeline) => pipeline.label)).toEqual(['Sales', 'Renewals']);
    const sales = selection.pipelines[0];
    expect(sales?.stages.map((stage) => [stage.label, stage.closed])).toEqual([
      ['Lead in', null],
      ['Proposal', null],
      ['Negotiation', null],
      [expect.any(String), 'won'],
      [expect.any(String), 'lost'],
    ]);
    for (const pipeline of selection.pipelines) {
      expect(pipeline.stages.map((stage) => stage.displayOrder)).toEqual(pipeline.stages.map((_, index) => index));
      for (const stage of pipeline.stages) {
        const metadata = stageMetadata({ probability: stage.probability, isClosed: stage.closed !== null }, true);
        expect(Number(metadata.probability)).toBeCloseTo(stage.probability);
      }
      expect(pipeline.stages.filter((stage) => stage.closed === 'won').map((stage) => stage.probability)).toEqual([1]);
      expect(pipeline.stages.filter((stage) => stage.closed === 'lost').map((stage) => stage.probability)).toEqual([0]);
    }
  });

  it('maps users by e-mail, invites nobody and wants both workflows; no currencies without rates', () => {
    expect(selection.owners.map.map((owner) => [owner.sourceUserId, owner.hubspotOwnerId, owner.via])).toEqual([
      ['1', '501', 'email'],
      ['2', null, 'none'],
      ['3', null, 'none'],
    ]);
    expect(selection.owners.invite).toEqual([]);
    expect(selection.workflows).toEqual({ createDate: true, closeDate: true });
    expect(selection.currencies).toEqual([]);
    expect(selection.includeArchivedDeals).toBe(true);
    expect(selection.objects).toEqual(plan.objects.map((object) => object.key));
  });
});

describe('setupSelection and persons’ other e-mail addresses', () => {
  const plan = planOf();
  const otherEmails = (change: Partial<TransferSettings>) =>
    setupSelection(plan, { ...defaultSettings('00000000-0000-4000-8000-000000000003'), ...change }).properties.filter(
      (property) => property.name.endsWith('__other_emails'),
    );

  it('creates the “Other e-mails” text property in the persons group by default', () => {
    expect(otherEmails({})).toEqual([
      {
        action: 'create',
        objectType: 'contacts',
        objectKey: 'persons',
        sourceField: 'emails',
        name: 'pipedrive_person__other_emails',
        label: 'Other e-mails (Pipedrive)',
        type: 'string',
        fieldType: 'text',
        groupName: 'pipedrive_person',
        options: null,
        references: null,
      },
    ]);
  });

  it('creates none when they are added as secondary e-mails, the e-mail field is excluded or contact properties are off', () => {
    expect(otherEmails({ addSecondaryEmails: true })).toEqual([]);
    expect(otherEmails({ fields: { persons: { emails: { mode: 'exclude' } } } })).toEqual([]);
    expect(otherEmails({ dataTypes: { ...defaultSettings('x').dataTypes, contact_properties: false } })).toEqual([]);
  });
});

describe('setupSelection follows the settings', () => {
  const plan = planOf();
  const deals = plan.objects.find((object) => object.hubspotObject === 'deals');
  const calls = plan.objects.find((object) => object.hubspotObject === 'calls');
  const dealFields = plan.fields[deals?.key ?? ''] ?? [];
  const text = dealFields.find((field) => field.sourceType === 'varchar' && field.isCustom);
  const single = dealFields.find((field) => field.sourceType === 'enum' && field.isCustom);
  const excluded = dealFields.find((field) => field.sourceType === 'double' && field.isCustom);
  if (!deals || !calls || !text || !single || !excluded)
    throw new Error('the fixture lacks deals, calls or custom fields');
  const settings: TransferSettings = {
    ...defaultSettings('00000000-0000-4000-8000-000000000002'),
    dataTypes: { ...defaultSettings('x').dataTypes, calls: false, contact_properties: false, workflows: false },
    fields: {
      [deals.key]: {
        [text.key]: { mode: 'existing', hubspotProperty: 'description' },
        [single.key]: { mode: 'existing', hubspotProperty: 'dealtype' },
        [excluded.key]: { mode: 'exclude' },
      },
    },
    ownerOverrides: { '2': '777' },
    inviteMissingUsers: true,
    exchangeRates: { USD: 1.1, CHF: 0.95 },
  };
  const selection = setupSelection(plan, settings);
  const mapped = new Set([text.key, single.key, excluded.key]);

  it('creates exactly the planned properties left chosen: none of turned-off objects, excluded or mapped fields', () => {
    const contactRows = new Set(plan.objects.filter((o) => o.hubspotObject === 'contacts').map((o) => o.key));
    const expected = plannedProperties(
      plan,
      (objectKey, fieldKey) =>
        objectKey !== calls.key && !contactRows.has(objectKey) && !(objectKey === deals.key && mapped.has(fieldKey)),
    );
    expect(names(selection).sort()).toEqual(expected.sort());
    expect(
      selection.propertyGroups.some((group) => group.objectType === 'contacts' || group.objectType === 'calls'),
    ).toBe(false);
    expect(selection.objects).not.toContain(calls.key);
    createInSandbox(selection);
  });

  it('lists mapped fields as existing properties, with the options an enumeration must have', () => {
    expect(selection.properties.filter((item) => item.action === 'existing')).toEqual([
      expect.objectContaining({ name: 'description', sourceField: text.key, options: null, groupName: null }),
      expect.objectContaining({
        name: 'dealtype',
        sourceField: single.key,
        options: single.options?.map((option) => ({ value: option.id, label: option.label })),
      }),
    ]);
  });

  it('uses owner overrides, invites unmatched users with an e-mail, adds the rated currencies, no workflows', () => {
    expect(selection.owners.map.map((owner) => [owner.sourceUserId, owner.hubspotOwnerId, owner.via])).toEqual([
      ['1', '501', 'email'],
      ['2', '777', 'override'],
      ['3', null, 'none'],
    ]);
    expect(selection.owners.invite).toEqual([]);
    expect(selection.currencies).toEqual([
      { code: 'CHF', rate: 0.95 },
      { code: 'USD', rate: 1.1 },
    ]);
    expect(selection.workflows).toEqual({ createDate: false, closeDate: false });
  });

  it('invites the users no owner takes, only those with an e-mail, only when opted in', () => {
    const invited = setupSelection(plan, { ...settings, ownerOverrides: {} }).owners.invite;
    expect(invited).toEqual([{ sourceUserId: '2', name: 'Bob', email: 'bob@example.com' }]);
    const notOptedIn = setupSelection(plan, { ...settings, ownerOverrides: {}, inviteMissingUsers: false });
    expect(notOptedIn.owners.invite).toEqual([]);
  });
});
