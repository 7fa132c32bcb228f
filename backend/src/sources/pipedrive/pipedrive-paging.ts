/**
 * Pipedrive's two pagination styles as async generators of pages, each page carrying the cursor that
 * resumes right after it (null after the last page), so a caller can checkpoint after every page.
 */

/** Pipedrive's largest page (v2 `limit` ≤ 500; v1 lists take the same). */
export const PAGE_SIZE = 500;

export interface Page<T> {
  items: T[];
  next: string | null;
}

interface CursorList<T> {
  data?: T[] | null;
  additional_data?: { next_cursor?: string | null } | null;
}

interface OffsetList<T> {
  data?: T[] | null;
  additional_data?: { pagination?: { more_items_in_collection?: boolean; next_start?: number } | null } | null;
}

/** v2: `cursor` in, `additional_data.next_cursor` out (opaque, null on the last page). */
export async function* cursorPages<T>(fetchPage: (cursor: string | undefined) => Promise<CursorList<T>>, from: string | null): AsyncGenerator<Page<T>> {
  let cursor = from ?? undefined;
  for (;;) {
    const response = await fetchPage(cursor);
    const next = response.additional_data?.next_cursor ?? null;
    yield { items: response.data ?? [], next };
    if (next === null) return;
    cursor = next;
  }
}

function parseStart(cursor: string): number {
  const start = Number(cursor);
  if (!Number.isSafeInteger(start) || start < 0) throw new Error(`not an offset cursor: ${cursor}`);
  return start;
}

/** v1: `start` in, `additional_data.pagination.next_start` out; our cursor is that offset as a string. */
export async function* offsetPages<T>(fetchPage: (start: number) => Promise<OffsetList<T>>, from: string | null): AsyncGenerator<Page<T>> {
  let start = from === null ? 0 : parseStart(from);
  for (;;) {
    const response = await fetchPage(start);
    const pagination = response.additional_data?.pagination;
    const next = pagination?.more_items_in_collection ? pagination.next_start ?? null : null;
    yield { items: response.data ?? [], next: next === null ? null : String(next) };
    if (next === null) return;
    start = next;
  }
}

/** Every item of a short list (fields, pipelines, stages); never for records, which are streamed. */
export async function collectPages<T>(pages: AsyncGenerator<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages) items.push(...page.items);
  return items;
}
