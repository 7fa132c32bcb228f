/** Success envelopes: `{ success, data, additional_data }`, with v2 cursor and v1 offset paging. */

export function ok(data: unknown, additional?: Record<string, unknown>): Record<string, unknown> {
  return additional ? { success: true, data, additional_data: additional } : { success: true, data };
}

export interface V1Page<T> {
  items: T[];
  pagination: { start: number; limit: number; more_items_in_collection: boolean; next_start?: number };
}

/** Offset paging over an in-memory list (v1 `start` / `limit`). */
export function pageV1<T>(all: readonly T[], start: number, limit: number): V1Page<T> {
  const items = all.slice(start, start + limit);
  const more = start + limit < all.length;
  return {
    items,
    pagination: { start, limit, more_items_in_collection: more, ...(more ? { next_start: start + limit } : {}) },
  };
}
