import { describe, expect, it } from '@jest/globals';
import { collectPages, type Page } from '../../backend/src/http-client/paging.js';
import { cursorPages, offsetPages } from '../../backend/src/sources/pipedrive/pipedrive-paging.js';
import { toPipedriveTime, toSourceRecord } from '../../backend/src/sources/pipedrive/pipedrive-readers.js';

async function all<T>(pages: AsyncGenerator<Page<T>>): Promise<Page<T>[]> {
  const seen: Page<T>[] = [];
  for await (const page of pages) seen.push(page);
  return seen;
}

describe('paging', () => {
  const cursorList = {
    a: { data: [1, 2], next: 'b' },
    b: { data: [3], next: 'c' },
    c: { data: [4], next: null },
  } as const;
  const fetchCursor = async (cursor: string | undefined) => {
    const page = cursorList[(cursor ?? 'a') as keyof typeof cursorList];
    return { data: [...page.data], additional_data: { next_cursor: page.next } };
  };

  it('follows v2 next_cursor and hands out the cursor that resumes after each page', async () => {
    expect(await all(cursorPages(fetchCursor, null))).toEqual([
      { items: [1, 2], next: 'b' },
      { items: [3], next: 'c' },
      { items: [4], next: null },
    ]);
    expect(await collectPages(cursorPages(fetchCursor, 'c'))).toEqual([4]);
  });

  const rows = [10, 11, 12, 13, 14];
  const fetchOffset = async (start: number) => {
    const items = rows.slice(start, start + 2);
    const more = start + 2 < rows.length;
    return {
      data: items,
      additional_data: {
        pagination: { start, limit: 2, more_items_in_collection: more, ...(more ? { next_start: start + 2 } : {}) },
      },
    };
  };

  it('follows v1 offsets, with the next start as the resume cursor', async () => {
    expect(await all(offsetPages(fetchOffset, null))).toEqual([
      { items: [10, 11], next: '2' },
      { items: [12, 13], next: '4' },
      { items: [14], next: null },
    ]);
    expect(await collectPages(offsetPages(fetchOffset, '4'))).toEqual([14]);
    await expect(collectPages(offsetPages(fetchOffset, 'abc'))).rejects.toThrow('not an offset cursor');
  });
});

describe('records', () => {
  it('flattens v2 custom_fields under their field codes and keeps the v2 value shapes', () => {
    const hash = 'a'.repeat(40);
    const person = {
      id: 42,
      update_time: '2026-01-02T03:04:05Z',
      name: 'Ada',
      custom_fields: { [hash]: { value: 500, currency: 'EUR' } },
    };
    expect(toSourceRecord(person)).toEqual({
      id: '42',
      updatedAt: '2026-01-02T03:04:05.000Z',
      values: { id: 42, update_time: '2026-01-02T03:04:05Z', name: 'Ada', [hash]: { value: 500, currency: 'EUR' } },
    });
  });

  it('reads v1 zone-less UTC times and tolerates a missing one', () => {
    expect(toSourceRecord({ id: 1, update_time: '2026-01-02 03:04:05' }).updatedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(toSourceRecord({ id: 2, update_time: null }).updatedAt).toBeNull();
  });

  it('sends `since` without fractional seconds, as v2 requires', () => {
    expect(toPipedriveTime('2026-01-02T03:04:05.678Z')).toBe('2026-01-02T03:04:05Z');
    expect(toPipedriveTime('2026-01-02T05:04:05+02:00')).toBe('2026-01-02T03:04:05Z');
    expect(() => toPipedriveTime('yesterday')).toThrow('not an ISO 8601 time');
  });
});
