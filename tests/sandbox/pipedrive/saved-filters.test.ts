import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pageAll, START, startTestSandbox, type TestSandbox } from './support.js';

interface Deal {
  id: number;
  owner_id: number;
  status: string;
  value: number;
  pipeline_id: number;
  expected_close_date: string | null;
}
interface Person {
  id: number;
  name: string;
  emails: { value: string }[];
}

describe('saved filters (filter_id) on the lists', () => {
  let test: TestSandbox;
  let dealField: (key: string) => string;
  let personField: (key: string) => string;
  let deals: Deal[];
  let persons: Person[];

  const addFilter = (body: unknown) =>
    test.call<{ success: boolean; data: { id: number }; error?: string }>('POST', '/v1/filters', { body });
  const conditions = (and: unknown[], or: unknown[] = []) => ({
    glue: 'and',
    conditions: [
      { glue: 'and', conditions: and },
      { glue: 'or', conditions: or },
    ],
  });

  beforeAll(async () => {
    test = await startTestSandbox({ dataset: { records: 300, seed: 8 } });
    // Conditions name fields by their v1 id, which the v2 field lists do not show: read from the sandbox.
    const fieldsOf = (entity: 'deal' | 'person') => (key: string) =>
      String(test.sandbox.state.store.fields.all(entity).find((field) => field.key === key)?.id);
    dealField = fieldsOf('deal');
    personField = fieldsOf('person');
    deals = (await pageAll<Deal>(test, '/api/v2/deals?limit=500')).items;
    persons = (await pageAll<Person>(test, '/api/v2/persons?limit=500')).items;
  });
  afterAll(async () => {
    await test.close();
  });

  it('keeps the records every "and" condition and one "or" condition of the filter hold for, across pages', async () => {
    const [owner] = deals.map((deal) => deal.owner_id);
    const added = await addFilter({
      name: 'Open or won deals of one owner over 500',
      type: 'deals',
      conditions: conditions(
        [
          { object: 'deal', field_id: dealField('owner_id'), operator: '=', value: String(owner) },
          { object: 'deal', field_id: dealField('value'), operator: '>', value: '500' },
        ],
        [
          { object: 'deal', field_id: dealField('status'), operator: '=', value: 'open' },
          { object: 'deal', field_id: dealField('status'), operator: '=', value: 'won' },
        ],
      ),
    });
    expect(added.status).toBe(200);
    const expected = deals
      .filter((deal) => deal.owner_id === owner && deal.value > 500 && ['open', 'won'].includes(deal.status))
      .map((deal) => deal.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(deals.length);
    const listed = await pageAll<Deal>(test, `/api/v2/deals?limit=7&filter_id=${added.body.data.id}`);
    expect(listed.items.map((deal) => deal.id)).toEqual(expected);
    // "If filter_id is provided, this is ignored": the owner, pipeline and status parameters.
    const ignoring = await pageAll<Deal>(
      test,
      `/api/v2/deals?limit=500&filter_id=${added.body.data.id}&owner_id=999999&status=lost&pipeline_id=999999`,
    );
    expect(ignoring.items.map((deal) => deal.id)).toEqual(expected);
    // The v1 summary counts the same deals.
    const summary = await test.call<{ data: { total_count: number } }>(
      'GET',
      `/v1/deals/summary?filter_id=${added.body.data.id}&user_id=999999`,
    );
    expect(summary.body.data.total_count).toBe(expected.length);
  });

  it('compares days (relative ones too), text by prefix or part, and empty values', async () => {
    const today = START.toISOString().slice(0, 10);
    const byDay = await addFilter({
      name: 'Expected to close before today',
      type: 'deals',
      conditions: conditions([
        { object: 'deal', field_id: dealField('expected_close_date'), operator: '<', value: 'today' },
      ]),
    });
    const due = await pageAll<Deal>(test, `/api/v2/deals?limit=500&filter_id=${byDay.body.data.id}`);
    expect(due.items.map((deal) => deal.id)).toEqual(
      deals
        .filter((deal) => deal.expected_close_date !== null && deal.expected_close_date < today)
        .map((deal) => deal.id),
    );

    const [sample] = persons.filter((person) => person.name.length > 3);
    const part = sample!.name.slice(1, 4);
    const byName = await addFilter({
      name: 'Name contains',
      type: 'people',
      conditions: conditions([
        { object: 'person', field_id: personField('name'), operator: "LIKE '%$%'", value: part },
      ]),
    });
    const named = await pageAll<Person>(test, `/api/v2/persons?limit=500&filter_id=${byName.body.data.id}`);
    expect(named.items.map((person) => person.id)).toEqual(
      persons.filter((person) => person.name.toLowerCase().includes(part.toLowerCase())).map((person) => person.id),
    );

    const noEmail = await addFilter({
      name: 'No e-mail',
      type: 'people',
      conditions: conditions([{ object: 'person', field_id: personField('emails'), operator: 'IS NULL', value: null }]),
    });
    const without = await pageAll<Person>(test, `/api/v2/persons?limit=500&filter_id=${noEmail.body.data.id}`);
    expect(without.items.map((person) => person.id)).toEqual(
      persons.filter((person) => person.emails.length === 0).map((person) => person.id),
    );
  });

  it('refuses what it cannot apply, with the reason, and filters of another kind or unknown ids', async () => {
    const badOperator = await addFilter({
      name: 'Regex',
      type: 'deals',
      conditions: conditions([{ object: 'deal', field_id: dealField('title'), operator: 'REGEXP', value: '^A' }]),
    });
    expect(badOperator.status).toBe(400);
    expect(badOperator.body.error).toMatch(/operator REGEXP is not one of/);
    const otherObject = await addFilter({
      name: 'Deals of people named Ann',
      type: 'deals',
      conditions: conditions([{ object: 'person', field_id: personField('name'), operator: '=', value: 'Ann' }]),
    });
    expect(otherObject.status).toBe(400);
    expect(otherObject.body.error).toMatch(/a condition on person in a deals filter/);
    const unknownField = await addFilter({
      name: 'Unknown field',
      type: 'deals',
      conditions: conditions([{ object: 'deal', field_id: '987654', operator: '=', value: '1' }]),
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error).toMatch(/deal field 987654 does not exist/);

    const people = await addFilter({ name: 'Everyone', type: 'people', conditions: conditions([]) });
    const wrongKind = await test.call<{ error: string }>('GET', `/api/v2/deals?filter_id=${people.body.data.id}`);
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error).toMatch(/people filter and cannot filter deal records/);
    const unknown = await test.call<{ error: string }>('GET', '/api/v2/persons?filter_id=424242');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/Filter 424242 not found/);
  });
});
