/** v1 /filters: saved filters of the account (definitions only; the sandbox does not apply them). */
import { ok } from '../http/envelope.js';
import { notFound } from '../http/errors.js';
import { QueryParams } from '../http/params.js';
import type { RouteRegistry } from '../http/routes.js';
import type { FilterRecord, FilterType } from '../store/types.js';
import { idParam, type ResourceContext } from './context.js';

const FILTER_TYPES: readonly FilterType[] = ['deals', 'leads', 'org', 'people', 'products', 'activity', 'projects'];

export function renderFilter(filter: FilterRecord, withConditions: boolean): Record<string, unknown> {
  return {
    id: filter.id,
    name: filter.name,
    filter_code: null,
    is_editable: true,
    active_flag: filter.active_flag,
    type: filter.type,
    temporary_flag: null,
    user_id: filter.user_id,
    add_time: filter.add_time,
    update_time: filter.update_time,
    visible_to: String(filter.visible_to),
    last_used_time: null,
    custom_view_id: null,
    ...(withConditions ? { conditions: filter.conditions } : {}),
  };
}

export function registerFilters(routes: RouteRegistry, context: ResourceContext): void {
  routes.add({
    method: 'get',
    path: '/v1/filters',
    operationId: 'getFilters',
    spec: 'v1',
    cost: 20,
    handler: (req, res) => {
      const type = new QueryParams(req.query).oneOf('type', FILTER_TYPES);
      const filters = context.store.filters.filter((filter) => type === undefined || filter.type === type);
      res.json(ok(filters.map((filter) => renderFilter(filter, false))));
    },
  });
  routes.add({
    method: 'get',
    path: '/v1/filters/:id',
    operationId: 'getFilter',
    spec: 'v1',
    cost: 2,
    handler: (req, res) => {
      const id = idParam(req);
      const filter = context.store.filters.find((candidate) => candidate.id === id);
      if (!filter) throw notFound('Filter');
      res.json(ok(renderFilter(filter, true)));
    },
  });
}
