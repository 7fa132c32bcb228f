import { Client } from '@hubspot/api-client';
import type { Logger } from 'pino';
import type { HubSpotTokens } from '../auth/hubspot-tokens.service.js';
import type { HeaderSource } from '../http-client/response-headers.js';
import { realSleep, type Sleep } from '../sleep.js';
import {
  decideHubSpotRetry,
  DEFAULT_HUBSPOT_RETRY_POLICY,
  type HubSpotFailure,
  type HubSpotRetryPolicy,
} from './decide-retry.js';
import {
  HubSpotApiError,
  type HubSpotBatchResult,
  type HubSpotInputError,
  policyNameOf,
  readBatchResponse,
  toInputError,
} from './hubspot-errors.js';
import { readProperties } from './hubspot-properties.client.js';
import { type HubSpotJson, setupOperations } from './hubspot-setup-operations.js';
import { objectPages } from './object-pages.js';
import type { PortalLimiter } from './portal-limiter.js';
import type { HubSpotBucket } from './portal-limits.js';
import { parseHubSpotRateLimits } from './rate-limit-headers.js';
import { secondaryEmailsApi } from './secondary-emails.js';

export interface HubSpotOwner {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
}

export interface HubSpotAccountCurrencies {
  companyCurrency: string | null;
  additionalCurrencies: string[];
  timeZone: string | null;
}

export interface HubSpotSearchPage<T> {
  results: T[];
  /** How many records match in all (HubSpot counts them even when it pages no further than 10,000). */
  total?: number;
  paging?: { next?: { after: string } };
}

/** One portal's API client, built once: the official client (its limiter and retries off). */
interface PortalClient {
  client: Client;
  token: string | null;
  /** The account's time zone once read: HubSpot's daily limit resets at its midnight. */
  timeZone: string | null;
}

/** A failed attempt: what the retry rules judge, and HubSpot's account of it. */
interface AttemptFailure {
  failure: HubSpotFailure;
  error: HubSpotInputError | null;
}

/** The client throws ApiException (numeric `code`, `body`, `headers`); fetch throws with the socket's code in `cause`. */
function failureOfThrown(thrown: unknown, at: number): AttemptFailure | null {
  const error = thrown as { code?: unknown; body?: unknown; headers?: HeaderSource; cause?: { code?: unknown } };
  if (typeof error.code === 'number') {
    const body = typeof error.body === 'string' ? safeJson(error.body) : error.body;
    return statusFailure(error.code, error.headers ?? {}, body, at);
  }
  const code =
    typeof error.cause?.code === 'string' ? error.cause.code : typeof error.code === 'string' ? error.code : null;
  return code === null ? null : { failure: { kind: 'network', code }, error: null };
}

function statusFailure(status: number, headers: HeaderSource, body: unknown, at: number): AttemptFailure {
  return {
    failure: {
      kind: 'status',
      status,
      limits: parseHubSpotRateLimits(headers, at),
      policyName: policyNameOf(body),
      at,
    },
    error: toInputError(body),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The limit a call counts against (portal-limiter.ts): associations v4 and search have their own. */
export function bucketOf(operation: string): HubSpotBucket {
  if (/^\S+ \/crm\/v4\/(associations\/|objects\/[^/]+\/[^/]+\/associations)/.test(operation)) return 'associations';
  if (/^POST \/crm\/v3\/objects\/[^/]+\/search$/.test(operation)) return 'search';
  return 'general';
}

/** A 429 naming a window every process must wait out (a DAILY one is no window: the call gives up). */
const WINDOW_REASONS = new Set(['ten_secondly_limit', 'secondly_limit']);
/** Refusals HubSpot answers before doing anything: the only failures a create may be sent again after. */
const NOTHING_APPLIED_REASONS = new Set(['ten_secondly_limit', 'secondly_limit', 'rate_limit']);

/**
 * HubSpot's API for one portal at a time, through the official client with its own limiter and retries
 * off: every call first waits in the per-portal limiter every process shares (portal-limiter.ts), a 429
 * is reported to it so all processes back off, and failures are retried here as decideHubSpotRetry rules.
 */
export function createHubSpotApi(deps: {
  apiBaseUrl: string;
  limiter: PortalLimiter;
  tokens: Pick<HubSpotTokens, 'accessToken'>;
  logger: Logger;
  sleep?: Sleep;
  retryPolicy?: HubSpotRetryPolicy;
}) {
  const portals = new Map<number, PortalClient>();
  const sleep = deps.sleep ?? realSleep;
  const policy = deps.retryPolicy ?? DEFAULT_HUBSPOT_RETRY_POLICY;

  async function portalClient(portalId: number): Promise<PortalClient> {
    let portal = portals.get(portalId);
    if (!portal) {
      portal = {
        client: new Client({ basePath: deps.apiBaseUrl, numberOfApiCallRetries: 0 }),
        token: null,
        timeZone: null,
      };
      portals.set(portalId, portal);
    }
    // Tokens last 30 minutes: the same client carries the refreshed one.
    const token = await deps.tokens.accessToken(portalId);
    if (token !== portal.token) {
      portal.client.setAccessToken(token);
      portal.token = token;
    }
    return portal;
  }

  /**
   * Runs `attempt` until it succeeds or the retry rules give up; `attempt` returns a failure it recognises.
   * `idempotent: false` (a create without a unique key) never repeats a call that may have landed.
   */
  async function call<T>(
    portalId: number,
    operation: string,
    attempt: (client: Client) => Promise<T | AttemptFailure>,
    idempotent = true,
  ): Promise<T> {
    const bucket = bucketOf(operation);
    for (let retries = 0; ; retries += 1) {
      const portal = await portalClient(portalId);
      let outcome: T | AttemptFailure;
      try {
        await deps.limiter.acquire(portalId, [bucket]);
        outcome = await attempt(portal.client);
      } catch (thrown) {
        const failure = failureOfThrown(thrown, Date.now());
        if (!failure) throw thrown;
        outcome = failure;
      }
      if (!isFailure(outcome)) return outcome;
      if (outcome.failure.kind === 'status') outcome.failure.timeZone ??= portal.timeZone;
      const decided = decideHubSpotRetry(outcome.failure, retries, policy);
      const decision =
        idempotent || NOTHING_APPLIED_REASONS.has(decided.reason) ? decided : { ...decided, retry: false };
      const status = outcome.failure.kind === 'status' ? outcome.failure.status : null;
      if (!decision.retry) {
        deps.logger.warn({ portalId, operation, status, reason: decision.reason, retries }, 'hubspot call failed');
        throw new HubSpotApiError(
          status,
          decision.reason,
          `HubSpot ${operation}: ${decision.reason} (HTTP ${status ?? 'none'}) after ${retries + 1} attempt(s)`,
          decision.waitMs,
          outcome.error,
        );
      }
      deps.logger.info(
        { portalId, operation, status, reason: decision.reason, waitMs: decision.waitMs, retries },
        'hubspot call retried',
      );
      if (WINDOW_REASONS.has(decision.reason) && outcome.failure.kind === 'status')
        await deps.limiter.penalise(portalId, bucket, outcome.failure.limits.retryAfterMs ?? undefined);
      await sleep(decision.waitMs);
    }
  }

  /** A raw request through the portal's client: the response, or the failure its status means. */
  async function request(
    client: Client,
    method: string,
    path: string,
    body?: unknown,
    accept: (status: number) => boolean = (s) => s < 400,
  ) {
    const response = await client.apiRequest({ method, path, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    const parsed = text === '' ? null : safeJson(text);
    if (accept(response.status)) return { status: response.status, body: parsed };
    return statusFailure(response.status, response.headers, parsed, Date.now());
  }

  return {
    forPortal(portalId: number) {
      /** One JSON call (no batch semantics): its body, or HubSpotApiError with HubSpot's account of the failure. */
      const json: HubSpotJson = async (method, path, body) => {
        const response = await call(
          portalId,
          `${method} ${path.split('?')[0]}`,
          (client) => request(client, method, path, body),
          method !== 'POST',
        );
        return response.body;
      };
      return {
        ...setupOperations(json),
        secondaryEmails: secondaryEmailsApi(json),
        /** An object type's records, page by page (never all at once). */
        objectPages: (objectType: string, properties: readonly string[]) => objectPages(json, objectType, properties),
        properties: (objectType: string) =>
          readProperties((work) => call(portalId, `GET /crm/v3/properties/${objectType}`, work), objectType),

        async owners(): Promise<HubSpotOwner[]> {
          const owners: HubSpotOwner[] = [];
          let after: string | undefined;
          do {
            const page = await call(portalId, 'GET /crm/v3/owners', (client) =>
              client.crm.owners.ownersApi.getPage(undefined, after, 100, false),
            );
            for (const owner of page.results) {
              owners.push({
                id: owner.id,
                email: owner.email ?? null,
                firstName: owner.firstName ?? null,
                lastName: owner.lastName ?? null,
              });
            }
            after = page.paging?.next?.after;
          } while (after);
          return owners;
        },

        async accountCurrencies(): Promise<HubSpotAccountCurrencies> {
          const response = await call(portalId, 'GET /account-info/v3/details', (client) =>
            request(client, 'GET', '/account-info/v3/details'),
          );
          const details = (response.body ?? {}) as {
            companyCurrency?: string;
            additionalCurrencies?: string[];
            timeZone?: string;
          };
          const portal = portals.get(portalId);
          if (portal && details.timeZone) portal.timeZone = details.timeZone;
          return {
            companyCurrency: details.companyCurrency ?? null,
            additionalCurrencies: details.additionalCurrencies ?? [],
            timeZone: details.timeZone ?? null,
          };
        },

        /**
         * A batch call (create, update, upsert, read, associations): HubSpot's per-input errors of a 207
         * and of a refused batch (400) come back in the result, for the caller to record; other failures
         * are retried or thrown as HubSpotApiError. `idempotent: false` for creates that a repeat would
         * duplicate: a failure after which the write may have landed (5xx, broken connection) is thrown at once.
         */
        async batch<T>(
          path: string,
          body: { inputs: readonly unknown[] } & Record<string, unknown>,
          options: { idempotent?: boolean } = {},
        ): Promise<HubSpotBatchResult<T>> {
          return call(
            portalId,
            `POST ${path}`,
            async (client) => {
              const response = await request(client, 'POST', path, body, (status) => status <= 400);
              if ('failure' in response) return response;
              return (
                readBatchResponse<T>(response.status, response.body) ??
                statusFailure(response.status, {}, response.body, Date.now())
              );
            },
            options.idempotent ?? true,
          );
        },

        /** CRM search (its own limit of 5 per second): one page of `{ results, paging }`. */
        async search<T>(objectType: string, body: Record<string, unknown>): Promise<HubSpotSearchPage<T>> {
          const path = `/crm/v3/objects/${objectType}/search`;
          const response = await call(portalId, `POST ${path}`, (client) => request(client, 'POST', path, body));
          const page = (response.body ?? {}) as Partial<HubSpotSearchPage<T>>;
          return {
            results: page.results ?? [],
            ...(typeof page.total === 'number' ? { total: page.total } : {}),
            ...(page.paging ? { paging: page.paging } : {}),
          };
        },
      };
    },
  };
}

function isFailure<T>(outcome: T | AttemptFailure): outcome is AttemptFailure {
  return typeof outcome === 'object' && outcome !== null && 'failure' in outcome && 'error' in outcome;
}

export type HubSpotApi = ReturnType<typeof createHubSpotApi>;
export type HubSpotPortalApi = ReturnType<HubSpotApi['forPortal']>;
