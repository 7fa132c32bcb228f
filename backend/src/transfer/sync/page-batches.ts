/**
 * How a row's source pages are cut into write batches. A row may take only some of a page's records (an
 * activity row takes one activity type), so batches are cut by the row's records — up to 100 kept ones per
 * batch — not by position: slicing each page by 100 wrote activity batches of ~30 and tripled their calls
 * (bench/RESULTS.md). A batch is not closed at a page's end either: it goes on into the next page, so a row
 * makes ceil(records / 100) writes, not one more partial batch per page (an activity type takes ~150 of a
 * page of 500; deals end their list, then their archived list). Each batch says where the row resumes after
 * it (`cursor`: the page it ends in and the position after its last record there), and counts the row's
 * records it consumed (`read`) and those a record filter left out (`skipped`).
 */

export interface RowCursor {
  /** The page to read again (null: the first, or none left once the row's pages ended). */
  page: string | null;
  /** How many of that page's records are done. */
  skip: number;
}

export interface RowBatch<T> {
  records: T[];
  /** Where the row resumes once this batch is committed. */
  cursor: RowCursor;
  read: number;
  skipped: number;
}

export interface SourcePage<T> {
  records: readonly T[];
  /** The cursor of the next page, null after the last one. */
  cursor: string | null;
}

/**
 * The batches of pages read from `from.page`, the first `from.skip` records of that page already done. The
 * last batch holds what is left when the pages end (possibly no kept record, only counts), with the cursor
 * past the last page; none when nothing was left.
 */
export async function* rowBatches<T>(
  pages: AsyncIterable<SourcePage<T>>,
  from: RowCursor,
  rules: { belongs: (record: T) => boolean; keep: (record: T) => boolean; size: number },
): AsyncGenerator<RowBatch<T>> {
  let pageStart = from.page;
  let skip = from.skip;
  let current = { records: [] as T[], read: 0, skipped: 0 };
  for await (const page of pages) {
    for (let index = skip; index < page.records.length; index += 1) {
      const record = page.records[index] as T;
      if (!rules.belongs(record)) continue;
      current.read += 1;
      if (!rules.keep(record)) {
        current.skipped += 1;
        continue;
      }
      current.records.push(record);
      if (current.records.length < rules.size) continue;
      const end = index + 1;
      const cursor = end >= page.records.length ? { page: page.cursor, skip: 0 } : { page: pageStart, skip: end };
      yield { ...current, cursor };
      current = { records: [], read: 0, skipped: 0 };
    }
    pageStart = page.cursor;
    skip = 0;
    if (page.cursor === null) break;
  }
  if (current.read > 0) yield { ...current, cursor: { page: null, skip: 0 } };
}
