import { describe, expect, it } from '@jest/globals';
import { pageBatches } from '../../backend/src/transfer/sync/page-batches.js';

/** A page of activities: their type decides the plan row, `old` ones are left out by a record filter. */
const page = Array.from({ length: 500 }, (_, index) => ({
  id: index,
  type: index % 3 === 0 ? 'call' : 'task',
  old: index % 10 === 0,
}));
const calls = {
  belongs: (record: (typeof page)[number]) => record.type === 'call',
  keep: (record: (typeof page)[number]) => !record.old,
  size: 100,
};

describe('pageBatches', () => {
  it('fills batches of 100 with the row’s own records, not with 100 of the page’s', () => {
    const batches = pageBatches(page, 0, calls);
    const own = page.filter(calls.belongs);
    const kept = own.filter(calls.keep);
    expect(batches.map((batch) => batch.records.length)).toEqual([100, kept.length - 100]);
    expect(batches.flatMap((batch) => batch.records)).toEqual(kept);
    // Every record of the row is counted once, as read, and those filtered out as skipped.
    expect(batches.reduce((sum, batch) => sum + batch.read, 0)).toBe(own.length);
    expect(batches.reduce((sum, batch) => sum + batch.skipped, 0)).toBe(own.length - kept.length);
    // A batch ends right after its last record, so a resumed page starts after it; the last one at the page's end.
    expect(batches[0]?.end).toBe(page.indexOf(kept[99] as (typeof page)[number]) + 1);
    expect(batches.at(-1)?.end).toBe(page.length);
  });

  it('resumes at a position, and a page with nothing for the row still moves the cursor to its end', () => {
    const resumed = pageBatches(page, 450, calls);
    expect(resumed.flatMap((batch) => batch.records).every((record) => record.id >= 450)).toBe(true);
    expect(resumed.at(-1)?.end).toBe(page.length);
    const none = pageBatches(page, 0, { ...calls, belongs: () => false });
    expect(none).toEqual([{ records: [], end: page.length, read: 0, skipped: 0 }]);
    expect(pageBatches(page, page.length, calls)).toEqual([]);
  });
});
