/**
 * How one source page is cut into write batches for one plan row. A row may take only some of a page's
 * records (an activity row takes one activity type), so the page is cut by the row's records — up to 100
 * kept ones per batch — not by position: slicing the page by 100 wrote activity batches of ~30 and
 * tripled their calls (bench/RESULTS.md). Each batch says where the page resumes after it (`end`), and
 * counts the row's records it consumed (`read`) and those a record filter left out (`skipped`).
 */
export interface PageBatch<T> {
  records: T[];
  /** The page position after this batch: the cursor's `skip` once it is committed. */
  end: number;
  read: number;
  skipped: number;
}

export function pageBatches<T>(
  page: readonly T[],
  from: number,
  rules: { belongs: (record: T) => boolean; keep: (record: T) => boolean; size: number },
): PageBatch<T>[] {
  const batches: PageBatch<T>[] = [];
  let current: PageBatch<T> = { records: [], end: from, read: 0, skipped: 0 };
  for (let index = from; index < page.length; index += 1) {
    const record = page[index] as T;
    current.end = index + 1;
    if (!rules.belongs(record)) continue;
    current.read += 1;
    if (!rules.keep(record)) {
      current.skipped += 1;
      continue;
    }
    current.records.push(record);
    if (current.records.length === rules.size) {
      batches.push(current);
      current = { records: [], end: index + 1, read: 0, skipped: 0 };
    }
  }
  if (from >= page.length) return batches;
  // The rest of the page: its own batch when it holds records of the row, else the last batch ends there.
  const last = batches.at(-1);
  if (current.read > 0 || !last) batches.push({ ...current, end: page.length });
  else last.end = page.length;
  return batches;
}
