/**
 * v1 offset paging over a table: `start` / `limit` and a `sort` such as "add_time DESC".
 * Deep offsets walk the sorted order from the top, which v1 does too (it is why v2 has cursors).
 */
import { badRequest } from '../http/errors.js';
import type { QueryParams } from '../http/params.js';
import type { Collection } from '../store/collection.js';
import type { EntityRecords, RecordEntity } from '../store/store.js';
import type { Matcher } from './v2-crud.js';

export interface V1TablePage<T> {
  records: T[];
  pagination: { start: number; limit: number; more_items_in_collection: boolean; next_start?: number };
}

export function pageTableV1<E extends RecordEntity>(
  collection: Collection<E>,
  params: QueryParams,
  options: { sortFields: readonly string[]; maxLimit: number; matches: Matcher },
): V1TablePage<EntityRecords[E]> {
  const start = params.start();
  const limit = params.limit(options.maxLimit, Math.min(100, options.maxLimit));
  const [field = 'id', rawDirection = 'ASC'] = (params.string('sort') ?? 'id ASC').trim().split(/\s+/);
  const direction = rawDirection.toUpperCase();
  if (!options.sortFields.includes(field) || (direction !== 'ASC' && direction !== 'DESC')) {
    throw badRequest(`Parameter sort must be "<field> ASC|DESC" with a field among: ${options.sortFields.join(', ')}`);
  }
  const page = collection.table.page({
    sortBy: field,
    direction: direction === 'DESC' ? 'desc' : 'asc',
    limit: start + limit,
    matches: options.matches,
  });
  const records = page.indices.slice(start).map((index) => collection.table.at(index));
  return {
    records,
    pagination: {
      start,
      limit,
      more_items_in_collection: page.hasMore,
      ...(page.hasMore ? { next_start: start + limit } : {}),
    },
  };
}
