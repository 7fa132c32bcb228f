/**
 * The inspection endpoint, under /_sandbox (outside Pipedrive's paths): settings, clock, datasets,
 * data changes "made in Pipedrive's UI" (they fire webhooks with change_source "app"), token expiry,
 * webhook deliveries, plus the shared fault and request-count routes. Errors use the product's
 * `{ error: { code, message } }` shape, not Pipedrive's.
 */
import express, { type ErrorRequestHandler, type Router } from 'express';
import { z } from 'zod';
import { DatasetError } from './dataset/load.js';
import { FieldNotFound } from './fields/registry.js';
import { CUSTOM_FIELD_TYPES, type FieldEntity } from './fields/types.js';
import { ApiError } from './http/errors.js';
import { formatV1Time } from './http/time.js';
import { PLANS } from './limits.js';
import { renderUser } from './resources/account.js';
import type { PipedriveSandboxState } from './state.js';
import type { ChangeMeta } from './store/collection.js';
import { RECORD_ENTITIES, type RecordEntity } from './store/store.js';

const RESOURCE_ENTITIES: Record<string, RecordEntity> = {
  persons: 'person',
  organizations: 'organization',
  deals: 'deal',
  products: 'product',
  activities: 'activity',
  pipelines: 'pipeline',
  stages: 'stage',
  notes: 'note',
  files: 'file',
  dealProducts: 'dealProduct',
  participants: 'participant',
  organizationRelationships: 'organizationRelationship',
};

const FIELD_ENTITY = z.enum(['deal', 'person', 'organization', 'product', 'activity']);

const SettingsBody = z.strictObject({
  plan: z.enum(PLANS).optional(),
  seats: z.number().int().positive().optional(),
  dailyBudgetOverride: z.number().int().min(0).nullable().optional(),
  burstOverride: z.number().int().positive().nullable().optional(),
  utcOffsetMinutes: z.number().int().min(-720).max(840).optional(),
  autoApprove: z.boolean().optional(),
  installingUserId: z.number().int().positive().optional(),
  scope: z.string().optional(),
  listDeleted: z.boolean().optional(),
});
const ClockBody = z.union([
  z.strictObject({ advanceMs: z.number().int() }),
  z.strictObject({ set: z.iso.datetime({ offset: true }) }),
]);
const GenerateBody = z.strictObject({
  generate: z.strictObject({ records: z.number().int().min(0).max(5_000_000), seed: z.number().int().optional() }),
});
const FieldBody = z.strictObject({
  name: z.string().min(1),
  field_type: z.enum(CUSTOM_FIELD_TYPES),
  options: z.array(z.string().min(1)).optional(),
});
const FieldPatchBody = z.strictObject({
  name: z.string().min(1).optional(),
  description: z.string().nullable().optional(),
});
const UserPatchBody = z.strictObject({
  name: z.string().optional(),
  email: z.string().optional(),
  active_flag: z.boolean().optional(),
  is_admin: z.boolean().optional(),
  default_currency: z.string().optional(),
});

class InspectionError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new InspectionError(400, 'invalid_request', z.prettifyError(result.error));
  return result.data;
}

function entityOf(resource: string | undefined): RecordEntity {
  const entity = resource === undefined ? undefined : RESOURCE_ENTITIES[resource];
  if (!entity)
    throw new InspectionError(
      404,
      'not_found',
      `unknown resource ${resource ?? ''}; one of ${Object.keys(RESOURCE_ENTITIES).join(', ')}`,
    );
  return entity;
}

function fieldEntityOf(raw: string | undefined): FieldEntity {
  return parse(FIELD_ENTITY, raw);
}

function positiveId(raw: string | undefined): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new InspectionError(400, 'invalid_request', 'id must be a positive integer');
  return id;
}

export function inspectionRouter(state: PipedriveSandboxState): Router {
  const router = express.Router();
  router.use(express.json({ limit: '512mb' }));
  router.use(state.faults.router());
  /** Changes made here count as made in Pipedrive's UI by the given (or default) user. */
  const appChange = (body: unknown): ChangeMeta => {
    const userId =
      typeof body === 'object' && body !== null && 'user_id' in body && typeof body.user_id === 'number'
        ? body.user_id
        : state.store.defaultUserId;
    return { userId, source: 'app' };
  };
  const withoutActor = (body: unknown): unknown => {
    if (typeof body !== 'object' || body === null) return body;
    const copy: Record<string, unknown> = { ...body };
    delete copy.user_id;
    return copy;
  };

  router.get('/', (_req, res) => {
    const { limits, store } = state;
    res.json({
      company: store.company,
      settings: state.settings(),
      budget: {
        daily: limits.dailyBudget(),
        spentToday: limits.spentToday(),
        resetsAt: limits.resetsAt().toISOString(),
      },
      clock: state.clock.now().toISOString(),
      oauth: { clientId: state.clientId, ...state.tokens.summary() },
      apiTokens: store.users.map((user) => ({ user_id: user.id, api_token: state.tokens.apiTokenOf(user.id) ?? null })),
      records: Object.fromEntries(RECORD_ENTITIES.map((entity) => [entity, state.records[entity].table.size])),
      webhooks: {
        subscriptions: state.webhooks.list().length,
        deliveries: state.webhooks.deliveries.length,
        pendingRetries: state.webhooks.pendingRetries(),
      },
    });
  });

  router.patch('/settings', (req, res) => {
    state.configure(
      Object.fromEntries(Object.entries(parse(SettingsBody, req.body)).filter(([, value]) => value !== undefined)),
    );
    res.json(state.settings());
  });

  router.get('/clock', (_req, res) => {
    res.json({ now: state.clock.now().toISOString() });
  });
  router.post('/clock', (req, res) => {
    const body = parse(ClockBody, req.body);
    if ('advanceMs' in body) state.advanceClock(body.advanceMs);
    else state.setClock(new Date(body.set));
    res.json({ now: state.clock.now().toISOString() });
  });

  router.post('/reset', (_req, res) => {
    state.reset();
    res.status(204).end();
  });
  router.post('/limits/reset', (_req, res) => {
    state.limits.reset();
    res.status(204).end();
  });

  router.post('/dataset', (req, res) => {
    const body: unknown = req.body;
    const generate = GenerateBody.safeParse(body);
    const counts = state.loadSource(
      generate.success
        ? {
            records: generate.data.generate.records,
            ...(generate.data.generate.seed !== undefined ? { seed: generate.data.generate.seed } : {}),
          }
        : { json: body },
    );
    res.json({
      records: Object.fromEntries(RECORD_ENTITIES.map((entity) => [entity, state.records[entity].table.size])),
      generated: counts ?? null,
    });
  });

  router.post('/tokens/expire', (req, res) => {
    const token = typeof req.body?.access_token === 'string' ? req.body.access_token : undefined;
    res.json({ expired: state.tokens.expireAccess(token) });
  });

  /** The user uninstalled the app: every grant revoked (its access tokens stop, refreshes get invalid_grant). */
  router.post('/tokens/revoke', (_req, res) => {
    res.json({ revoked: state.tokens.revokeAll() });
  });

  router.get('/webhooks/deliveries', (_req, res) => {
    res.json({ deliveries: state.webhooks.deliveries, pendingRetries: state.webhooks.pendingRetries() });
  });

  router.post('/records/:resource', (req, res) => {
    entityOf(req.params.resource);
    const writer = state.writers.get(req.params.resource);
    if (!writer)
      throw new InspectionError(405, 'not_supported', `${req.params.resource} are created through the API only`);
    res.status(201).json(writer.create(withoutActor(req.body), appChange(req.body)));
  });
  router.patch('/records/:resource/:id', (req, res) => {
    entityOf(req.params.resource);
    const writer = state.writers.get(req.params.resource);
    if (!writer) throw new InspectionError(405, 'not_supported', `${req.params.resource} cannot be updated here`);
    res.json(writer.update(positiveId(req.params.id), withoutActor(req.body), appChange(req.body)));
  });
  router.delete('/records/:resource/:id', (req, res) => {
    const entity = entityOf(req.params.resource);
    if (!state.records[entity].delete(positiveId(req.params.id), appChange(req.body)))
      throw new InspectionError(404, 'not_found', 'no such live record');
    res.status(204).end();
  });

  router.post('/fields/:entity', (req, res) => {
    const body = parse(FieldBody, req.body);
    res.status(201).json(
      state.store.fields.add(fieldEntityOf(req.params.entity), {
        name: body.name,
        type: body.field_type,
        options: body.options ?? [],
      }),
    );
  });
  router.patch('/fields/:entity/:key', (req, res) => {
    const body = parse(FieldPatchBody, req.body);
    res.json(state.store.fields.update(fieldEntityOf(req.params.entity), req.params.key, body));
  });
  router.delete('/fields/:entity/:key', (req, res) => {
    state.store.fields.remove(fieldEntityOf(req.params.entity), req.params.key);
    res.status(204).end();
  });
  router.post('/fields/:entity/:key/options', (req, res) => {
    const labels = parse(z.array(z.string().min(1)).min(1), req.body);
    res.status(201).json(state.store.fields.addOptions(fieldEntityOf(req.params.entity), req.params.key, labels));
  });
  router.patch('/fields/:entity/:key/options', (req, res) => {
    const renames = parse(z.array(z.strictObject({ id: z.number().int(), label: z.string().min(1) })).min(1), req.body);
    res.json(state.store.fields.renameOptions(fieldEntityOf(req.params.entity), req.params.key, renames));
  });
  router.delete('/fields/:entity/:key/options', (req, res) => {
    const ids = parse(z.array(z.number().int()).min(1), req.body);
    res.json(state.store.fields.removeOptions(fieldEntityOf(req.params.entity), req.params.key, ids));
  });

  router.patch('/users/:id', (req, res) => {
    const user = state.store.user(positiveId(req.params.id));
    if (!user) throw new InspectionError(404, 'not_found', 'no such user');
    Object.assign(user, parse(UserPatchBody, req.body));
    user.modified = formatV1Time(state.clock.now().getTime());
    res.json(renderUser(user, user.id));
  });

  const errors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof InspectionError)
      res.status(error.status).json({ error: { code: error.code, message: error.message } });
    else if (error instanceof ApiError)
      res.status(error.status).json({ error: { code: 'invalid_request', message: error.message } });
    else if (error instanceof FieldNotFound)
      res.status(404).json({ error: { code: 'not_found', message: error.message } });
    else if (error instanceof DatasetError)
      res.status(400).json({ error: { code: 'invalid_dataset', message: error.message } });
    else if (error instanceof Error)
      res.status(400).json({ error: { code: 'invalid_request', message: error.message } });
    else next(error);
  };
  router.use(errors);
  return router;
}
