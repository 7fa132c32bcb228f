import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pageAll, START, startTestSandbox, type TestSandbox } from './support.js';

const HOUR = 60 * 60 * 1000;
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('updated_since', () => {
  let test: TestSandbox;
  const changed = { persons: [] as number[], deals: [] as number[], organizations: [] as number[] };
  let deletedPerson = 0;

  beforeAll(async () => {
    test = await startTestSandbox({ dataset: { records: 400, seed: 21 } });
    const { state } = test.sandbox;
    state.advanceClock(HOUR);
    const live = (entity: 'person' | 'deal' | 'organization'): number[] =>
      [...state.records[entity].liveRecords()]
        .filter((record) => entity !== 'deal' || !('is_archived' in record && record.is_archived))
        .map((record) => record.id);
    const [personA, personB, personC] = live('person');
    const [dealA] = live('deal');
    const [orgA] = live('organization');
    if (!personA || !personB || !personC || !dealA || !orgA) throw new Error('dataset too small');
    await test.call('PATCH', `/api/v2/persons/${personA}`, { body: { job_title: 'Changed by the API' } });
    const created = await test.call<{ data: { id: number } }>('POST', '/api/v2/persons', {
      body: { name: 'New Person' },
    });
    // A change made "in Pipedrive's UI" counts the same.
    await test.call('PATCH', `/_sandbox/records/persons/${personB}`, { body: { name: 'Renamed in the UI' } });
    await test.call('PATCH', `/api/v2/deals/${dealA}`, { body: { value: 4242 } });
    await test.call('PATCH', `/api/v2/organizations/${orgA}`, { body: { name: 'Renamed Org' } });
    await test.call('DELETE', `/api/v2/persons/${personC}`);
    changed.persons = [personA, created.body.data.id, personB].sort((a, b) => a - b);
    changed.deals = [dealA];
    changed.organizations = [orgA];
    deletedPerson = personC;
  });
  afterAll(async () => {
    await test.close();
  });

  it.each(['persons', 'deals', 'organizations'] as const)('returns exactly the changed %s', async (resource) => {
    const { items } = await pageAll<{ id: number }>(
      test,
      `/api/v2/${resource}?limit=500&updated_since=${iso(START.getTime() + HOUR)}`,
    );
    expect(items.map((item) => item.id).sort((a, b) => a - b)).toEqual(changed[resource]);
  });

  it('leaves deleted persons out of the list (they have no deletion feed)', async () => {
    const { items } = await pageAll<{ id: number }>(
      test,
      `/api/v2/persons?limit=500&updated_since=${iso(START.getTime())}`,
    );
    expect(items.map((item) => item.id)).not.toContain(deletedPerson);
  });

  it('is inclusive, and updated_until is exclusive', async () => {
    const at = iso(START.getTime() + HOUR);
    const until = await pageAll<{ id: number }>(
      test,
      `/api/v2/persons?limit=500&updated_since=${iso(START.getTime() - 365 * 24 * HOUR)}&updated_until=${at}`,
    );
    expect(until.items.map((item) => item.id)).not.toEqual(expect.arrayContaining(changed.persons));
    const since = await pageAll<{ id: number }>(
      test,
      `/api/v2/persons?limit=500&updated_since=${at}&updated_until=${iso(START.getTime() + HOUR + 1000)}`,
    );
    expect(since.items.map((item) => item.id).sort((a, b) => a - b)).toEqual(changed.persons);
  });

  it('rejects times v2 does not accept', async () => {
    expect((await test.call('GET', '/api/v2/persons?updated_since=2026-03-10%2009:00:00')).status).toBe(400);
    expect((await test.call('GET', '/api/v2/persons?updated_since=2026-03-10T09:00:00.000Z')).status).toBe(400);
    expect((await test.call('GET', '/api/v2/pipelines?updated_since=2026-03-10T09:00:00Z')).status).toBe(400);
  });

  it('sorts by update time, newest last', async () => {
    const { items } = await pageAll<{ id: number; update_time: string }>(
      test,
      `/api/v2/persons?limit=500&sort_by=update_time&updated_since=${iso(START.getTime())}`,
    );
    const times = items.map((item) => item.update_time);
    expect(times).toEqual([...times].sort());
  });
});
