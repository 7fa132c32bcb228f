import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createFrozenClock } from '../../../sandbox/common/clock.js';
import { plannedCounts } from '../../../sandbox/pipedrive/dataset/generate.js';
import { PipedriveSandboxState } from '../../../sandbox/pipedrive/index.js';
import { pageAll, START, startTestSandbox, type TestSandbox } from './support.js';

const generated = (seed: number, records = 3000): PipedriveSandboxState =>
  new PipedriveSandboxState({ clock: createFrozenClock(START), dataset: { records, seed } });

describe('the seeded generator', () => {
  const state = generated(7);
  const all = <E extends keyof PipedriveSandboxState['records']>(entity: E) =>
    [...state.records[entity].table.scan()].map((index) => state.records[entity].table.at(index));

  it('is deterministic by seed', () => {
    const again = generated(7);
    const other = generated(8);
    const snapshot = (sandbox: PipedriveSandboxState) => [...sandbox.records.person.liveRecords()].slice(0, 50);
    expect(snapshot(again)).toEqual(snapshot(state));
    expect(snapshot(other)).not.toEqual(snapshot(state));
  });

  it('generates exactly the requested number of records across objects', () => {
    for (const records of [100, 3000, 123_457])
      expect(Object.values(plannedCounts(records)).reduce((sum, count) => sum + count, 0)).toBe(records);
    const stored = [
      'person',
      'organization',
      'deal',
      'product',
      'activity',
      'dealProduct',
      'note',
      'file',
      'participant',
      'organizationRelationship',
    ] as const;
    expect(stored.reduce((sum, entity) => sum + state.records[entity].table.size, 0)).toBe(3000);
  });

  it('gives persons several, shared and missing emails and phones', () => {
    const persons = all('person');
    expect(persons.some((person) => person.emails.length === 0)).toBe(true);
    expect(persons.some((person) => person.emails.length >= 2)).toBe(true);
    expect(persons.some((person) => person.phones.length >= 2)).toBe(true);
    const emails = persons.flatMap((person) => person.emails.map((email) => email.value));
    expect(new Set(emails).size).toBeLessThan(emails.length);
    // Names beyond Latin Extended-B (U+024F): scripts and emoji a transfer must keep intact.
    expect(persons.some((person) => [...person.name].some((char) => (char.codePointAt(0) ?? 0) > 0x24f))).toBe(true);
  });

  it('spreads deals over pipelines, stages, statuses and currencies, with close times', () => {
    const deals = all('deal');
    expect(new Set(deals.map((deal) => deal.pipeline_id)).size).toBe(3);
    expect(new Set(deals.map((deal) => deal.stage_id)).size).toBeGreaterThan(8);
    expect(new Set(deals.map((deal) => deal.currency)).size).toBeGreaterThanOrEqual(4);
    expect(
      deals
        .filter((deal) => deal.status === 'won')
        .every((deal) => deal.won_time !== null && deal.close_time === deal.won_time),
    ).toBe(true);
    expect(
      deals
        .filter((deal) => deal.status === 'lost')
        .every((deal) => deal.lost_time !== null && deal.lost_reason !== null),
    ).toBe(true);
    expect(deals.some((deal) => deal.is_archived)).toBe(true);
    expect(deals.some((deal) => deal.is_deleted)).toBe(true);
  });

  it('fills every custom field type on every object', () => {
    for (const entity of ['deal', 'person', 'organization', 'product'] as const) {
      const filled = new Set(all(entity).flatMap((record) => Object.keys(record.custom)));
      const types = state.store.fields
        .custom(entity)
        .filter((field) => filled.has(String(field.id)))
        .map((field) => field.field_type);
      expect(new Set(types).size).toBe(18);
    }
    expect(state.store.fields.custom('activity')).toHaveLength(18);
  });

  it('has every activity type, notes in HTML, files, users who left, filters and deleted records', () => {
    const types = new Set(all('activity').map((activity) => activity.type));
    for (const type of ['call', 'meeting', 'task', 'deadline', 'email', 'lunch', 'demo']) expect(types).toContain(type);
    expect(state.store.activityTypes.some((type) => type.is_custom_flag)).toBe(true);
    expect(all('note').every((note) => note.content.startsWith('<'))).toBe(true);
    expect(state.records.file.table.size).toBeGreaterThan(0);
    expect(state.records.dealProduct.table.size).toBeGreaterThan(0);
    expect(state.records.participant.table.size).toBeGreaterThan(0);
    expect(state.records.organizationRelationship.table.size).toBeGreaterThan(0);
    expect(state.store.users.some((user) => !user.active_flag)).toBe(true);
    expect(state.store.filters.length).toBeGreaterThan(3);
    expect(all('person').some((person) => person.is_deleted)).toBe(true);
  });
});

describe('loading a dataset file', () => {
  it('loads an exact scenario, with defaults for what it leaves out', () => {
    const state = new PipedriveSandboxState({
      clock: createFrozenClock(START),
      dataset: {
        json: {
          plan: 'lite',
          seats: 2,
          users: [{ id: 7, name: 'Only User', email: 'only@example.com', is_admin: true }],
          fields: { deal: [{ name: 'Tier', field_type: 'enum', options: ['Gold', 'Silver'] }] },
          organizations: [{ id: 10, name: 'Acme' }],
          persons: [{ id: 5, name: 'Jane Roe', org_id: 10, emails: [{ value: 'jane@acme.example', primary: true }] }],
          deals: [
            {
              id: 3,
              title: 'Big one',
              person_id: 5,
              org_id: 10,
              status: 'won',
              value: 100,
              currency: 'USD',
              custom_fields: {},
            },
          ],
        },
      },
    });
    expect(state.settings()).toMatchObject({ plan: 'lite', seats: 2 });
    expect(state.records.person.find(5)).toMatchObject({
      name: 'Jane Roe',
      first_name: 'Jane',
      last_name: 'Roe',
      owner_id: 7,
    });
    expect(state.records.deal.find(3)).toMatchObject({ pipeline_id: 1, stage_id: 1, status: 'won' });
    expect(state.store.activityTypes.map((type) => type.key_string)).toContain('lunch');
    expect(state.store.fields.custom('deal')).toHaveLength(1);
  });

  it('fails loudly on a broken reference', () => {
    expect(
      () => new PipedriveSandboxState({ dataset: { json: { persons: [{ id: 1, name: 'A', org_id: 99 }] } } }),
    ).toThrow('persons[id=1]: organization 99 does not exist');
  });
});

describe('changing the account between two audits (inspection)', () => {
  let test: TestSandbox;
  beforeAll(async () => {
    test = await startTestSandbox({ dataset: { records: 120, seed: 17 } });
  });
  afterAll(async () => {
    await test.close();
  });

  it('adds fields, renames options, adds stages and deletes records', async () => {
    const field = await test.call<{ key: string; options: { id: number; label: string }[] }>(
      'POST',
      '/_sandbox/fields/deal',
      { body: { name: 'Region', field_type: 'enum', options: ['North', 'South'] } },
    );
    expect(field.status).toBe(201);
    const optionId = field.body.options[0]?.id;
    await test.call('PATCH', `/_sandbox/fields/deal/${field.body.key}/options`, {
      body: [{ id: optionId, label: 'Põhi' }],
    });
    const read = await test.call<{ data: { options: { id: number; label: string }[] } }>(
      'GET',
      `/api/v2/dealFields/${field.body.key}`,
    );
    expect(read.body.data.options.find((option) => option.id === optionId)?.label).toBe('Põhi');

    const stage = await test.call<{ id: number; pipeline_id: number }>('POST', '/_sandbox/records/stages', {
      body: { name: 'Contract signed', pipeline_id: 2 },
    });
    expect(stage.status).toBe(201);
    const stages = await pageAll<{ id: number }>(test, '/api/v2/stages?pipeline_id=2');
    expect(stages.items.map((item) => item.id)).toContain(stage.body.id);

    const person = [...test.sandbox.state.records.person.liveRecords()][0]?.id;
    expect((await test.call('DELETE', `/_sandbox/records/persons/${person}`)).status).toBe(204);
    expect(
      (await test.call<{ data: { is_deleted: boolean } }>('GET', `/api/v2/persons/${person}`)).body.data.is_deleted,
    ).toBe(true);

    expect((await test.call('DELETE', `/_sandbox/fields/deal/${field.body.key}`)).status).toBe(204);
    expect((await test.call('GET', `/api/v2/dealFields/${field.body.key}`)).status).toBe(404);
  });

  it('replaces the data with a new generated dataset, and resets', async () => {
    const replaced = await test.call<{ records: { person: number } }>('POST', '/_sandbox/dataset', {
      body: { generate: { records: 40, seed: 2 } },
    });
    expect(replaced.body.records.person).toBe(plannedCounts(40).persons);
    expect((await test.call('POST', '/_sandbox/reset')).status).toBe(204);
    const overview = await test.call<{ records: { person: number } }>('GET', '/_sandbox');
    expect(overview.body.records.person).toBe(plannedCounts(120).persons);
  });

  it('moves the clock', async () => {
    const moved = await test.call<{ now: string }>('POST', '/_sandbox/clock', { body: { advanceMs: 60_000 } });
    expect(moved.body.now).toBe(new Date(START.getTime() + 60_000).toISOString());
  });
});
