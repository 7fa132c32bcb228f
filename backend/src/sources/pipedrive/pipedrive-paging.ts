/** Pipedrive's two pagination styles, adapted to the shared page generator (http-client/paging.ts). */
import { type Page, pagesFrom } from '../../http-client/paging.js';

/** Pipedrive's largest page (v2 `limit` ≤ 500; v1 lists take the same). */
export const PAGE_SIZE = 500;

interface CursorList<T> {
  data?: T[] | null;
  additional_data?: { next_cursor?: string | null } | null;
}

interface OffsetList<T> {
  data?: T[] | null;
  additional_data?: { pagination?: { more_items_in_collection?: boolean; next_start?: number } | null } | null;
}

/** v2: `cursor` in, `additional_data.next_cursor` out (opaque, null on the last page). */
export function cursorPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<CursorList<T>>,
  from: string | null,
): AsyncGenerator<Page<T>> {
  return pagesFrom(async (cursor) => {
    const response = await fetchPage(cursor ?? undefined);
    return { items: response.data ?? [], next: response.additional_data?.next_cursor ?? null };
  }, from);
}

function parseStart(cursor: string): number {
  const start = Number(cursor);
  if (!Number.isSafeInteger(start) || start < 0) throw new Error(`not an offset cursor: ${cursor}`);
  return start;
}

/** v1: `start` in, `additional_data.pagination.next_start` out; our cursor is that offset as a string. */
export function offsetPages<T>(
  fetchPage: (start: number) => Promise<OffsetList<T>>,
  from: string | null,
): AsyncGenerator<Page<T>> {
  return pagesFrom(async (cursor) => {
    const response = await fetchPage(cursor === null ? 0 : parseStart(cursor));
    const pagination = response.additional_data?.pagination;
    const next = pagination?.more_items_in_collection ? (pagination.next_start ?? null) : null;
    return { items: response.data ?? [], next: next === null ? null : String(next) };
  }, from);
}
