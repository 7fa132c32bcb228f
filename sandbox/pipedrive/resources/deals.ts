/**
 * v2 /deals and /deals/archived. Deals are the one object whose deletions the API exposes:
 * `status=deleted` lists deals deleted in the last 30 days. Archived deals are left out of /deals
 * (since 2025-07-15), listed by /deals/archived and cannot be edited through the API.
 */
import { z } from 'zod';
import { callerOf } from '../http/context.js';
import { ok } from '../http/envelope.js';
import { ApiError, badRequest } from '../http/errors.js';
import { QueryParams } from '../http/params.js';
import type { RouteRegistry } from '../http/routes.js';
import { formatV2Time } from '../http/time.js';
import type { DealRecord, DealStatus } from '../store/types.js';
import {
  applyCustomFields,
  ensureLive,
  ensureUser,
  parseBody,
  renderCustomFields,
  renderLabels,
  type RenderView,
  renderViewOf,
  type ResourceContext,
} from './context.js';
import { checkDealIncludeFields, dealIncludedFields } from './deal-counts.js';
import { savedFilterMatcher } from './filter-conditions.js';
import { customFields, date, defined, id, instant, labelIds, visibleTo } from './inputs.js';
import { listPage, type ListSpec, type Matcher, type RecordWriter, registerV2Crud } from './v2-crud.js';

const DealBody = z.object({
  title: z.string().min(1).optional(),
  owner_id: id.optional(),
  person_id: id.nullable().optional(),
  org_id: id.nullable().optional(),
  pipeline_id: id.optional(),
  stage_id: id.optional(),
  value: z.number().optional(),
  currency: z.string().length(3).optional(),
  is_archived: z.boolean().optional(),
  archive_time: instant.nullable().optional(),
  status: z.enum(['open', 'won', 'lost']).optional(),
  probability: z.number().nullable().optional(),
  lost_reason: z.string().nullable().optional(),
  visible_to: visibleTo.optional(),
  close_time: instant.nullable().optional(),
  won_time: instant.nullable().optional(),
  lost_time: instant.nullable().optional(),
  expected_close_date: date.nullable().optional(),
  label_ids: labelIds.optional(),
  custom_fields: customFields.optional(),
});
type DealBody = z.infer<typeof DealBody>;

const STATUS_CODES: Record<DealStatus, number> = { open: 0, won: 1, lost: 2 };
const DEAL_LIST: ListSpec = { sortFields: ['id', 'update_time', 'add_time'], updatedSince: true, updatedUntil: true };

export function renderDeal(context: ResourceContext, deal: DealRecord, view: RenderView): Record<string, unknown> {
  return {
    id: deal.id,
    title: deal.title,
    creator_user_id: deal.creator_user_id,
    owner_id: deal.owner_id,
    person_id: deal.person_id,
    org_id: deal.org_id,
    pipeline_id: deal.pipeline_id,
    stage_id: deal.stage_id,
    value: deal.value,
    currency: deal.currency,
    add_time: formatV2Time(deal.add_time),
    update_time: formatV2Time(deal.update_time),
    stage_change_time: deal.stage_change_time,
    is_deleted: deal.is_deleted,
    is_archived: deal.is_archived,
    archive_time: deal.archive_time,
    status: deal.is_deleted ? 'deleted' : deal.status,
    probability: deal.probability,
    lost_reason: deal.lost_reason,
    visible_to: deal.visible_to,
    close_time: deal.close_time,
    won_time: deal.won_time,
    lost_time: deal.lost_time,
    expected_close_date: deal.expected_close_date,
    label_ids: deal.label_ids,
    ...renderLabels(context.store, 'deal', deal.label_ids, view),
    origin: deal.origin,
    origin_id: deal.origin_id,
    channel: deal.channel,
    channel_id: deal.channel_id,
    source_lead_id: deal.source_lead_id,
    arr: deal.arr,
    mrr: deal.mrr,
    acv: deal.acv,
    custom_fields: renderCustomFields(context.store, 'deal', deal.custom, view),
    ...dealIncludedFields(context.records, deal, view),
  };
}

export function registerDeals(routes: RouteRegistry, context: ResourceContext): RecordWriter {
  const collection = context.records.deal;
  const table = collection.table;
  // The lists are registered apart from the CRUD because of the status filter (the live-only default does not apply).
  const list = (path: string, operationId: string, cost: number, archived: boolean): void =>
    routes.add({
      method: 'get',
      path,
      operationId,
      spec: 'v2',
      cost,
      handler: (req, res) => {
        const params = new QueryParams(req.query);
        const view = renderViewOf(params);
        checkDealIncludeFields(view);
        const userId = callerOf(res).userId;
        const filterId = params.int('filter_id');
        // A saved filter replaces status, owner, person, organization, pipeline and stage ("If filter_id
        // is provided, this is ignored"); deleted deals stay out.
        const test = filterId === undefined ? null : savedFilterMatcher(context, 'deal', filterId);
        const { records, nextCursor } = listPage(collection, params, DEAL_LIST, [
          (index) => collection.visibleTo(index, userId),
          (index) => (table.columnAt('is_archived', index) === 1) === archived,
          ...(test === null
            ? [...statusMatchers(context, params), ...dealFilters(params, table.columnAt.bind(table))]
            : [
                (index: number) => collection.live(index),
                (index: number) => test(table.at(index) as unknown as Record<string, unknown>),
              ]),
        ]);
        res.json(
          ok(
            records.map((deal) => renderDeal(context, deal, view)),
            { next_cursor: nextCursor },
          ),
        );
      },
    });
  list('/api/v2/deals', 'getDeals', 10, false);
  list('/api/v2/deals/archived', 'getArchivedDeals', 20, true);

  return registerV2Crud(routes, {
    collection,
    path: '/api/v2/deals',
    noun: 'Deal',
    get: { operationId: 'getDeal', cost: 1 },
    add: {
      operationId: 'addDeal',
      cost: 5,
      status: 200,
      parse: (input, userId) => newDeal(context, parseBody(DealBody, input), userId),
    },
    update: {
      operationId: 'updateDeal',
      cost: 5,
      parse: (input, existing) => dealPatch(context, parseBody(DealBody, input), existing),
    },
    remove: { operationId: 'deleteDeal', cost: 3 },
    render: (deal, view) => renderDeal(context, deal, view),
  });
}

/** Omitted status = every deal that is not deleted; `deleted` = deleted within the last 30 days. */
function statusMatchers(context: ResourceContext, params: QueryParams): Matcher[] {
  const collection = context.records.deal;
  const statuses = params.list('status');
  if (!statuses) return [(index) => collection.live(index)];
  const allowed = ['open', 'won', 'lost', 'deleted'];
  const unknown = statuses.find((status) => !allowed.includes(status));
  if (unknown) throw badRequest(`Parameter status must be a comma-separated list of: ${allowed.join(', ')}`);
  const codes = new Set(
    statuses.filter((status): status is DealStatus => status !== 'deleted').map((status) => STATUS_CODES[status]),
  );
  const withDeleted = statuses.includes('deleted');
  return [
    (index) =>
      collection.live(index)
        ? codes.has(collection.table.columnAt('status', index))
        : withDeleted && collection.exists(index),
  ];
}

function dealFilters(params: QueryParams, columnAt: (name: string, index: number) => number): Matcher[] {
  const matchers: Matcher[] = [];
  for (const name of ['owner_id', 'person_id', 'org_id', 'pipeline_id', 'stage_id']) {
    const value = params.int(name);
    if (value !== undefined) matchers.push((index) => columnAt(name, index) === value);
  }
  return matchers;
}

function now(context: ResourceContext): string {
  return formatV2Time(context.clock.now().getTime());
}

function checkReferences(context: ResourceContext, body: DealBody): void {
  ensureUser(context, body.owner_id);
  ensureLive(context.records.person, body.person_id, 'person_id');
  ensureLive(context.records.organization, body.org_id, 'org_id');
  if (body.pipeline_id !== undefined) ensureLive(context.records.pipeline, body.pipeline_id, 'pipeline_id');
}

/** The stage a deal lands in: the given one, or the first stage of the given (or first) pipeline. */
function placement(context: ResourceContext, body: DealBody): { pipeline_id: number; stage_id: number } {
  if (body.stage_id !== undefined) {
    const stage = context.records.stage.findLive(body.stage_id);
    if (!stage) throw badRequest(`stage_id: ${body.stage_id} not found`);
    if (body.pipeline_id !== undefined && body.pipeline_id !== stage.pipeline_id)
      throw badRequest('stage_id does not belong to pipeline_id');
    return { pipeline_id: stage.pipeline_id, stage_id: stage.id };
  }
  const pipelineId =
    body.pipeline_id ?? [...context.records.pipeline.liveRecords()].sort((a, b) => a.order_nr - b.order_nr)[0]?.id;
  const stage = [...context.records.stage.liveRecords()]
    .filter((candidate) => candidate.pipeline_id === pipelineId)
    .sort((a, b) => a.order_nr - b.order_nr)[0];
  if (pipelineId === undefined || !stage) throw badRequest('The pipeline has no stages');
  return { pipeline_id: pipelineId, stage_id: stage.id };
}

/** Won/lost/close times follow the status, as Pipedrive sets them. */
function statusTimes(context: ResourceContext, body: DealBody, previous: DealRecord | undefined): Partial<DealRecord> {
  const status = body.status ?? previous?.status ?? 'open';
  if (body.lost_reason !== undefined && body.lost_reason !== null && status !== 'lost')
    throw badRequest('lost_reason can only be set if deal status is lost');
  if (body.won_time && status !== 'won') throw badRequest('won_time can only be set if deal status is won');
  if (body.lost_time && status !== 'lost') throw badRequest('lost_time can only be set if deal status is lost');
  if (body.close_time && status === 'open')
    throw badRequest('close_time can only be set if deal status is won or lost');
  if (body.status === undefined || body.status === previous?.status) {
    return defined({
      won_time: body.won_time,
      lost_time: body.lost_time,
      close_time: body.close_time,
      lost_reason: body.lost_reason,
    });
  }
  const at = now(context);
  if (status === 'won') {
    const won = body.won_time ?? at;
    return {
      won_time: won,
      lost_time: null,
      close_time: body.close_time ?? won,
      first_won_time: previous?.first_won_time ?? won,
      lost_reason: null,
    };
  }
  if (status === 'lost') {
    const lost = body.lost_time ?? at;
    return {
      lost_time: lost,
      won_time: null,
      close_time: body.close_time ?? lost,
      lost_reason: body.lost_reason ?? null,
    };
  }
  return { won_time: null, lost_time: null, close_time: null, lost_reason: null };
}

function newDeal(
  context: ResourceContext,
  body: DealBody,
  userId: number,
): Omit<DealRecord, 'id' | 'add_time' | 'update_time' | 'is_deleted'> {
  if (!body.title) throw badRequest('Validation failed: title: Required');
  checkReferences(context, body);
  const owner = body.owner_id ?? userId;
  return {
    title: body.title,
    creator_user_id: userId,
    owner_id: owner,
    person_id: body.person_id ?? null,
    org_id: body.org_id ?? null,
    ...placement(context, body),
    value: body.value ?? 0,
    currency: body.currency ?? context.store.user(owner)?.default_currency ?? 'EUR',
    stage_change_time: null,
    is_archived: body.is_archived ?? false,
    archive_time: body.is_archived ? (body.archive_time ?? now(context)) : null,
    status: body.status ?? 'open',
    probability: body.probability ?? null,
    lost_reason: null,
    visible_to: body.visible_to ?? 3,
    close_time: null,
    won_time: null,
    lost_time: null,
    first_won_time: null,
    expected_close_date: body.expected_close_date ?? null,
    label_ids: body.label_ids ?? [],
    origin: 'API',
    origin_id: null,
    channel: null,
    channel_id: null,
    source_lead_id: null,
    arr: null,
    mrr: null,
    acv: null,
    custom: applyCustomFields(context, 'deal', body.custom_fields, {}),
    ...statusTimes(context, body, undefined),
  };
}

function dealPatch(context: ResourceContext, body: DealBody, existing: DealRecord): Partial<DealRecord> {
  if (existing.is_archived) throw new ApiError(403, 'Archived deals cannot be edited');
  checkReferences(context, body);
  const relocating =
    body.stage_id !== undefined || (body.pipeline_id !== undefined && body.pipeline_id !== existing.pipeline_id);
  const place = relocating ? placement(context, body) : undefined;
  const moved = place !== undefined && place.stage_id !== existing.stage_id;
  const archiving = body.is_archived === true && !existing.is_archived;
  return {
    ...defined({
      title: body.title,
      owner_id: body.owner_id,
      person_id: body.person_id,
      org_id: body.org_id,
      value: body.value,
      currency: body.currency,
      status: body.status,
      probability: body.probability,
      visible_to: body.visible_to,
      expected_close_date: body.expected_close_date,
      label_ids: body.label_ids,
      is_archived: body.is_archived,
    }),
    ...place,
    ...(moved ? { stage_change_time: now(context) } : {}),
    ...(archiving ? { archive_time: body.archive_time ?? now(context) } : {}),
    ...statusTimes(context, body, existing),
    custom: applyCustomFields(context, 'deal', body.custom_fields, existing.custom),
  };
}
