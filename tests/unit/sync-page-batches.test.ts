import { describe, expect, it } from '@jest/globals';
import { type RowBatch, rowBatches, type RowCursor } from '../../backend/src/transfer/sync/page-batches.js';

/** Activities: their type decides the plan row, `old` ones are left out by a record filter. */
interface Activity {
  id: number;
  type: 'call' | 'task';
  old: boolean;
}
const PAGE = 500;
const activities: Activity[] = Array.from({ length: 3 * PAGE - 120 }, (_, index) => ({
  id: index,
  type: index % 3 === 0 ? 'call' : 'task',
  old: index % 10 === 0,
}));
const calls = {
  belongs: (record: Activity) => record.type === 'call',
  keep: (record: Activity) => !record.old,
  size: 100,
};

/** The source's pages of 500 read from a page cursor (null: the first): `p1`, `p2`, … name the later ones. */
async function* pagesFrom(cursor: string | null) {
  for (let page = cursor === null ? 0 : Number(cursor.slice(1)); page * PAGE < activities.length; page += 1) {
    const next = (page + 1) * PAGE < activities.length ? `p${page + 1}` : null;
    yield { records: activities.slice(page * PAGE, (page + 1) * PAGE), cursor: next };
  }
}

async function batchesFrom(from: RowCursor, rules = calls): Promise<RowBatch<Activity>[]> {
  const batches: RowBatch<Activity>[] = [];
  for await (const batch of rowBatches(pagesFrom(from.page), from, rules)) batches.push(batch);
  return batches;
}

const ids = (batches: readonly RowBatch<Activity>[]) => batches.flatMap((batch) => batch.records.map((r) => r.id));

describe('rowBatches', () => {
  it('fills batches of 100 with the row’s own records across pages: ceil(records / 100) batches', async () => {
    const batches = await batchesFrom({ page: null, skip: 0 });
    const own = activities.filter(calls.belongs);
    const kept = own.filter(calls.keep);
    // A page holds ~150 calls: cut per page, each would end with a partial batch.
    expect(batches.map((batch) => batch.records.length)).toEqual([
      ...Array.from({ length: Math.floor(kept.length / 100) }, () => 100),
      kept.length % 100,
    ]);
    expect(ids(batches)).toEqual(kept.map((record) => record.id));
    // Every record of the row is counted once, as read, and those filtered out as skipped.
    expect(batches.reduce((sum, batch) => sum + batch.read, 0)).toBe(own.length);
    expect(batches.reduce((sum, batch) => sum + batch.skipped, 0)).toBe(own.length - kept.length);
    expect(batches.at(-1)?.cursor).toEqual({ page: null, skip: 0 });
  });

  it('resumes after any batch at the record after its last one', async () => {
    const batches = await batchesFrom({ page: null, skip: 0 });
    for (const [index, batch] of batches.slice(0, -1).entries()) {
      const rest = await batchesFrom(batch.cursor);
      expect(ids(rest)).toEqual(ids(batches.slice(index + 1)));
    }
    // A batch ending on a page's last record resumes at the next page.
    const atPageEnd = await batchesFrom({ page: 'p1', skip: 0 }, { ...calls, size: 1 });
    const lastOfPage = atPageEnd.find((batch) => batch.records[0]?.id === 999);
    expect(lastOfPage?.cursor).toEqual({ page: 'p2', skip: 0 });
  });

  it('makes no batch when the row has nothing left, and a last one for records only filtered out', async () => {
    expect(await batchesFrom({ page: null, skip: 0 }, { ...calls, belongs: () => false })).toEqual([]);
    expect(await batchesFrom({ page: 'p2', skip: activities.length - 2 * PAGE })).toEqual([]);
    const filtered = await batchesFrom({ page: null, skip: 0 }, { ...calls, keep: () => false });
    expect(filtered).toEqual([
      {
        records: [],
        read: activities.filter(calls.belongs).length,
        skipped: activities.filter(calls.belongs).length,
        cursor: { page: null, skip: 0 },
      },
    ]);
  });
});
