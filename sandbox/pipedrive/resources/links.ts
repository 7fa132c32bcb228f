/** v1 links between records: deal participants and organization relationships. */
import { ok, pageV1 } from '../http/envelope.js';
import { badRequest, notFound } from '../http/errors.js';
import { QueryParams } from '../http/params.js';
import type { RouteRegistry } from '../http/routes.js';
import { formatV1Time } from '../http/time.js';
import type { OrganizationRecord, OrganizationRelationshipRecord, ParticipantRecord } from '../store/types.js';
import { idParam, type ResourceContext } from './context.js';

/** The v1 "organization as a related object" shape. */
function orgSummary(context: ResourceContext, org: OrganizationRecord | undefined): Record<string, unknown> | null {
  if (!org) return null;
  const persons = context.records.person.table;
  const people = [
    ...persons.scan((index) => context.records.person.live(index) && persons.columnAt('org_id', index) === org.id),
  ].length;
  return {
    name: org.name,
    people_count: people,
    owner_id: org.owner_id,
    address: org.address?.value ?? null,
    cc_email: null,
    value: org.id,
  };
}

/** The v1 "user as a related object" shape. */
function userSummary(context: ResourceContext, id: number): Record<string, unknown> | null {
  const user = context.store.user(id);
  return user
    ? {
        id: user.id,
        name: user.name,
        email: user.email,
        has_pic: 0,
        pic_hash: null,
        active_flag: user.active_flag,
        value: user.id,
      }
    : null;
}

function renderParticipant(context: ResourceContext, participant: ParticipantRecord): Record<string, unknown> {
  const person = context.records.person.find(participant.person_id);
  const deal = context.records.deal.find(participant.deal_id);
  const owner = person ? context.store.user(person.owner_id) : undefined;
  return {
    id: participant.id,
    person_id: person
      ? {
          active_flag: !person.is_deleted,
          name: person.name,
          email: person.emails,
          phone: person.phones,
          owner_id: person.owner_id,
          company_id: context.store.company.id,
          value: person.id,
        }
      : null,
    add_time: formatV1Time(participant.add_time),
    active_flag: !participant.is_deleted,
    related_item_data: { deal_id: participant.deal_id, title: deal?.title ?? null },
    person: person
      ? {
          id: person.id,
          company_id: context.store.company.id,
          active_flag: !person.is_deleted,
          phone: person.phones,
          email: person.emails,
          first_char: person.name.charAt(0).toLowerCase(),
          add_time: formatV1Time(person.add_time),
          update_time: formatV1Time(person.update_time),
          visible_to: String(person.visible_to),
          label_ids: person.label_ids,
          owner_name: owner?.name ?? null,
          owner_id: userSummary(context, person.owner_id),
          org_id:
            person.org_id === null
              ? null
              : {
                  ...orgSummary(context, context.records.organization.find(person.org_id)),
                  label_ids: [],
                  active_flag: true,
                },
          name: person.name,
          first_name: person.first_name,
          last_name: person.last_name,
        }
      : null,
    added_by_user_id: userSummary(context, participant.added_by_user_id),
    related_item_type: 'deal',
    related_item_id: participant.deal_id,
  };
}

function renderRelationship(
  context: ResourceContext,
  relationship: OrganizationRelationshipRecord,
  perspective: number | undefined,
): Record<string, unknown> {
  const owner = context.records.organization.find(relationship.rel_owner_org_id);
  const linked = context.records.organization.find(relationship.rel_linked_org_id);
  const fromOwner = perspective === undefined || perspective === relationship.rel_owner_org_id;
  const other = fromOwner ? linked : owner;
  return {
    id: relationship.id,
    type: relationship.type,
    rel_owner_org_id: orgSummary(context, owner),
    rel_linked_org_id: orgSummary(context, linked),
    add_time: formatV1Time(relationship.add_time),
    update_time: formatV1Time(relationship.update_time),
    active_flag: String(!relationship.is_deleted),
    // Seen from the linked organization, a parent relationship reads as "daughter".
    calculated_type: relationship.type === 'parent' && !fromOwner ? 'daughter' : relationship.type,
    calculated_related_org_id: other?.id ?? null,
    related_organization_name: other?.name ?? null,
  };
}

export function registerLinks(routes: RouteRegistry, context: ResourceContext): void {
  const participants = context.records.participant;
  const relationships = context.records.organizationRelationship;
  routes.add({
    method: 'get',
    path: '/v1/deals/:id/participants',
    operationId: 'getDealParticipants',
    spec: 'v1',
    cost: 10,
    handler: (req, res) => {
      const dealId = idParam(req);
      if (!context.records.deal.find(dealId)) throw notFound('Deal');
      const params = new QueryParams(req.query);
      const table = participants.table;
      const all = [
        ...table.scan((index) => participants.listed(index) && table.columnAt('deal_id', index) === dealId),
      ].map((index) => table.at(index));
      const page = pageV1(all, params.start(), params.limit(500, 100));
      res.json(
        ok(
          page.items.map((participant) => renderParticipant(context, participant)),
          { pagination: page.pagination },
        ),
      );
    },
  });
  routes.add({
    method: 'get',
    path: '/v1/organizationRelationships',
    operationId: 'getOrganizationRelationships',
    spec: 'v1',
    cost: 20,
    handler: (req, res) => {
      const orgId = new QueryParams(req.query).int('org_id');
      if (orgId === undefined) throw badRequest('Parameter org_id is required');
      const table = relationships.table;
      const matches = [
        ...table.scan(
          (index) =>
            relationships.listed(index) &&
            (table.columnAt('rel_owner_org_id', index) === orgId ||
              table.columnAt('rel_linked_org_id', index) === orgId),
        ),
      ].map((index) => table.at(index));
      res.json(
        ok(
          matches.map((relationship) => renderRelationship(context, relationship, orgId)),
          { start: 0, limit: matches.length, more_items_in_collection: false },
        ),
      );
    },
  });
  routes.add({
    method: 'get',
    path: '/v1/organizationRelationships/:id',
    operationId: 'getOrganizationRelationship',
    spec: 'v1',
    cost: 2,
    handler: (req, res) => {
      const relationship = relationships.findLive(idParam(req));
      if (!relationship) throw notFound('Organization relationship');
      res.json(ok(renderRelationship(context, relationship, new QueryParams(req.query).int('org_id'))));
    },
  });
}
