/** v1 /notes (list, one, add) — notes have no v2 API. Content is HTML. */
import { z } from 'zod';
import { callerOf } from '../http/context.js';
import { ok } from '../http/envelope.js';
import { badRequest, notFound } from '../http/errors.js';
import { QueryParams } from '../http/params.js';
import type { RouteRegistry } from '../http/routes.js';
import { formatV1Time, parseRfc3339 } from '../http/time.js';
import type { NoteRecord } from '../store/types.js';
import { ensureLive, idParam, parseBody, type ResourceContext } from './context.js';
import { pageTableV1 } from './v1-paging.js';
import type { Matcher } from './v2-crud.js';

const flag = z.union([z.literal(0), z.literal(1), z.boolean()]).optional();
const NoteBody = z.object({
  content: z.string().min(1),
  deal_id: z.number().int().positive().optional(),
  person_id: z.number().int().positive().optional(),
  org_id: z.number().int().positive().optional(),
  lead_id: z.string().optional(),
  project_id: z.number().int().positive().optional(),
  user_id: z.number().int().positive().optional(),
  add_time: z.string().optional(),
  pinned_to_deal_flag: flag,
  pinned_to_person_flag: flag,
  pinned_to_organization_flag: flag,
  pinned_to_lead_flag: flag,
  pinned_to_project_flag: flag,
});

/** v1 accepts "YYYY-MM-DD HH:MM:SS" (UTC) and RFC 3339. */
function v1Time(value: string, name: string): number {
  const ms = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)
    ? Date.parse(`${value.replace(' ', 'T')}Z`)
    : parseRfc3339(value);
  if (ms === undefined || Number.isNaN(ms)) throw badRequest(`Parameter ${name} must be YYYY-MM-DD HH:MM:SS`);
  return ms;
}

export function renderNote(context: ResourceContext, note: NoteRecord, callerId: number): Record<string, unknown> {
  const { records, store } = context;
  const author = store.user(note.user_id);
  const deal = note.deal_id === null ? undefined : records.deal.find(note.deal_id);
  const person = note.person_id === null ? undefined : records.person.find(note.person_id);
  const org = note.org_id === null ? undefined : records.organization.find(note.org_id);
  return {
    id: note.id,
    active_flag: !note.is_deleted,
    add_time: formatV1Time(note.add_time),
    update_time: formatV1Time(note.update_time),
    content: note.content,
    deal_id: note.deal_id,
    deal: deal ? { title: deal.title } : null,
    person_id: note.person_id,
    person: person ? { name: person.name } : null,
    org_id: note.org_id,
    organization: org ? { name: org.name } : null,
    lead_id: note.lead_id,
    project_id: note.project_id,
    project: null,
    task_id: null,
    task: null,
    last_update_user_id: note.last_update_user_id,
    pinned_to_deal_flag: note.pinned_to_deal_flag,
    pinned_to_person_flag: note.pinned_to_person_flag,
    pinned_to_organization_flag: note.pinned_to_organization_flag,
    pinned_to_lead_flag: note.pinned_to_lead_flag,
    pinned_to_project_flag: note.pinned_to_project_flag,
    pinned_to_task_flag: false,
    user_id: note.user_id,
    user: author
      ? { email: author.email, icon_url: author.icon_url, is_you: author.id === callerId, name: author.name }
      : null,
  };
}

export function registerNotes(routes: RouteRegistry, context: ResourceContext): void {
  const collection = context.records.note;
  const table = collection.table;
  routes.add({
    method: 'get',
    path: '/v1/notes',
    operationId: 'getNotes',
    spec: 'v1',
    cost: 20,
    handler: (req, res) => {
      const params = new QueryParams(req.query);
      const matchers: Matcher[] = [(index) => collection.listed(index)];
      for (const name of ['user_id', 'deal_id', 'person_id', 'org_id']) {
        const value = params.int(name);
        if (value !== undefined) matchers.push((index) => table.columnAt(name, index) === value);
      }
      const since = params.string('updated_since');
      if (since !== undefined) {
        const ms = v1Time(since, 'updated_since');
        matchers.push((index) => table.updateTimeAt(index) >= ms);
      }
      const startDate = params.string('start_date');
      if (startDate !== undefined)
        matchers.push((index) => formatV1Time(table.addTimeAt(index)).slice(0, 10) >= startDate);
      const endDate = params.string('end_date');
      if (endDate !== undefined) matchers.push((index) => formatV1Time(table.addTimeAt(index)).slice(0, 10) <= endDate);
      const lead = params.string('lead_id');
      if (lead !== undefined) matchers.push((index) => table.at(index).lead_id === lead);
      for (const name of [
        'pinned_to_deal_flag',
        'pinned_to_person_flag',
        'pinned_to_organization_flag',
        'pinned_to_lead_flag',
        'pinned_to_project_flag',
      ] as const) {
        const value = params.flag(name);
        if (value !== undefined) matchers.push((index) => table.at(index)[name] === value);
      }
      const page = pageTableV1(collection, params, {
        sortFields: ['id', 'user_id', 'deal_id', 'person_id', 'org_id', 'add_time', 'update_time'],
        maxLimit: 500,
        matches: (index) => matchers.every((match) => match(index)),
      });
      const callerId = callerOf(res).userId;
      res.json(
        ok(
          page.records.map((note) => renderNote(context, note, callerId)),
          { pagination: page.pagination },
        ),
      );
    },
  });
  routes.add({
    method: 'get',
    path: '/v1/notes/:id',
    operationId: 'getNote',
    spec: 'v1',
    cost: 2,
    handler: (req, res) => {
      const note = collection.findLive(idParam(req));
      if (!note) throw notFound('Note');
      res.json(ok(renderNote(context, note, callerOf(res).userId)));
    },
  });
  routes.add({
    method: 'post',
    path: '/v1/notes',
    operationId: 'addNote',
    spec: 'v1',
    cost: 10,
    handler: (req, res) => {
      const caller = callerOf(res);
      const body = parseBody(NoteBody, req.body);
      if (
        body.deal_id === undefined &&
        body.person_id === undefined &&
        body.org_id === undefined &&
        body.lead_id === undefined &&
        body.project_id === undefined
      ) {
        throw badRequest('One of deal_id, person_id, org_id, lead_id or project_id is required');
      }
      ensureLive(context.records.deal, body.deal_id, 'deal_id');
      ensureLive(context.records.person, body.person_id, 'person_id');
      ensureLive(context.records.organization, body.org_id, 'org_id');
      const userId = body.user_id ?? caller.userId;
      if (!context.store.user(userId)) throw badRequest(`user_id: user ${userId} not found`);
      const note = collection.create(
        {
          content: body.content,
          user_id: userId,
          last_update_user_id: null,
          deal_id: body.deal_id ?? null,
          person_id: body.person_id ?? null,
          org_id: body.org_id ?? null,
          lead_id: body.lead_id ?? null,
          project_id: body.project_id ?? null,
          pinned_to_deal_flag: Boolean(body.pinned_to_deal_flag),
          pinned_to_person_flag: Boolean(body.pinned_to_person_flag),
          pinned_to_organization_flag: Boolean(body.pinned_to_organization_flag),
          pinned_to_lead_flag: Boolean(body.pinned_to_lead_flag),
          pinned_to_project_flag: Boolean(body.pinned_to_project_flag),
        },
        { userId: caller.userId, source: 'api' },
        body.add_time === undefined ? undefined : { add_time: v1Time(body.add_time, 'add_time') },
      );
      res.json(ok(renderNote(context, note, caller.userId)));
    },
  });
}
