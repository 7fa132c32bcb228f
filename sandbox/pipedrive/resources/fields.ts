/**
 * The fields endpoints: v2 /{deal,person,organization,product,activity}Fields (read; writes and option
 * edits where the spec has them) and v1 /noteFields.
 */
import type { Request } from 'express';
import { z } from 'zod';
import { FieldNotFound } from '../fields/registry.js';
import { CREATABLE_FIELD_TYPES, type FieldDefinition, type FieldEntity } from '../fields/types.js';
import { subfieldsOf } from '../fields/values.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { ok } from '../http/envelope.js';
import { ApiError, badRequest, notFound } from '../http/errors.js';
import { QueryParams } from '../http/params.js';
import type { RouteRegistry } from '../http/routes.js';
import { formatV1Time } from '../http/time.js';
import { parseBody, type ResourceContext } from './context.js';

const V2_FIELD_ENTITIES: readonly { entity: FieldEntity; path: string; tag: string; writable: boolean }[] = [
  { entity: 'deal', path: 'dealFields', tag: 'Deal', writable: true },
  { entity: 'person', path: 'personFields', tag: 'Person', writable: true },
  { entity: 'organization', path: 'organizationFields', tag: 'Organization', writable: true },
  { entity: 'product', path: 'productFields', tag: 'Product', writable: true },
  { entity: 'activity', path: 'activityFields', tag: 'Activity', writable: false },
];

const AddFieldBody = z.object({
  field_name: z.string().min(1),
  field_type: z.enum(CREATABLE_FIELD_TYPES),
  options: z.array(z.object({ label: z.string().min(1) })).optional(),
  description: z.string().nullable().optional(),
  ui_visibility: z.record(z.string(), z.unknown()).optional(),
  important_fields: z.record(z.string(), z.unknown()).optional(),
  required_fields: z.record(z.string(), z.unknown()).optional(),
});
const UpdateFieldBody = AddFieldBody.pick({
  description: true,
  ui_visibility: true,
  important_fields: true,
  required_fields: true,
}).extend({
  field_name: z.string().min(1).optional(),
});
const AddOptionsBody = z.array(z.object({ label: z.string().min(1) })).min(1);
const RenameOptionsBody = z.array(z.object({ id: z.number().int(), label: z.string().min(1) })).min(1);
const RemoveOptionsBody = z.array(z.object({ id: z.number().int() })).min(1);

/** A field as v2 lists it. Options of built-in fields carry string ids. */
export function renderFieldV2(field: FieldDefinition, include: ReadonlySet<string>): Record<string, unknown> {
  return {
    field_name: field.name,
    field_code: field.key,
    description: field.description,
    field_type: field.field_type,
    options:
      field.options?.map((option) => ({ ...option, id: field.is_custom ? option.id : String(option.id) })) ?? null,
    subfields: subfieldsOf(field),
    is_custom_field: field.is_custom,
    is_optional_response_field: false,
    ...(include.has('ui_visibility')
      ? {
          ui_visibility: {
            add_visible_flag: true,
            details_visible_flag: true,
            projects_detail_visible_flag: false,
            show_in_pipelines: { show_in_all: true, pipeline_ids: [] },
          },
        }
      : {}),
    ...(include.has('important_fields') ? { important_fields: { enabled: false, stage_ids: [] } } : {}),
    ...(include.has('required_fields')
      ? { required_fields: { enabled: field.mandatory, stage_ids: [], statuses: {} } }
      : {}),
  };
}

/** A field as v1 lists it. */
export function renderFieldV1(field: FieldDefinition): Record<string, unknown> {
  return {
    id: field.id,
    key: field.key,
    name: field.name,
    order_nr: field.order_nr,
    field_type: field.field_type,
    add_time: formatV1Time(Date.parse(field.add_time)),
    update_time: formatV1Time(Date.parse(field.update_time)),
    active_flag: true,
    edit_flag: field.is_custom,
    index_visible_flag: true,
    details_visible_flag: true,
    add_visible_flag: true,
    important_flag: false,
    bulk_edit_allowed: true,
    searchable_flag: false,
    filtering_allowed: true,
    sortable_flag: true,
    mandatory_flag: field.mandatory,
    options: field.options?.map((option) => ({ id: option.id, label: option.label })) ?? null,
  };
}

export function registerFields(routes: RouteRegistry, context: ResourceContext): void {
  const registry = context.store.fields;
  const fieldOf = (entity: FieldEntity, req: Request): FieldDefinition => {
    const key = req.params.field_code;
    const field = typeof key === 'string' ? registry.byKey(entity, key) : undefined;
    if (!field) throw notFound('Field');
    return field;
  };
  // Registry errors about a missing field or option are 404s; other refusals (built-in fields) 400s.
  const guarded = <T>(action: () => T): T => {
    try {
      return action();
    } catch (error) {
      if (error instanceof FieldNotFound) throw new ApiError(404, error.message);
      if (error instanceof ApiError) throw error;
      throw badRequest(error instanceof Error ? error.message : String(error));
    }
  };

  for (const { entity, path, tag, writable } of V2_FIELD_ENTITIES) {
    const base = `/api/v2/${path}`;
    routes.add({
      method: 'get',
      path: base,
      operationId: `get${tag}Fields`,
      spec: 'v2',
      cost: 10,
      handler: (req, res) => {
        const params = new QueryParams(req.query);
        const include = new Set(params.list('include_fields') ?? []);
        const limit = params.limit(500, 100);
        const raw = params.string('cursor');
        const after = raw ? decodeCursor(raw, { field: 'id', sortDirection: 'asc' }).id : 0;
        const fields = registry.all(entity).filter((field) => field.id > after);
        const page = fields.slice(0, limit);
        const last = page[page.length - 1];
        const next =
          fields.length > limit && last
            ? encodeCursor({ field: 'id', fieldValue: last.id, sortDirection: 'asc', id: last.id })
            : null;
        res.json(
          ok(
            page.map((field) => renderFieldV2(field, include)),
            { next_cursor: next },
          ),
        );
      },
    });
    routes.add({
      method: 'get',
      path: `${base}/:field_code`,
      operationId: `get${tag}Field`,
      spec: 'v2',
      cost: 1,
      handler: (req, res) => {
        const include = new Set(new QueryParams(req.query).list('include_fields') ?? []);
        res.json(ok(renderFieldV2(fieldOf(entity, req), include)));
      },
    });
    if (!writable) continue;
    routes.add({
      method: 'post',
      path: base,
      operationId: `add${tag}Field`,
      spec: 'v2',
      cost: 5,
      handler: (req, res) => {
        const body = parseBody(AddFieldBody, req.body);
        if ((body.field_type === 'enum' || body.field_type === 'set') && !body.options?.length)
          throw badRequest('options are required for enum and set fields');
        const field = guarded(() =>
          registry.add(entity, {
            name: body.field_name,
            type: body.field_type,
            options: body.options?.map((option) => option.label) ?? [],
            description: body.description ?? null,
          }),
        );
        res.json(ok(renderFieldV2(field, new Set())));
      },
    });
    routes.add({
      method: 'patch',
      path: `${base}/:field_code`,
      operationId: `update${tag}Field`,
      spec: 'v2',
      cost: 5,
      handler: (req, res) => {
        const field = fieldOf(entity, req);
        const body = parseBody(UpdateFieldBody, req.body);
        const updated = guarded(() =>
          registry.update(entity, field.key, {
            ...(body.field_name ? { name: body.field_name } : {}),
            ...(body.description !== undefined ? { description: body.description } : {}),
          }),
        );
        res.json(ok(renderFieldV2(updated, new Set())));
      },
    });
    routes.add({
      method: 'delete',
      path: `${base}/:field_code`,
      operationId: `delete${tag}Field`,
      spec: 'v2',
      cost: 3,
      handler: (req, res) => {
        const field = fieldOf(entity, req);
        res.json(
          ok(
            renderFieldV2(
              guarded(() => registry.remove(entity, field.key)),
              new Set(),
            ),
          ),
        );
      },
    });
    const optionRoute = (
      method: 'post' | 'patch' | 'delete',
      verb: string,
      cost: number,
      apply: (key: string, req: Request) => { id: number; label: string }[],
    ): void => {
      routes.add({
        method,
        path: `${base}/:field_code/options`,
        operationId: `${verb}${tag}FieldOptions`,
        spec: 'v2',
        cost,
        handler: (req, res) => {
          const field = fieldOf(entity, req);
          const changed = guarded(() => apply(field.key, req));
          res.json(
            ok(
              changed.map((option) => ({ id: option.id, label: option.label })),
              {},
            ),
          );
        },
      });
    };
    optionRoute('post', 'add', 5, (key, req) =>
      registry.addOptions(
        entity,
        key,
        parseBody(AddOptionsBody, req.body).map((option) => option.label),
      ),
    );
    optionRoute('patch', 'update', 5, (key, req) =>
      registry.renameOptions(entity, key, parseBody(RenameOptionsBody, req.body)),
    );
    optionRoute('delete', 'delete', 3, (key, req) =>
      registry.removeOptions(
        entity,
        key,
        parseBody(RemoveOptionsBody, req.body).map((option) => option.id),
      ),
    );
  }

  routes.add({
    method: 'get',
    path: '/v1/noteFields',
    operationId: 'getNoteFields',
    spec: 'v1',
    cost: 20,
    handler: (_req, res) => {
      const fields = registry.all('note');
      res.json(ok(fields.map(renderFieldV1), { start: 0, limit: fields.length, more_items_in_collection: false }));
    },
  });
}
