/**
 * Paged lists as async generators of pages, each page carrying the cursor that resumes right after it
 * (null after the last page), so a caller can checkpoint after every page. Each API's client adapts its
 * own paging style (Pipedrive's next_cursor or start offset, HubSpot's paging.next.after) to `fetchPage`.
 */

export interface Page<T> {
  items: T[];
  /** Resumes right after this page; null after the last page. */
  next: string | null;
}

/** Yields page after page from `from` (null: the start) until a page has no next cursor. */
export async function* pagesFrom<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  from: string | null,
): AsyncGenerator<Page<T>> {
  let cursor = from;
  for (;;) {
    const page = await fetchPage(cursor);
    yield page;
    if (page.next === null) return;
    cursor = page.next;
  }
}

/** Every item of a short list (fields, pipelines, properties); never for records, which are streamed. */
export async function collectPages<T>(pages: AsyncGenerator<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages) items.push(...page.items);
  return items;
}
