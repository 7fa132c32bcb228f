/** v2 /persons. */
import { z } from 'zod';
import { badRequest } from '../http/errors.js';
import { QueryParams } from '../http/params.js';
import type { RouteRegistry } from '../http/routes.js';
import { formatV2Time } from '../http/time.js';
import type { PersonRecord } from '../store/types.js';
import {
  applyCustomFields,
  ensureLive,
  ensureUser,
  parseBody,
  renderCustomFields,
  renderLabels,
  type RenderView,
  type ResourceContext,
} from './context.js';
import {
  address,
  contacts,
  customFields,
  date,
  defined,
  id,
  labelIds,
  renderAddress,
  toAddress,
  toContacts,
  visibleTo,
} from './inputs.js';
import { type Matcher, type RecordWriter, registerV2Crud } from './v2-crud.js';

const PersonBody = z.object({
  name: z.string().min(1).optional(),
  owner_id: id.optional(),
  org_id: id.nullable().optional(),
  emails: contacts.optional(),
  phones: contacts.optional(),
  im: contacts.optional(),
  visible_to: visibleTo.optional(),
  label_ids: labelIds.optional(),
  postal_address: address.nullable().optional(),
  notes: z.string().max(10000).nullable().optional(),
  birthday: date.nullable().optional(),
  job_title: z.string().nullable().optional(),
  marketing_status: z.enum(['no_consent', 'unsubscribed', 'subscribed', 'archived']).optional(),
  custom_fields: customFields.optional(),
});
type PersonBody = z.infer<typeof PersonBody>;

export function splitName(name: string): { first_name: string | null; last_name: string | null } {
  const [first, ...rest] = name.trim().split(/\s+/);
  return { first_name: first ?? null, last_name: rest.length > 0 ? rest.join(' ') : null };
}

export function renderPerson(
  context: ResourceContext,
  person: PersonRecord,
  view: RenderView,
): Record<string, unknown> {
  return {
    id: person.id,
    name: person.name,
    first_name: person.first_name,
    last_name: person.last_name,
    owner_id: person.owner_id,
    org_id: person.org_id,
    add_time: formatV2Time(person.add_time),
    update_time: formatV2Time(person.update_time),
    emails: person.emails,
    phones: person.phones,
    is_deleted: person.is_deleted,
    visible_to: person.visible_to,
    label_ids: person.label_ids,
    ...renderLabels(context.store, 'person', person.label_ids, view),
    picture_id: person.picture_id,
    postal_address: renderAddress(person.postal_address),
    notes: person.notes,
    im: person.im,
    birthday: person.birthday,
    job_title: person.job_title,
    custom_fields: renderCustomFields(context.store, 'person', person.custom, view),
  };
}

export function registerPersons(routes: RouteRegistry, context: ResourceContext): RecordWriter {
  const collection = context.records.person;
  const validate = (body: PersonBody): void => {
    ensureUser(context, body.owner_id);
    ensureLive(context.records.organization, body.org_id, 'org_id');
  };
  return registerV2Crud(routes, {
    collection,
    path: '/api/v2/persons',
    noun: 'Person',
    list: {
      operationId: 'getPersons',
      cost: 10,
      sortFields: ['id', 'update_time', 'add_time'],
      updatedSince: true,
      updatedUntil: true,
      filters: (params: QueryParams) => personFilters(context, params),
      savedFilters: { context, entity: 'person' },
    },
    get: { operationId: 'getPerson', cost: 1 },
    add: {
      operationId: 'addPerson',
      cost: 5,
      status: 200,
      parse: (input, userId) => {
        const body = parseBody(PersonBody, input);
        if (!body.name) throw badRequest('Validation failed: name: Required');
        validate(body);
        return {
          name: body.name,
          ...splitName(body.name),
          owner_id: body.owner_id ?? userId,
          org_id: body.org_id ?? null,
          emails: toContacts(body.emails),
          phones: toContacts(body.phones),
          im: toContacts(body.im),
          visible_to: body.visible_to ?? 3,
          label_ids: body.label_ids ?? [],
          picture_id: null,
          postal_address: toAddress(body.postal_address),
          notes: body.notes ?? null,
          birthday: body.birthday ?? null,
          job_title: body.job_title ?? null,
          custom: applyCustomFields(context, 'person', body.custom_fields, {}),
        };
      },
    },
    update: {
      operationId: 'updatePerson',
      cost: 5,
      parse: (input, existing) => {
        const body = parseBody(PersonBody, input);
        validate(body);
        return defined({
          ...(body.name ? { name: body.name, ...splitName(body.name) } : {}),
          owner_id: body.owner_id,
          org_id: body.org_id,
          emails: body.emails && toContacts(body.emails),
          phones: body.phones && toContacts(body.phones),
          im: body.im && toContacts(body.im),
          visible_to: body.visible_to,
          label_ids: body.label_ids,
          postal_address: body.postal_address === undefined ? undefined : toAddress(body.postal_address),
          notes: body.notes,
          birthday: body.birthday,
          job_title: body.job_title,
          custom: applyCustomFields(context, 'person', body.custom_fields, existing.custom),
        });
      },
    },
    remove: { operationId: 'deletePerson', cost: 3 },
    render: (person, view) => renderPerson(context, person, view),
  });
}

function personFilters(context: ResourceContext, params: QueryParams): Matcher[] {
  const table = context.records.person.table;
  const matchers: Matcher[] = [];
  const owner = params.int('owner_id');
  if (owner !== undefined) matchers.push((index) => table.columnAt('owner_id', index) === owner);
  const org = params.int('org_id');
  if (org !== undefined) matchers.push((index) => table.columnAt('org_id', index) === org);
  const dealId = params.int('deal_id');
  if (dealId !== undefined) {
    // Persons of a deal: its contact person and its participants.
    const linked = new Set<number>();
    const deal = context.records.deal.find(dealId);
    if (deal?.person_id) linked.add(deal.person_id);
    for (const participant of context.records.participant.liveRecords())
      if (participant.deal_id === dealId) linked.add(participant.person_id);
    matchers.push((index) => linked.has(table.idAt(index)));
  }
  return matchers;
}
