/** What resource handlers work with: the data, the clock and the helpers shared by every object. */
import type { Request } from 'express';
import { z } from 'zod';
import type { SandboxClock } from '../../common/clock.js';
import type { FieldEntity } from '../fields/types.js';
import { parseCustomValue, renderCustomValue, type ValueRefs } from '../fields/values.js';
import { badRequest } from '../http/errors.js';
import { QueryParams } from '../http/params.js';
import type { Collection } from '../store/collection.js';
import type { RecordEntity, Store } from '../store/store.js';
import type { CustomValues } from '../store/types.js';

export type Collections = { [E in RecordEntity]: Collection<E> };

export interface ResourceContext {
  store: Store;
  records: Collections;
  clock: SandboxClock;
  /** The origin the sandbox serves on (file URLs, api_domain). */
  apiBaseUrl(): string;
}

/** How a v2 read asked to see records. */
export interface RenderView {
  includeOptionLabels: boolean;
  includeLabels: boolean;
  /** `custom_fields=` restricts the custom fields returned (at most 15). */
  customFieldKeys: ReadonlySet<string> | null;
  /** `include_fields=`: optional fields asked for (attendees on activities). */
  includeFields: ReadonlySet<string>;
}

export function renderViewOf(params: QueryParams): RenderView {
  const keys = params.list('custom_fields');
  if (keys && keys.length > 15) throw badRequest('Parameter custom_fields takes at most 15 keys');
  return {
    includeOptionLabels: params.bool('include_option_labels') ?? false,
    includeLabels: params.bool('include_labels') ?? false,
    customFieldKeys: keys ? new Set(keys) : null,
    includeFields: new Set(params.list('include_fields') ?? []),
  };
}

export const DEFAULT_VIEW: RenderView = {
  includeOptionLabels: false,
  includeLabels: false,
  customFieldKeys: null,
  includeFields: new Set(),
};

/** v2 returns every custom field of the object, null when empty. */
export function renderCustomFields(
  store: Store,
  entity: FieldEntity,
  values: CustomValues,
  view: RenderView,
): Record<string, unknown> {
  const rendered: Record<string, unknown> = {};
  for (const field of store.fields.custom(entity)) {
    if (view.customFieldKeys && !view.customFieldKeys.has(field.key)) continue;
    rendered[field.key] = renderCustomValue(field, values[String(field.id)], view.includeOptionLabels);
  }
  return rendered;
}

/** `labels: [{id, label}]` next to label_ids when include_labels=true. */
export function renderLabels(
  store: Store,
  entity: FieldEntity,
  labelIds: readonly number[],
  view: RenderView,
): Record<string, unknown> {
  if (!view.includeLabels) return {};
  const options = store.fields.byKey(entity, 'label_ids')?.options ?? [];
  return { labels: labelIds.map((id) => ({ id, label: options.find((option) => option.id === id)?.label ?? null })) };
}

export function refsOf(context: ResourceContext): ValueRefs {
  return {
    userExists: (id) => context.store.user(id) !== undefined,
    organizationExists: (id) => context.records.organization.isLive(id),
    personExists: (id) => context.records.person.isLive(id),
  };
}

/** Applies a v2 `custom_fields` write on top of existing values; unknown keys and bad values are a 400. */
export function applyCustomFields(
  context: ResourceContext,
  entity: FieldEntity,
  raw: Record<string, unknown> | undefined,
  existing: CustomValues,
): CustomValues {
  if (raw === undefined) return existing;
  const next: CustomValues = { ...existing };
  const refs = refsOf(context);
  for (const [key, value] of Object.entries(raw)) {
    const field = context.store.fields.byKey(entity, key);
    if (!field || !field.is_custom) throw badRequest(`Unknown custom field '${key}'`);
    const parsed = parseCustomValue(field, value, refs);
    if (!parsed.ok) throw badRequest(parsed.message);
    if (parsed.value === null) delete next[String(field.id)];
    else next[String(field.id)] = parsed.value;
  }
  return next;
}

/** Validates a JSON body; the first problem becomes Pipedrive's 400. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    throw badRequest(
      issue ? `Validation failed: ${issue.path.join('.') || 'body'}: ${issue.message}` : 'Validation failed',
    );
  }
  return result.data;
}

/** A positive integer path parameter, or 404 for anything else (Pipedrive does not route it). */
export function idParam(req: Request, name = 'id'): number {
  const raw = req.params[name];
  const id = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw badRequest(`Parameter ${name} must be a positive integer`);
  return id;
}

export function ensureUser(context: ResourceContext, id: number | null | undefined, what = 'owner_id'): void {
  if (id !== null && id !== undefined && !context.store.user(id)) throw badRequest(`${what}: user ${id} not found`);
}

export function ensureLive(collection: Collection<RecordEntity>, id: number | null | undefined, what: string): void {
  if (id !== null && id !== undefined && !collection.isLive(id)) throw badRequest(`${what}: ${id} not found`);
}
