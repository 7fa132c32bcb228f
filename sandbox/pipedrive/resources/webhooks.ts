/** v1 /webhooks: list, create, delete (there is no update, nor any v2 webhooks endpoint). */
import { callerOf } from '../http/context.js';
import { ok } from '../http/envelope.js';
import { ApiError } from '../http/errors.js';
import type { RouteRegistry } from '../http/routes.js';
import type { WebhookRecord } from '../store/types.js';
import { MAX_WEBHOOKS_PER_USER, type Webhooks } from '../webhooks/delivery.js';
import { idParam, type ResourceContext } from './context.js';

// Both vocabularies are accepted on create and stored as given (reference §1.1).
const ACTIONS = ['create', 'change', 'delete', '*', 'added', 'updated', 'deleted', 'merged'];
const OBJECTS = [
  'activity',
  'activityType',
  'deal',
  'lead',
  'note',
  'organization',
  'person',
  'pipeline',
  'product',
  'stage',
  'user',
  '*',
];

export function renderWebhook(webhook: WebhookRecord, companyId: number): Record<string, unknown> {
  return {
    id: webhook.id,
    company_id: companyId,
    owner_id: webhook.owner_id,
    user_id: webhook.user_id,
    event_action: webhook.event_action,
    event_object: webhook.event_object,
    subscription_url: webhook.subscription_url,
    version: webhook.version,
    is_active: 1,
    add_time: new Date(webhook.add_time).toISOString(),
    remove_time: null,
    type: 'general',
    http_auth_user: webhook.http_auth_user,
    http_auth_password: webhook.http_auth_password,
    remove_reason: null,
    last_delivery_time: webhook.last_delivery_time === null ? null : new Date(webhook.last_delivery_time).toISOString(),
    last_http_status: webhook.last_http_status,
    admin_id: webhook.owner_id,
    name: webhook.name,
  };
}

/** Pipedrive's validation error for webhooks: `{ status, success, errors: { field: [message] } }`. */
function invalid(field: string, message: string): ApiError {
  return new ApiError(400, message, { status: 'error', errors: { [field]: [message] } });
}

function isPublicUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function registerWebhooks(routes: RouteRegistry, context: ResourceContext, webhooks: Webhooks): void {
  routes.add({
    method: 'get',
    path: '/v1/webhooks',
    operationId: 'getWebhooks',
    spec: 'v1',
    cost: 10,
    handler: (_req, res) => {
      res.json({ status: 'ok', ...ok(webhooks.list().map((hook) => renderWebhook(hook, context.store.company.id))) });
    },
  });
  routes.add({
    method: 'post',
    path: '/v1/webhooks',
    operationId: 'addWebhook',
    spec: 'v1',
    cost: 10,
    handler: (req, res) => {
      const caller = callerOf(res);
      const body: Record<string, unknown> = typeof req.body === 'object' && req.body !== null ? { ...req.body } : {};
      if (!isPublicUrl(body.subscription_url)) throw invalid('subscription_url', 'invalid or non-reachable URL');
      if (typeof body.event_action !== 'string' || !ACTIONS.includes(body.event_action))
        throw invalid('event_action', 'invalid value');
      if (typeof body.event_object !== 'string' || !OBJECTS.includes(body.event_object))
        throw invalid('event_object', 'invalid value');
      if (typeof body.name !== 'string' || body.name.length === 0 || body.name.length > 255)
        throw invalid('name', 'is required');
      const version = body.version ?? '2.0';
      if (version !== '1.0' && version !== '2.0') throw invalid('version', 'invalid value');
      const userId = typeof body.user_id === 'number' ? body.user_id : caller.userId;
      if (!context.store.user(userId)) throw invalid('user_id', 'not found');
      if (webhooks.countFor(userId) >= MAX_WEBHOOKS_PER_USER) throw new ApiError(422, 'Webhooks limit reached');
      const optionalString = (value: unknown): string | null => (typeof value === 'string' ? value : null);
      const webhook = webhooks.add({
        user_id: userId,
        owner_id: caller.userId,
        event_action: body.event_action,
        event_object: body.event_object,
        subscription_url: body.subscription_url,
        version,
        name: body.name,
        http_auth_user: optionalString(body.http_auth_user),
        http_auth_password: optionalString(body.http_auth_password),
      });
      res.status(201).json({ status: 'ok', ...ok(renderWebhook(webhook, context.store.company.id)) });
    },
  });
  routes.add({
    method: 'delete',
    path: '/v1/webhooks/:id',
    operationId: 'deleteWebhook',
    spec: 'v1',
    cost: 6,
    handler: (req, res) => {
      if (!webhooks.remove(idParam(req))) {
        res.status(404).json({ status: 'error', success: false, errors: { id: ['not found'] } });
        return;
      }
      res.json({ status: 'ok', success: true });
    },
  });
}
