/**
 * The v2 record endpoints share one shape: a cursor-paged list with updated_since / updated_until,
 * sort_by / sort_direction and ids; a single read; POST, PATCH and (soft) DELETE. Each object gives
 * its filters, rendering and body parsing; this module does the rest.
 */
import type { Response } from 'express';
import { callerOf } from '../http/context.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { ok } from '../http/envelope.js';
import { ApiError, badRequest, notFound } from '../http/errors.js';
import { QueryParams } from '../http/params.js';
import type { RouteDef, RouteRegistry } from '../http/routes.js';
import type { ChangeMeta, Collection, Fields } from '../store/collection.js';
import type { EntityRecords, RecordEntity } from '../store/store.js';
import type { SortKey } from '../store/table.js';
import { DEFAULT_VIEW, idParam, type RenderView, renderViewOf, type ResourceContext } from './context.js';
import { type FilteredEntity, savedFilterMatcher } from './filter-conditions.js';

export type Matcher = (index: number) => boolean;

export interface Operation {
  operationId: string;
  cost: number;
}

export interface ListSpec {
  sortFields: readonly string[];
  updatedSince: boolean;
  updatedUntil: boolean;
  /** Sorts that are not table columns (e.g. products by name). */
  sortKeys?: Record<string, (index: number) => SortKey>;
}

export interface V2CrudSpec<E extends RecordEntity> {
  collection: Collection<E>;
  /** e.g. '/api/v2/persons' */
  path: string;
  /** For messages: 'Person'. */
  noun: string;
  list?: Operation &
    ListSpec & {
      filters?: (params: QueryParams) => Matcher[];
      /** `filter_id`: a saved filter of this kind of record, which replaces the list's other filters. */
      savedFilters?: { context: ResourceContext; entity: FilteredEntity };
    };
  get?: Operation;
  add?: Operation & { status: 200 | 201; parse: (input: unknown, userId: number) => Fields<EntityRecords[E]> };
  update?: Operation & {
    parse: (input: unknown, existing: EntityRecords[E], userId: number) => Partial<Fields<EntityRecords[E]>>;
  };
  remove?: Operation;
  render: (record: EntityRecords[E], view: RenderView) => Record<string, unknown>;
}

/** One page of a v2 listing; shared by every cursor-paged endpoint. */
export function listPage<E extends RecordEntity>(
  collection: Collection<E>,
  params: QueryParams,
  spec: ListSpec,
  matchers: Matcher[],
): { records: EntityRecords[E][]; nextCursor: string | null } {
  const sortBy = params.oneOf('sort_by', spec.sortFields) ?? 'id';
  const direction = params.oneOf('sort_direction', ['asc', 'desc'] as const) ?? 'asc';
  const limit = params.limit(500, 100);
  const rawCursor = params.string('cursor');
  const cursor = rawCursor ? decodeCursor(rawCursor, { field: sortBy, sortDirection: direction }) : undefined;
  const table = collection.table;
  const all = [...matchers];
  if (spec.updatedSince) {
    const since = params.time('updated_since');
    if (since !== undefined) all.push((index) => table.updateTimeAt(index) >= since);
  } else if (params.string('updated_since') !== undefined) {
    throw badRequest('Parameter updated_since is not supported by this endpoint');
  }
  if (spec.updatedUntil) {
    const until = params.time('updated_until');
    if (until !== undefined) all.push((index) => table.updateTimeAt(index) < until);
  }
  // "If filter_id is provided, this is ignored" (the v2 lists' ids).
  const ids = params.string('filter_id') === undefined ? params.ids('ids', 100) : undefined;
  if (ids) {
    const wanted = new Set(ids);
    all.push((index) => wanted.has(table.idAt(index)));
  }
  const keyAt = spec.sortKeys?.[sortBy];
  const page = table.page({
    sortBy,
    ...(keyAt ? { keyAt } : {}),
    direction,
    ...(cursor ? { after: { value: cursor.fieldValue, id: cursor.id } } : {}),
    limit,
    matches: (index) => all.every((match) => match(index)),
  });
  const last = page.indices[page.indices.length - 1];
  const nextCursor =
    page.hasMore && last !== undefined
      ? encodeCursor({
          field: sortBy,
          fieldValue: sortValue(keyAt ? keyAt(last) : table.numericKeyAt(sortBy, last)),
          sortDirection: direction,
          id: table.idAt(last),
        })
      : null;
  return { records: page.indices.map((index) => table.at(index)), nextCursor };
}

function sortValue(value: SortKey): SortKey | null {
  return typeof value === 'number' && Number.isNaN(value) ? null : value;
}

/** The rows a saved filter keeps; a list without saved filters refuses `filter_id`. */
function savedFilterRows<E extends RecordEntity>(
  list: NonNullable<V2CrudSpec<E>['list']>,
  collection: Collection<E>,
  filterId: number,
): Matcher {
  if (!list.savedFilters) throw badRequest('Parameter filter_id is not supported by this endpoint');
  const test = savedFilterMatcher(list.savedFilters.context, list.savedFilters.entity, filterId);
  return (index) => test(collection.table.at(index) as unknown as Record<string, unknown>);
}

export function registerV2Crud<E extends RecordEntity>(routes: RouteRegistry, spec: V2CrudSpec<E>): RecordWriter {
  const { collection } = spec;
  const route = (def: Omit<RouteDef, 'spec'>): void => routes.add({ ...def, spec: 'v2' });
  // A record the caller may not see is answered like a missing one.
  const found = (id: number, userId: number): EntityRecords[E] => {
    const record = collection.find(id);
    if (!record || !collection.recordVisibleTo(record, userId)) throw notFound(spec.noun);
    return record;
  };

  if (spec.list) {
    const list = spec.list;
    route({
      method: 'get',
      path: spec.path,
      operationId: list.operationId,
      cost: list.cost,
      handler: (req, res) => {
        const params = new QueryParams(req.query);
        const view = renderViewOf(params);
        const userId = callerOf(res).userId;
        const filterId = params.int('filter_id');
        const matchers = [
          (index: number) => collection.listed(index) && collection.visibleTo(index, userId),
          ...(filterId === undefined ? (list.filters?.(params) ?? []) : [savedFilterRows(list, collection, filterId)]),
        ];
        const { records, nextCursor } = listPage(collection, params, list, matchers);
        res.json(
          ok(
            records.map((record) => spec.render(record, view)),
            { next_cursor: nextCursor },
          ),
        );
      },
    });
  }
  if (spec.get) {
    route({
      method: 'get',
      path: `${spec.path}/:id`,
      ...spec.get,
      handler: (req, res) => {
        // A deleted record stays readable (is_deleted: true) until the 30-day purge.
        res.json(ok(spec.render(found(idParam(req), callerOf(res).userId), renderViewOf(new QueryParams(req.query)))));
      },
    });
  }
  const writer = recordWriter(spec);
  if (spec.add) {
    const status = spec.add.status;
    route({
      method: 'post',
      path: spec.path,
      operationId: spec.add.operationId,
      cost: spec.add.cost,
      handler: (req, res) => {
        res.status(status).json(ok(writer.create(req.body, apiChange(res))));
      },
    });
  }
  if (spec.update) {
    route({
      method: 'patch',
      path: `${spec.path}/:id`,
      operationId: spec.update.operationId,
      cost: spec.update.cost,
      handler: (req, res) => {
        const id = idParam(req);
        found(id, callerOf(res).userId);
        res.json(ok(writer.update(id, req.body, apiChange(res))));
      },
    });
  }
  if (spec.remove) {
    route({
      method: 'delete',
      path: `${spec.path}/:id`,
      ...spec.remove,
      handler: (req, res) => {
        const id = idParam(req);
        found(id, callerOf(res).userId);
        writer.remove(id, apiChange(res));
        res.json(ok({ id }));
      },
    });
  }
  return writer;
}

function apiChange(res: Response): ChangeMeta {
  return { userId: callerOf(res).userId, source: 'api' };
}

/** Writes through the object's own body rules; the API routes and the inspection endpoint both use it. */
export interface RecordWriter {
  create(input: unknown, meta: ChangeMeta): Record<string, unknown>;
  update(id: number, input: unknown, meta: ChangeMeta): Record<string, unknown>;
  remove(id: number, meta: ChangeMeta): void;
}

function recordWriter<E extends RecordEntity>(spec: V2CrudSpec<E>): RecordWriter {
  const { collection } = spec;
  return {
    create(input, meta) {
      if (!spec.add) throw new ApiError(405, `${spec.noun} records cannot be created`);
      return spec.render(collection.create(spec.add.parse(input, meta.userId), meta), DEFAULT_VIEW);
    },
    update(id, input, meta) {
      if (!spec.update) throw new ApiError(405, `${spec.noun} records cannot be updated`);
      const existing = collection.findLive(id);
      if (!existing) throw notFound(spec.noun);
      const record = collection.update(id, spec.update.parse(input, existing, meta.userId), meta);
      if (!record) throw notFound(spec.noun);
      return spec.render(record, DEFAULT_VIEW);
    },
    remove(id, meta) {
      if (!collection.delete(id, meta)) throw notFound(spec.noun);
    },
  };
}
