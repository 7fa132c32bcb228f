/**
 * Webhook bodies. v2 (the default since 2025-03-17): `{ meta, data, previous }` where `previous`
 * holds only the changed fields on a change and the last state on a delete. v1: `{ v, matches_filters,
 * meta, retry, current, previous, event }` with v1-style objects (flat custom fields, v1 times).
 */
import { randomUUID } from 'node:crypto';
import type { FieldDefinition } from '../fields/types.js';
import { flattenV1 } from '../fields/values.js';
import { formatV1Time } from '../http/time.js';
import type { ChangeAction } from '../store/collection.js';
import type { WebhookRecord } from '../store/types.js';

export type WebhookEntity = 'activity' | 'deal' | 'note' | 'organization' | 'person' | 'pipeline' | 'product' | 'stage';

/** A change as webhooks see it: v2-rendered current and previous states. */
export interface WebhookChange {
  entity: WebhookEntity;
  action: ChangeAction;
  entityId: number;
  current: Record<string, unknown> | null;
  previous: Record<string, unknown> | null;
  userId: number;
  source: 'api' | 'app';
  timestamp: number;
  /** Whether a webhook's user may see the record: events go only to webhooks whose user can. */
  permits(userId: number): boolean;
}

export interface PayloadContext {
  companyId: number;
  host: string;
  permittedUserIds: number[];
  /** Custom field definitions of the entity, for v1 flattening. */
  customFields: readonly FieldDefinition[];
}

const V1_ACTIONS: Record<ChangeAction, string> = { create: 'added', change: 'updated', delete: 'deleted' };

/** Whether a webhook subscribed to this change (either vocabulary, or '*'). */
export function subscribes(webhook: WebhookRecord, change: WebhookChange): boolean {
  const action = webhook.event_action;
  const object = webhook.event_object;
  return (
    (action === '*' || action === change.action || action === V1_ACTIONS[change.action]) &&
    (object === '*' || object === change.entity)
  );
}

/** Only the fields whose value changed, with their old values (custom fields compared one by one). */
export function changedFields(
  previous: Record<string, unknown>,
  current: Record<string, unknown>,
): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(previous)) {
    if (key === 'custom_fields' && isRecord(value) && isRecord(current[key])) {
      const now = current[key];
      const customs = Object.fromEntries(
        Object.entries(value).filter(([code, old]) => JSON.stringify(old) !== JSON.stringify(now[code])),
      );
      if (Object.keys(customs).length > 0) changed[key] = customs;
    } else if (JSON.stringify(value) !== JSON.stringify(current[key])) {
      changed[key] = value;
    }
  }
  return changed;
}

export function buildPayload(
  webhook: WebhookRecord,
  change: WebhookChange,
  attempt: number,
  context: PayloadContext,
): unknown {
  return webhook.version === '1.0'
    ? v1Payload(webhook, change, attempt, context)
    : v2Payload(webhook, change, attempt, context);
}

function v2Payload(webhook: WebhookRecord, change: WebhookChange, attempt: number, context: PayloadContext): unknown {
  const previous =
    change.action === 'change' && change.previous && change.current
      ? changedFields(change.previous, change.current)
      : change.action === 'delete'
        ? change.previous
        : null;
  return {
    meta: {
      action: change.action,
      entity: change.entity,
      company_id: String(context.companyId),
      correlation_id: randomUUID(),
      entity_id: String(change.entityId),
      id: randomUUID(),
      is_bulk_edit: false,
      timestamp: new Date(change.timestamp).toISOString(),
      type: 'general',
      user_id: String(change.userId),
      version: '2.0',
      webhook_id: String(webhook.id),
      webhook_owner_id: String(webhook.owner_id),
      change_source: change.source,
      attempt,
      host: context.host,
      permitted_user_ids: context.permittedUserIds.map(String),
    },
    data: change.action === 'delete' ? null : change.current,
    previous,
  };
}

function v1Payload(webhook: WebhookRecord, change: WebhookChange, attempt: number, context: PayloadContext): unknown {
  const action = V1_ACTIONS[change.action];
  return {
    v: 1,
    matches_filters: { current: [], previous: [] },
    meta: {
      v: 1,
      action,
      object: change.entity,
      change_source: change.source,
      id: change.entityId,
      company_id: context.companyId,
      user_id: change.userId,
      host: context.host,
      timestamp: Math.floor(change.timestamp / 1000),
      timestamp_micro: change.timestamp * 1000,
      permitted_user_ids: context.permittedUserIds,
      trans_pending: false,
      is_bulk_update: false,
      pipedrive_service_name: false,
      matches_filters: { current: [], previous: [] },
      webhook_id: String(webhook.id),
    },
    retry: attempt - 1,
    current: change.action === 'delete' ? null : toV1(change.current, context),
    previous: change.action === 'create' ? null : toV1(change.previous, context),
    event: `${action}.${change.entity}`,
  };
}

/** A v2 object in v1 clothing: v1 times, flat custom fields, `visible_to` as a string, `active_flag`. */
function toV1(object: Record<string, unknown> | null, context: PayloadContext): Record<string, unknown> | null {
  if (!object) return null;
  const { custom_fields: custom, is_deleted: deleted, ...rest } = object;
  const v1: Record<string, unknown> = { ...rest, active_flag: deleted !== true };
  for (const key of ['add_time', 'update_time']) {
    const value = rest[key];
    if (typeof value === 'string') v1[key] = formatV1Time(Date.parse(value));
  }
  if (typeof rest.visible_to === 'number') v1.visible_to = String(rest.visible_to);
  if (isRecord(custom)) {
    for (const field of context.customFields) Object.assign(v1, flattenV1(field, custom[field.key]));
  }
  return v1;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
