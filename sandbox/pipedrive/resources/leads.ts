/**
 * v1 /leads, /leads/archived, /leads/{id} and /leadLabels. Leads have UUID ids, their own person,
 * organization and value, and times in RFC 3339 with milliseconds (unlike every other v1 object).
 * /leads holds only leads that are not archived, /leads/archived only archived ones. Leads inherit
 * the deals' custom fields, but a value only appears when set; the sandbox sets none.
 */
import { callerOf } from '../http/context.js';
import { ok } from '../http/envelope.js';
import { badRequest, notFound } from '../http/errors.js';
import { QueryParams } from '../http/params.js';
import type { RouteRegistry } from '../http/routes.js';
import type { LeadLabelRecord, LeadRecord } from '../store/types.js';
import type { ResourceContext } from './context.js';

const SORT_FIELDS = [
  'id',
  'title',
  'owner_id',
  'creator_id',
  'was_seen',
  'expected_close_date',
  'next_activity_id',
  'add_time',
  'update_time',
] as const;

function leadTime(ms: number): string {
  return new Date(ms).toISOString();
}

export function renderLead(context: ResourceContext, lead: LeadRecord): Record<string, unknown> {
  return {
    id: lead.id,
    title: lead.title,
    owner_id: lead.owner_id,
    creator_id: lead.creator_id,
    label_ids: lead.label_ids,
    person_id: lead.person_id,
    organization_id: lead.organization_id,
    source_name: lead.origin === 'API' ? 'API' : 'Manually created',
    origin: lead.origin,
    origin_id: null,
    channel: lead.channel,
    channel_id: null,
    source_deal_id: lead.source_deal_id,
    is_archived: lead.is_archived,
    was_seen: lead.was_seen,
    value: lead.value,
    expected_close_date: lead.expected_close_date,
    next_activity_id: null,
    add_time: leadTime(lead.add_time),
    update_time: leadTime(lead.update_time),
    visible_to: String(lead.visible_to),
    cc_email: `${context.store.company.domain}+${context.store.company.id}+lead${lead.id.slice(0, 8)}@sandbox.pipedrivemail.com`,
  };
}

function renderLeadLabel(label: LeadLabelRecord): Record<string, unknown> {
  return {
    id: label.id,
    name: label.name,
    color: label.color,
    add_time: leadTime(label.add_time),
    update_time: leadTime(label.update_time),
  };
}

function sortKey(lead: LeadRecord, field: (typeof SORT_FIELDS)[number]): string | number | boolean | null {
  return field === 'next_activity_id' ? null : lead[field];
}

export function registerLeads(routes: RouteRegistry, context: ResourceContext): void {
  const { store } = context;
  const list = (path: string, operationId: string, cost: number, archived: boolean): void =>
    routes.add({
      method: 'get',
      path,
      operationId,
      spec: 'v1',
      cost,
      handler: (req, res) => {
        const params = new QueryParams(req.query);
        if (params.string('filter_id') !== undefined)
          throw badRequest('Parameter filter_id is not supported by the sandbox');
        const userId = callerOf(res).userId;
        const owner = params.int('owner_id');
        const person = params.int('person_id');
        const organization = params.int('organization_id');
        // /leads/archived documents no updated_since.
        const rawSince = archived ? undefined : params.string('updated_since');
        const since = rawSince === undefined ? undefined : Date.parse(rawSince);
        if (since !== undefined && Number.isNaN(since))
          throw badRequest('Parameter updated_since must be an ISO 8601 time');
        const [field = 'add_time', rawDirection = 'ASC'] = (params.string('sort') ?? 'add_time ASC')
          .trim()
          .split(/\s+/);
        const sortField = SORT_FIELDS.find((candidate) => candidate === field);
        const direction = rawDirection.toUpperCase();
        if (!sortField || (direction !== 'ASC' && direction !== 'DESC'))
          throw badRequest(`Parameter sort must be "<field> ASC|DESC" with a field among: ${SORT_FIELDS.join(', ')}`);
        const start = params.start();
        const limit = params.limit(500, 100);
        const matching = store.leads.filter(
          (lead) =>
            lead.is_archived === archived &&
            store.canSee(userId, lead) &&
            (owner === undefined || lead.owner_id === owner) &&
            (person === undefined || lead.person_id === person) &&
            (organization === undefined || lead.organization_id === organization) &&
            (since === undefined || lead.update_time >= since),
        );
        const sign = direction === 'DESC' ? -1 : 1;
        const sorted = [...matching].sort((a, b) => {
          const left = sortKey(a, sortField);
          const right = sortKey(b, sortField);
          return (
            sign *
            (left === right ? a.add_time - b.add_time : left === null ? -1 : right === null ? 1 : left < right ? -1 : 1)
          );
        });
        const items = sorted.slice(start, start + limit);
        res.json(
          ok(
            items.map((lead) => renderLead(context, lead)),
            { start, limit, more_items_in_collection: start + limit < sorted.length },
          ),
        );
      },
    });
  list('/v1/leads', 'getLeads', 20, false);
  list('/v1/leads/archived', 'getArchivedLeads', 40, true);
  routes.add({
    method: 'get',
    path: '/v1/leads/:id',
    operationId: 'getLead',
    spec: 'v1',
    cost: 2,
    handler: (req, res) => {
      const lead = store.leads.find((candidate) => candidate.id === req.params.id);
      if (!lead || !store.canSee(callerOf(res).userId, lead)) throw notFound('Lead');
      res.json(ok(renderLead(context, lead)));
    },
  });
  routes.add({
    method: 'get',
    path: '/v1/leadLabels',
    operationId: 'getLeadLabels',
    spec: 'v1',
    cost: 10,
    handler: (_req, res) => {
      res.json(ok(store.leadLabels.map(renderLeadLabel)));
    },
  });
}
