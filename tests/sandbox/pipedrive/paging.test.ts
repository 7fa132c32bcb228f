import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { v2 } from 'pipedrive';
import { pageAll, startTestSandbox, type TestSandbox } from './support.js';

const COUNT = 1250;

/** 1,250 persons with known ids and staggered update times. */
function dataset(): unknown {
  return {
    now: '2026-03-10T09:00:00Z',
    persons: Array.from({ length: COUNT }, (_, index) => ({
      id: index + 1,
      name: `Person ${index + 1}`,
      add_time: new Date(Date.UTC(2025, 0, 1) + index * 60_000).toISOString(),
      // Update times deliberately out of id order and with ties, so keyset paging by update_time is tested.
      update_time: new Date(Date.UTC(2026, 0, 1) + ((index * 7919) % 400) * 60_000).toISOString(),
    })),
  };
}

describe('v2 cursor paging', () => {
  let test: TestSandbox;
  beforeAll(async () => {
    test = await startTestSandbox({ dataset: { json: dataset() } });
  });
  afterAll(async () => {
    await test.close();
  });

  it.each([
    ['by id', '/api/v2/persons?limit=500'],
    ['by id, descending', '/api/v2/persons?limit=500&sort_direction=desc'],
    ['by update_time with ties', '/api/v2/persons?limit=500&sort_by=update_time'],
    ['by add_time, small pages', '/api/v2/persons?limit=97&sort_by=add_time&sort_direction=desc'],
  ])('returns each of the 1,250 records exactly once (%s)', async (_name, path) => {
    const { items, pages } = await pageAll<{ id: number }>(test, path);
    const ids = items.map((item) => item.id);
    expect(ids).toHaveLength(COUNT);
    expect(new Set(ids).size).toBe(COUNT);
    expect(Math.min(...ids)).toBe(1);
    expect(Math.max(...ids)).toBe(COUNT);
    expect(pages).toBe(Math.ceil(COUNT / Number(new URL(path, 'http://x').searchParams.get('limit'))));
  });

  it('orders pages by the sort field, then id', async () => {
    const { items } = await pageAll<{ id: number; update_time: string }>(
      test,
      '/api/v2/persons?limit=500&sort_by=update_time',
    );
    const keys = items.map((item) => [item.update_time, item.id] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    expect(keys).toEqual(sorted);
  });

  it('pages to the end through the official client', async () => {
    const api = new v2.PersonsApi(
      new v2.Configuration({ apiKey: test.sandbox.state.apiToken(), basePath: `${test.sandbox.apiBaseUrl}/api/v2` }),
    );
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.getPersons({ limit: 500, ...(cursor ? { cursor } : {}) });
      seen.push(...(page.data ?? []).map((person) => person.id ?? 0));
      cursor = page.additional_data?.next_cursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(COUNT);
    expect(seen).toHaveLength(COUNT);
  });

  it('keeps a cursor valid when records change between pages', async () => {
    const first = await test.call<{ data: { id: number }[]; additional_data: { next_cursor: string } }>(
      'GET',
      '/api/v2/persons?limit=500',
    );
    await test.call('PATCH', '/api/v2/persons/1', { body: { name: 'Changed meanwhile' } });
    await test.call('POST', '/api/v2/persons', { body: { name: 'Added meanwhile' } });
    const rest = await pageAll<{ id: number }>(
      test,
      '/api/v2/persons?limit=500',
      first.body.additional_data.next_cursor,
    );
    const ids = [...first.body.data.map((item) => item.id), ...rest.items.map((item) => item.id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(COUNT + 1);
  });

  it('caps limit at 500 and rejects a cursor from another sort', async () => {
    expect((await test.call('GET', '/api/v2/persons?limit=501')).status).toBe(400);
    const byId = await test.call<{ additional_data: { next_cursor: string } }>('GET', '/api/v2/persons?limit=10');
    expect(
      (
        await test.call(
          'GET',
          `/api/v2/persons?limit=10&sort_by=update_time&cursor=${byId.body.additional_data.next_cursor}`,
        )
      ).status,
    ).toBe(400);
  });

  it('pages v1 notes by offset to the end', async () => {
    for (let index = 0; index < 7; index += 1)
      await test.call('POST', '/v1/notes', { body: { content: `<p>Note ${index}</p>`, person_id: index + 1 } });
    const seen: number[] = [];
    let start = 0;
    let more = true;
    while (more) {
      const reply = await test.call<{
        data: { id: number }[];
        additional_data: { pagination: { more_items_in_collection: boolean; next_start?: number } };
      }>('GET', `/v1/notes?start=${start}&limit=3`);
      seen.push(...reply.body.data.map((note) => note.id));
      more = reply.body.additional_data.pagination.more_items_in_collection;
      start = reply.body.additional_data.pagination.next_start ?? start;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });
});
