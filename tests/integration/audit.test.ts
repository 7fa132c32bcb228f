import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PIPEDRIVE_COUNT_KEYS } from '../../backend/src/sources/pipedrive/pipedrive-objects.js';
import type { RunningPipedriveSandbox } from '../../sandbox/pipedrive/index.js';
import { AuditComparison, type AuditResult, TransferResponse } from '../../shared/src/contracts/index.js';
import { type AuditHarness, startAuditHarness } from '../support/audit-harness.js';

let harness: AuditHarness;
/** What each custom field type becomes in HubSpot: the rules' intent, written down independently here. */
type Target = [kind: string, objectType: string | null, type: string, fieldType: string];
/** A property created on the field's own HubSpot object. */
const created = (type: string, fieldType: string): Target => ['created', null, type, fieldType];
const EXPECTED_TARGETS: Record<string, { supported: boolean; targets: Target[] }> = {
  varchar: { supported: true, targets: [created('string', 'text')] },
  varchar_auto: { supported: true, targets: [created('string', 'text')] },
  text: { supported: true, targets: [created('string', 'textarea')] },
  double: { supported: true, targets: [created('number', 'number')] },
  int: { supported: true, targets: [created('number', 'number')] },
  monetary: { supported: true, targets: [created('number', 'number'), created('string', 'text')] },
  date: { supported: true, targets: [created('date', 'date')] },
  daterange: { supported: true, targets: [created('date', 'date'), created('date', 'date')] },
  time: { supported: true, targets: [created('string', 'text')] },
  timerange: { supported: true, targets: [created('string', 'text'), created('string', 'text')] },
  enum: { supported: true, targets: [created('enumeration', 'select')] },
  set: { supported: true, targets: [created('enumeration', 'checkbox')] },
  phone: { supported: true, targets: [created('string', 'phonenumber')] },
  address: { supported: true, targets: Array.from({ length: 6 }, () => created('string', 'text')) },
  visible_to: { supported: false, targets: [] },
  // A user field becomes an owner property on the field's object; org and people fields become labelled associations.
  user: { supported: true, targets: [['owner', null, 'enumeration', 'select']] },
  org: { supported: true, targets: [['association', 'companies', 'association', 'USER_DEFINED']] },
  people: { supported: true, targets: [['association', 'contacts', 'association', 'USER_DEFINED']] },
};
const hubspotObjectOf: Record<string, string> = {
  person: 'contacts',
  organization: 'companies',
  deal: 'deals',
  product: 'products',
};

/** The live records of one sandbox entity, read from the sandbox's own store. */
const live = <E extends keyof RunningPipedriveSandbox['state']['records']>(entity: E) => [
  ...harness.pipedrive.state.records[entity].liveRecords(),
];

beforeAll(async () => {
  harness = await startAuditHarness({
    portalId: 31337,
    pipedrive: { dataset: { records: 3000, seed: 11 } },
    ownerEmails: (pipedrive) => pipedrive.state.store.users.slice(0, 2).map((user) => user.email),
  });
}, 60_000);

afterAll(async () => {
  await harness.close();
});

describe('the audit of a generated Pipedrive account', () => {
  let first: AuditResult;
  let firstId: string;

  beforeAll(async () => {
    const audit = await harness.runAudit();
    expect(audit.job.statusReason).toBeNull();
    expect(audit.job.status).toBe('COMPLETE');
    first = audit.result as AuditResult;
    firstId = audit.id;
  }, 90_000);

  it('runs as a transfer of kind audit with one finished task per counted object', async () => {
    const res = await harness.api('GET', `/api/v1/transfers/${firstId}`);
    expect(res.status).toBe(200);
    const transfer = TransferResponse.parse(res.body);
    expect([transfer.kind, transfer.job.status]).toEqual(['audit', 'COMPLETE']);
    // Tasks come in dependency order, as the connector lists its objects.
    expect(transfer.tasks.map((task) => task.object)).toEqual([...PIPEDRIVE_COUNT_KEYS]);
    expect(transfer.tasks.every((task) => task.status === 'done')).toBe(true);
    const read = Object.fromEntries(transfer.tasks.map((task) => [task.object, task.counts.read]));
    expect(read.persons).toBe(live('person').length);
    expect(read.organizations).toBe(live('organization').length);
    expect(read.activities).toBe(live('activity').length);
  });

  it('counts every object exactly as the account holds it', () => {
    const rows = Object.fromEntries(first.objects.map((row) => [row.key, row]));
    const dealsByStatus = (status: string) =>
      live('deal').filter((deal) => deal.status === status && !deal.is_archived).length;
    expect(rows.persons?.records).toBe(live('person').length);
    expect(rows.organizations?.records).toBe(live('organization').length);
    expect(rows.products?.records).toBe(live('product').length);
    expect(rows.notes?.records).toBe(live('note').length);
    expect(rows.deals?.breakdown).toEqual({
      open: dealsByStatus('open'),
      won: dealsByStatus('won'),
      lost: dealsByStatus('lost'),
    });
    const activities = live('activity');
    const ofTypes = (...types: string[]) =>
      activities.filter((activity) => types.includes(String(activity.type))).length;
    const activityRows = first.objects.filter((row) =>
      ['calls', 'meetings', 'tasks', 'emails'].includes(row.hubspotObject),
    );
    expect(activityRows.reduce((sum, row) => sum + row.records, 0)).toBe(activities.length);
    expect(activityRows.find((row) => row.hubspotObject === 'calls')?.records).toBe(ofTypes('call'));
    expect(activityRows.find((row) => row.hubspotObject === 'meetings')?.records).toBe(ofTypes('meeting', 'lunch'));
    expect(activityRows.find((row) => row.hubspotObject === 'emails')?.records).toBe(ofTypes('email'));
  });

  it('counts archived deals apart, and deals per pipeline and stage add up to the deal totals', () => {
    const archived = live('deal').filter((deal) => deal.is_archived);
    expect(first.holdings.find((row) => row.key === 'archived_deals')?.records).toBe(archived.length);
    const sumOf = (pick: (pipeline: AuditResult['pipelines'][number]) => number) =>
      first.pipelines.reduce((sum, pipeline) => sum + pick(pipeline), 0);
    const stagesAndClosed = (counts: AuditResult['pipelines'][number]['dealCounts']) =>
      Object.values(counts?.openByStage ?? {}).reduce((a, b) => a + b, 0) + (counts?.won ?? 0) + (counts?.lost ?? 0);
    expect(sumOf((pipeline) => stagesAndClosed(pipeline.dealCounts))).toBe(
      first.objects.find((row) => row.key === 'deals')?.records,
    );
    expect(sumOf((pipeline) => stagesAndClosed(pipeline.archivedDealCounts))).toBe(archived.length);
  });

  it('lists every custom field of every object with the right verdict and HubSpot type', () => {
    const objectsByEntity = {
      person: 'persons',
      organization: 'organizations',
      deal: 'deals',
      product: 'products',
    } as const;
    let checked = 0;
    for (const [entity, rowKey] of Object.entries(objectsByEntity)) {
      const audited = new Map((first.fields[rowKey] ?? []).map((field) => [field.key, field]));
      for (const definition of harness.pipedrive.state.store.fields.custom(entity as keyof typeof objectsByEntity)) {
        const field = audited.get(definition.key);
        expect(field).toBeDefined();
        // HubSpot products have no associations to contacts or companies: the linked record's name is kept as text.
        const linkFromProduct = entity === 'product' && ['org', 'people'].includes(definition.field_type);
        const expected = linkFromProduct
          ? { supported: true, targets: [['reference', null, 'string', 'text'] as Target] }
          : EXPECTED_TARGETS[definition.field_type];
        // Every custom field type the dataset uses must have an expectation: none is skipped.
        expect({ type: definition.field_type, known: expected !== undefined }).toEqual({
          type: definition.field_type,
          known: true,
        });
        if (!field || !expected) continue;
        expect({ key: field.key, label: field.label, type: field.sourceType }).toEqual({
          key: definition.key,
          label: definition.name,
          type: definition.field_type,
        });
        expect({ entity, type: definition.field_type, supported: field.supported }).toEqual({
          entity,
          type: definition.field_type,
          supported: expected.supported,
        });
        if (linkFromProduct) expect(field.reason).toMatch(/can’t be associated with .*name is kept as text/);
        expect(field.targets.map((target) => [target.kind, target.objectType, target.type, target.fieldType])).toEqual(
          expected.targets.map(([kind, objectType, type, fieldType]) => [
            kind,
            objectType ?? hubspotObjectOf[entity],
            type,
            fieldType,
          ]),
        );
        if (definition.options)
          expect(field.options?.map((option) => option.label)).toEqual(
            definition.options.map((option) => option.label),
          );
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('has every pipeline and stage, every user (matched to owners by email) and the currencies deals use', () => {
    const pipelines = live('pipeline');
    expect(first.pipelines.map((pipeline) => pipeline.name).sort()).toEqual(
      pipelines.map((pipeline) => pipeline.name).sort(),
    );
    for (const pipeline of first.pipelines) {
      const stages = live('stage').filter((stage) => String(stage.pipeline_id) === pipeline.id);
      expect(pipeline.stages.map((stage) => stage.name)).toEqual(
        stages.sort((a, b) => a.order_nr - b.order_nr).map((stage) => stage.name),
      );
      for (const stage of pipeline.stages)
        expect(stage.hubspotProbability * 10).toBeCloseTo(Math.round(stage.hubspotProbability * 10));
      expect(pipeline.closedStages.map((stage) => stage.hubspotProbability)).toEqual([1, 0]);
    }
    const users = harness.pipedrive.state.store.users;
    expect(first.users.map((user) => [user.id, user.email, user.active])).toEqual(
      users.map((user) => [String(user.id), user.email, user.active_flag]),
    );
    expect(
      first.users.filter((user) => user.hubspotOwnerId !== null).map((user) => [user.email, user.hubspotOwnerName]),
    ).toEqual([
      [users[0]?.email, 'Owner'],
      [users[1]?.email, 'Owner'],
    ]);
    const dealCurrencies = new Set(
      live('deal')
        .filter((deal) => !deal.is_archived)
        .map((deal) => deal.currency),
    );
    expect(new Set(first.currencies.filter((currency) => currency.used).map((currency) => currency.code))).toEqual(
      dealCurrencies,
    );
    expect(first.usage.tokens).toBeGreaterThan(0);
  });

  it('reports exactly what changed in the account on the next audit', async () => {
    const enumField = harness.pipedrive.state.store.fields
      .custom('deal')
      .find((field) => field.field_type === 'enum' && (field.options?.length ?? 0) > 0);
    const option = enumField?.options?.[0];
    if (!enumField || !option) throw new Error('the dataset has no deal enum field with options');
    const oldLabel = option.label; // the sandbox renames its option object in place
    const pipeline = live('pipeline')[0];
    const persons = live('person').slice(0, 3);
    const added = (await harness.pipedriveControl('POST', '/fields/deal', {
      name: 'Budget code',
      field_type: 'varchar',
    })) as { key: string };
    await harness.pipedriveControl('PATCH', `/fields/deal/${enumField.key}/options`, [
      { id: option.id, label: `${oldLabel} (renamed)` },
    ]);
    await harness.pipedriveControl('POST', '/records/stages', {
      name: 'Legal review',
      pipeline_id: pipeline?.id,
      deal_probability: 70,
    });
    for (const person of persons) await harness.pipedriveControl('DELETE', `/records/persons/${person.id}`);

    const second = await harness.runAudit();
    expect(second.job.status).toBe('COMPLETE');
    expect(second.previousAuditId).not.toBeNull();
    const comparison = AuditComparison.parse((await harness.api('GET', `/api/v1/audits/${second.id}/comparison`)).body);
    expect(comparison.fields).toEqual([
      {
        change: 'changed',
        id: enumField.key,
        label: enumField.name,
        objectKey: 'deals',
        details: [`Option renamed from "${oldLabel}" to "${oldLabel} (renamed)"`],
      },
      { change: 'added', id: added.key, label: 'Budget code', objectKey: 'deals', details: [] },
    ]);
    expect(comparison.pipelines).toEqual([
      {
        change: 'changed',
        id: String(pipeline?.id),
        label: pipeline?.name,
        objectKey: null,
        details: ['Stage "Legal review" added'],
      },
    ]);
    expect(comparison.records).toEqual([
      { key: 'persons', label: 'Persons', before: live('person').length + 3, after: live('person').length, delta: -3 },
    ]);
    expect(comparison).toMatchObject({ objects: [], users: [], currencies: [] });
  }, 90_000);
});
