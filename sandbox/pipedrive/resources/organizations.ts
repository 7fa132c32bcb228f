/** v2 /organizations. */
import { z } from 'zod';
import type { QueryParams } from '../http/params.js';
import type { RouteRegistry } from '../http/routes.js';
import { formatV2Time } from '../http/time.js';
import type { OrganizationRecord } from '../store/types.js';
import {
  applyCustomFields,
  ensureUser,
  parseBody,
  renderCustomFields,
  renderLabels,
  type RenderView,
  type ResourceContext,
} from './context.js';
import { address, customFields, defined, id, labelIds, renderAddress, toAddress, visibleTo } from './inputs.js';
import { type Matcher, type RecordWriter, registerV2Crud } from './v2-crud.js';

const OrganizationBody = z.object({
  name: z.string().min(1).optional(),
  owner_id: id.optional(),
  visible_to: visibleTo.optional(),
  label_ids: labelIds.optional(),
  address: address.nullable().optional(),
  website: z.string().nullable().optional(),
  linkedin: z.string().nullable().optional(),
  industry: z.number().int().nullable().optional(),
  annual_revenue: z.number().int().nullable().optional(),
  employee_count: z.number().int().nullable().optional(),
  custom_fields: customFields.optional(),
});

export function renderOrganization(
  context: ResourceContext,
  org: OrganizationRecord,
  view: RenderView,
): Record<string, unknown> {
  return {
    id: org.id,
    name: org.name,
    owner_id: org.owner_id,
    add_time: formatV2Time(org.add_time),
    update_time: formatV2Time(org.update_time),
    is_deleted: org.is_deleted,
    visible_to: org.visible_to,
    address: renderAddress(org.address),
    label_ids: org.label_ids,
    ...renderLabels(context.store, 'organization', org.label_ids, view),
    website: org.website,
    linkedin: org.linkedin,
    industry: org.industry,
    annual_revenue: org.annual_revenue,
    employee_count: org.employee_count,
    custom_fields: renderCustomFields(context.store, 'organization', org.custom, view),
  };
}

export function registerOrganizations(routes: RouteRegistry, context: ResourceContext): RecordWriter {
  const table = context.records.organization.table;
  return registerV2Crud(routes, {
    collection: context.records.organization,
    path: '/api/v2/organizations',
    noun: 'Organization',
    list: {
      operationId: 'getOrganizations',
      cost: 10,
      sortFields: ['id', 'update_time', 'add_time'],
      updatedSince: true,
      updatedUntil: true,
      filters: (params: QueryParams): Matcher[] => {
        const owner = params.int('owner_id');
        return owner === undefined ? [] : [(index) => table.columnAt('owner_id', index) === owner];
      },
      savedFilters: { context, entity: 'organization' },
    },
    get: { operationId: 'getOrganization', cost: 1 },
    add: {
      operationId: 'addOrganization',
      cost: 5,
      status: 200,
      parse: (input, userId) => {
        const body = parseBody(OrganizationBody.required({ name: true }), input);
        ensureUser(context, body.owner_id);
        return {
          name: body.name,
          owner_id: body.owner_id ?? userId,
          visible_to: body.visible_to ?? 3,
          address: toAddress(body.address),
          label_ids: body.label_ids ?? [],
          website: body.website ?? null,
          linkedin: body.linkedin ?? null,
          industry: body.industry ?? null,
          annual_revenue: body.annual_revenue ?? null,
          employee_count: body.employee_count ?? null,
          custom: applyCustomFields(context, 'organization', body.custom_fields, {}),
        };
      },
    },
    update: {
      operationId: 'updateOrganization',
      cost: 5,
      parse: (input, existing) => {
        const body = parseBody(OrganizationBody, input);
        ensureUser(context, body.owner_id);
        return defined({
          ...body,
          address: body.address === undefined ? undefined : toAddress(body.address),
          custom_fields: undefined,
          custom: applyCustomFields(context, 'organization', body.custom_fields, existing.custom),
        });
      },
    },
    remove: { operationId: 'deleteOrganization', cost: 3 },
    render: (org, view) => renderOrganization(context, org, view),
  });
}
