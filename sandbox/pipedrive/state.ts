/**
 * One emulated Pipedrive company and everything around it: data, clock, OAuth, limits, webhooks and
 * faults. The Express app serves it; tests may also drive it in process through these methods (the
 * inspection endpoint exposes the same operations over HTTP).
 */
import { readFileSync } from 'node:fs';
import type { Request } from 'express';
import { type Clock, type SandboxClock, toSandboxClock } from '../common/clock.js';
import { createFaults, type FaultRates, type Faults, type TargetedFault } from '../common/faults.js';
import { generateDataset, type GeneratedCounts } from './dataset/generate.js';
import { loadDataset, parseDataset } from './dataset/load.js';
import { standardResponse, UNAUTHORIZED } from './http/errors.js';
import { endpointName, RouteRegistry } from './http/routes.js';
import { Limits, type LimitSettings, type Plan } from './limits.js';
import { credentialOf } from './oauth/authenticate.js';
import { OAuthTokens } from './oauth/tokens.js';
import { renderActivity } from './resources/activities.js';
import { type Collections, DEFAULT_VIEW, type ResourceContext } from './resources/context.js';
import { renderDeal } from './resources/deals.js';
import { renderNote } from './resources/notes.js';
import { renderOrganization } from './resources/organizations.js';
import { renderPerson } from './resources/persons.js';
import { renderPipeline, renderStage } from './resources/pipelines.js';
import { renderProduct } from './resources/products.js';
import type { RecordWriter } from './resources/v2-crud.js';
import { type ChangeEvent, Collection } from './store/collection.js';
import { RECORD_ENTITIES, type RecordEntity, Store } from './store/store.js';
import { Webhooks } from './webhooks/delivery.js';
import type { PayloadContext, WebhookChange, WebhookEntity } from './webhooks/payload.js';

/** A generated dataset, a dataset (JSON value), or a dataset JSON file. */
export type DatasetSource = { records: number; seed?: number } | { file: string } | { json: unknown };

export interface PipedriveSandboxOptions {
  clientId?: string;
  clientSecret?: string;
  /** The app's registered callback; unset accepts any redirect_uri. */
  redirectUri?: string;
  plan?: Plan;
  seats?: number;
  /** Seeds the generated dataset and the fault dice. */
  seed?: number;
  /** Default: a generated dataset of 1,000 records. */
  dataset?: DatasetSource;
  faults?: {
    seed?: number;
    rates?: Partial<FaultRates>;
    slowMs?: number;
    targeted?: TargetedFault[];
    sleep?: (ms: number) => Promise<void>;
  };
  /** Any `{ now(): Date }`; the sandbox adds controls (advance/set) on top of it. */
  clock?: Clock;
  /** /oauth/authorize approves at once (default true) instead of showing the consent page. */
  autoApprove?: boolean;
  /** The app's scopes (comma-separated): later grants carry them and OAuth calls are checked against them. */
  scope?: string;
  /** Lists also return soft-deleted rows (overrides the dataset's `options.listDeleted`). */
  listDeleted?: boolean;
  /** Webhook receivers that do not answer within this time fail (Pipedrive: 10 s). */
  webhookTimeoutMs?: number;
}

export interface SandboxSettings extends LimitSettings {
  autoApprove: boolean;
  /** The user /oauth/authorize installs as (a non-admin connects with a non-admin user id). */
  installingUserId: number;
  /** The app's OAuth scopes for later installs. */
  scope: string;
  /** Lists without a deleted filter also return soft-deleted rows (see Store.options). */
  listDeleted: boolean;
}

const DEFAULT_SCOPE =
  'base,deals:read,contacts:read,activities:read,products:read,leads:read,users:read,recents:read,search:read,admin';

const WEBHOOK_ENTITIES: Partial<Record<RecordEntity, WebhookEntity>> = {
  person: 'person',
  organization: 'organization',
  deal: 'deal',
  product: 'product',
  activity: 'activity',
  note: 'note',
  pipeline: 'pipeline',
  stage: 'stage',
};

export class PipedriveSandboxState {
  readonly clock: SandboxClock;
  readonly store: Store;
  readonly records: Collections;
  readonly tokens: OAuthTokens;
  readonly limits: Limits;
  readonly webhooks: Webhooks;
  readonly faults: Faults;
  readonly routes = new RouteRegistry();
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string | undefined;
  /** Filled by the app: the v2 writers (persons, deals, …) the inspection endpoint writes through. */
  readonly writers = new Map<string, RecordWriter>();
  autoApprove: boolean;
  installingUserId: number | undefined;
  /** Where the sandbox is reachable; set when it listens. */
  apiBaseUrl = 'http://127.0.0.1';
  private readonly initialDataset: DatasetSource;
  private readonly listDeletedOverride: boolean | undefined;
  private readonly seed: number;

  constructor(options: PipedriveSandboxOptions = {}) {
    this.clock = toSandboxClock(options.clock);
    this.seed = options.seed ?? 1;
    this.clientId = options.clientId ?? 'sandbox-pipedrive-client';
    this.clientSecret = options.clientSecret ?? 'sandbox-pipedrive-secret';
    this.redirectUri = options.redirectUri;
    this.autoApprove = options.autoApprove ?? true;
    this.store = new Store(this.clock);
    const emit = (event: ChangeEvent): void => this.publish(event);
    this.records = Object.fromEntries(
      RECORD_ENTITIES.map((entity) => [entity, new Collection(entity, this.store, this.clock, emit)]),
    ) as Collections;
    this.tokens = new OAuthTokens(this.clock, options.scope ?? DEFAULT_SCOPE);
    this.limits = new Limits(this.clock, {
      plan: options.plan ?? 'growth',
      seats: options.seats ?? 5,
      dailyBudgetOverride: null,
      burstOverride: null,
      utcOffsetMinutes: 0,
    });
    this.webhooks = new Webhooks(this.clock, (entity) => this.payloadContext(entity), {
      timeoutMs: options.webhookTimeoutMs ?? 10_000,
    });
    this.faults = createFaults({
      responder: {
        errorResponse: (status) => standardResponse(status),
        expireToken: (req) => this.expireCallerToken(req),
      },
      endpointOf: (req) => {
        const route = this.routes.match(req.method, req.path);
        return route ? endpointName(route) : `${req.method} ${req.path}`;
      },
      applies: (req) => !req.path.startsWith('/_sandbox'),
      seed: options.faults?.seed ?? this.seed,
      ...(options.faults?.rates ? { rates: options.faults.rates } : {}),
      ...(options.faults?.slowMs !== undefined ? { slowMs: options.faults.slowMs } : {}),
      ...(options.faults?.targeted ? { targeted: options.faults.targeted } : {}),
      ...(options.faults?.sleep ? { sleep: options.faults.sleep } : {}),
    });
    this.initialDataset = options.dataset ?? { records: 1000, seed: this.seed };
    this.listDeletedOverride = options.listDeleted;
    this.loadSource(this.initialDataset);
  }

  get context(): ResourceContext {
    return { store: this.store, records: this.records, clock: this.clock, apiBaseUrl: () => this.apiBaseUrl };
  }

  settings(): SandboxSettings {
    return {
      ...this.limits.settings,
      autoApprove: this.autoApprove,
      installingUserId: this.installingUserId ?? this.store.defaultUserId,
      scope: this.tokens.scope,
      listDeleted: this.store.options.listDeleted,
    };
  }

  configure(patch: Partial<SandboxSettings>): void {
    const { autoApprove, installingUserId, scope, listDeleted, ...limits } = patch;
    this.limits.settings = { ...this.limits.settings, ...limits };
    if (autoApprove !== undefined) this.autoApprove = autoApprove;
    if (installingUserId !== undefined) this.installingUserId = installingUserId;
    if (scope !== undefined) this.tokens.scope = scope;
    if (listDeleted !== undefined) this.store.options.listDeleted = listDeleted;
  }

  /** Replaces the data (generated, JSON or file); plan and seats of a dataset apply too. */
  loadSource(source: DatasetSource): GeneratedCounts | undefined {
    const target = { store: this.store, records: this.records, tokens: this.tokens, clock: this.clock };
    const listDeleted = this.listDeletedOverride !== undefined ? { listDeleted: this.listDeletedOverride } : {};
    if ('records' in source) {
      const counts = generateDataset(target, { records: source.records, seed: source.seed ?? this.seed });
      this.configure(listDeleted);
      return counts;
    }
    const json: unknown = 'file' in source ? JSON.parse(readFileSync(source.file, 'utf8')) : source.json;
    const dataset = parseDataset(json);
    loadDataset(target, dataset);
    this.configure({
      ...(dataset.plan ? { plan: dataset.plan } : {}),
      ...(dataset.seats ? { seats: dataset.seats } : {}),
      ...listDeleted,
    });
    return undefined;
  }

  /** Back to the starting dataset; limits, faults, grants, webhooks and counters cleared. */
  reset(): void {
    this.tokens.clearGrants();
    this.webhooks.clear();
    this.limits.reset();
    this.faults.reset();
    this.loadSource(this.initialDataset);
  }

  /** Moves time on and sends webhook retries that became due. */
  advanceClock(ms: number): void {
    this.clock.advance(ms);
    this.webhooks.runDue();
  }

  setClock(instant: Date): void {
    this.clock.set(instant);
    this.webhooks.runDue();
  }

  apiToken(userId = this.store.defaultUserId): string {
    const token = this.tokens.apiTokenOf(userId);
    if (!token) throw new Error(`user ${userId} has no API token`);
    return token;
  }

  private expireCallerToken(
    req: Request,
  ): { status: number; body?: unknown; headers?: Record<string, string> } | undefined {
    const credential = credentialOf(this.tokens, req);
    if (!credential.ok || credential.kind !== 'oauth') return undefined;
    this.tokens.expireAccess(credential.token);
    return UNAUTHORIZED;
  }

  private payloadContext(entity: WebhookEntity): PayloadContext {
    const fieldEntity = entity === 'pipeline' || entity === 'stage' ? undefined : entity;
    return {
      companyId: this.store.company.id,
      host: `${this.store.company.domain}.pipedrive.com`,
      permittedUserIds: this.store.users.filter((user) => user.active_flag).map((user) => user.id),
      customFields: fieldEntity ? this.store.fields.custom(fieldEntity) : [],
    };
  }

  private render(event: ChangeEvent, which: 'current' | 'previous'): Record<string, unknown> | null {
    const context = this.context;
    switch (event.entity) {
      case 'person':
        return event[which] && renderPerson(context, event[which], DEFAULT_VIEW);
      case 'organization':
        return event[which] && renderOrganization(context, event[which], DEFAULT_VIEW);
      case 'deal':
        return event[which] && renderDeal(context, event[which], DEFAULT_VIEW);
      case 'product':
        return event[which] && renderProduct(context, event[which], DEFAULT_VIEW);
      case 'activity':
        return event[which] && renderActivity(event[which], false);
      case 'note':
        return event[which] && renderNote(context, event[which], event.meta.userId);
      case 'pipeline':
        return event[which] && renderPipeline(event[which]);
      case 'stage':
        return event[which] && renderStage(event[which]);
      default:
        return null;
    }
  }

  private publish(event: ChangeEvent): void {
    const entity = WEBHOOK_ENTITIES[event.entity];
    if (!entity || this.webhooks.list().length === 0) return;
    const record = event.current ?? event.previous;
    if (!record) return;
    const change: WebhookChange = {
      entity,
      action: event.action,
      entityId: record.id,
      current: this.render(event, 'current'),
      previous: this.render(event, 'previous'),
      userId: event.meta.userId,
      source: event.meta.source,
      timestamp: event.timestamp,
      permits: (userId) => {
        const collection: Collection<RecordEntity> = this.records[event.entity];
        return collection.recordVisibleTo(record, userId);
      },
    };
    this.webhooks.publish(change);
  }
}
