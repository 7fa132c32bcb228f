/**
 * v1 /filters: the account's saved filters (list, read, add). The lists apply them by `filter_id`
 * (filter-conditions.ts); a filter is checked the same way when it is added, so one the sandbox cannot
 * apply is refused then, with the reason.
 */
import { z } from 'zod';
import { callerOf } from '../http/context.js';
import { ok } from '../http/envelope.js';
import { badRequest, notFound } from '../http/errors.js';
import { QueryParams } from '../http/params.js';
import type { RouteRegistry } from '../http/routes.js';
import { formatV1Time } from '../http/time.js';
import type { FilterRecord, FilterType } from '../store/types.js';
import { idParam, parseBody, type ResourceContext } from './context.js';
import { filterTest } from './filter-conditions.js';

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

const Condition = z.object({
  object: z.string(),
  field_id: z.union([z.string(), z.number()]).transform(String),
  operator: z.string(),
  value: z
    .union([z.string(), z.number()])
    .nullable()
    .default(null)
    .transform((value) => (value === null ? null : String(value))),
  extra_value: z
    .union([z.string(), z.number()])
    .nullable()
    .default(null)
    .transform((value) => (value === null ? null : String(value))),
});
const AddFilterBody = z.object({
  name: z.string().min(1),
  type: z.enum(FILTER_TYPES as unknown as [FilterType, ...FilterType[]]),
  conditions: z.object({
    glue: z.literal('and'),
    conditions: z.array(z.object({ glue: z.enum(['and', 'or']), conditions: z.array(Condition) })),
  }),
});

/** "Only two second level condition groups are supported of which one must be glued with AND and the second with OR." */
function checkGroups(groups: readonly { glue: string }[]): void {
  const glues = groups.map((group) => group.glue);
  if (glues.length > 2 || new Set(glues).size !== glues.length)
    throw badRequest('The conditions support at most two groups: one glued with "and" and one with "or"');
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
    method: 'post',
    path: '/v1/filters',
    operationId: 'addFilter',
    spec: 'v1',
    cost: 10,
    handler: (req, res) => {
      const body = parseBody(AddFilterBody, req.body);
      checkGroups(body.conditions.conditions);
      const now = formatV1Time(context.clock.now().getTime());
      const filter: FilterRecord = {
        id: Math.max(0, ...context.store.filters.map((candidate) => candidate.id)) + 1,
        name: body.name,
        type: body.type,
        user_id: callerOf(res).userId,
        active_flag: true,
        visible_to: 1,
        add_time: now,
        update_time: now,
        conditions: {
          glue: 'and',
          conditions: body.conditions.conditions.map((group) => ({
            glue: group.glue,
            conditions: group.conditions.map((condition) => ({ ...condition, json_value_flag: false })),
          })),
        },
      };
      filterTest(context.store, context.clock, filter);
      context.store.filters.push(filter);
      res.json(ok(renderFilter(filter, true)));
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
