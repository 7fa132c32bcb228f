/**
 * Fault injection shared by the sandboxes (Pipedrive, HubSpot). API-neutral: the sandbox supplies the
 * error bodies (a Pipedrive 429 and a HubSpot 429 differ) and the name of each endpoint; this module
 * decides when to fail.
 *
 * Two kinds of faults:
 * - rates: each request rolls dice seeded by (seed, endpoint, n-th request to that endpoint), so a run
 *   is reproducible even when requests to different endpoints interleave differently;
 * - targeted: "method + path pattern (+ query / body matcher) → response, reset or delay, for the next
 *   N calls", checked before the dice, first match wins. `afterApply` lets the request run (the write
 *   lands) and then replaces its answer by an error or a dropped connection: the lost answer a
 *   retrying client must survive without duplicates.
 * It also counts requests per endpoint and lets the sandbox add named costs (e.g. Pipedrive tokens).
 *
 * Mount `faults.middleware` after the body parsers and before the API routes; mount `faults.router()`
 * under the sandbox's own inspection path.
 */
import type { Request, RequestHandler, Response } from 'express';
import { faultControlRouter } from './fault-routes.js';
import { hashSeed, Rng } from './random.js';
import { type RequestLogEntry, RequestStats, type RequestStatsSnapshot } from './request-stats.js';

export { createFaultControlClient, type FaultControlClient } from './fault-client.js';
export type { EndpointStats, RequestLogEntry, RequestStatsSnapshot } from './request-stats.js';

/** Probabilities in [0, 1]. The first five are exclusive outcomes; `slow` is independent (a slow call still runs). */
export interface FaultRates {
  rateLimited: number;
  serverError: number;
  connectionReset: number;
  /** The responder's `expireToken` hook expires the caller's token and answers as the API does. */
  tokenExpiry: number;
  /** The request runs (a write lands), then its answer is replaced by a server error: the lost answer, at random. */
  applyThenFail: number;
  slow: number;
}

export interface FaultSettings {
  seed: number;
  rates: FaultRates;
  /** Delay of a slow response. */
  slowMs: number;
  /** Statuses a random server error picks from. */
  serverErrorStatuses: number[];
}

export interface FaultResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface TargetedFault {
  /** HTTP method; omitted or '*' = any. */
  method?: string;
  /** Path pattern: `*` matches anything (also across '/'), `:name` one segment; or a RegExp (in process only). */
  path: string | RegExp;
  /** Every listed query parameter must have this value. */
  query?: Record<string, string>;
  /** JSON subset the request body must contain (objects: listed keys; arrays: same items), or a predicate. */
  body?: JsonValue | ((body: unknown) => boolean);
  /** How many matching calls it applies to; default 1. */
  times?: number | 'always';
  /** Exactly one of respond / reset / delayMs / afterApply. A respond without a body gets the responder's body for that status. */
  respond?: FaultResponse;
  reset?: true;
  delayMs?: number;
  /** The request is applied, then its answer is replaced by this response or by a dropped connection. */
  afterApply?: { respond: FaultResponse } | { reset: true };
}

export interface TargetedFaultView {
  id: string;
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: JsonValue | '[predicate]';
  remaining: number | 'always';
  hits: number;
  respond?: FaultResponse;
  reset?: true;
  delayMs?: number;
  afterApply?: TargetedFault['afterApply'];
}

export interface FaultResponder {
  /** The API's response for an injected error status (random 429/5xx, or a targeted fault without a body). */
  errorResponse(status: number, req: Request): FaultResponse;
  /** Token-expiry hook: expire the caller's credential and return the API's 401; undefined = no token, no fault. */
  expireToken?(req: Request): FaultResponse | undefined;
}

export interface FaultsOptions {
  responder: FaultResponder;
  /** Names the endpoint of a request for counting and for the dice, e.g. "GET /api/v2/persons/{id}". */
  endpointOf?: (req: Request) => string;
  /** Requests this returns false for pass through untouched and uncounted. */
  applies?: (req: Request) => boolean;
  seed?: number;
  rates?: Partial<FaultRates>;
  slowMs?: number;
  serverErrorStatuses?: number[];
  targeted?: TargetedFault[];
  /** Injected so tests can make "slow" instant or observable. */
  sleep?: (ms: number) => Promise<void>;
}

export interface SettingsPatch {
  seed?: number;
  rates?: Partial<FaultRates>;
  slowMs?: number;
  serverErrorStatuses?: number[];
}

/** The typed control API; the HTTP router and the client expose the same operations. */
export interface FaultControl {
  settings(): FaultSettings & { targeted: TargetedFaultView[] };
  configure(patch: SettingsPatch): void;
  addTargeted(fault: TargetedFault): string;
  removeTargeted(id: string): boolean;
  clearTargeted(): void;
  requests(): RequestStatsSnapshot;
  recentRequests(): RequestLogEntry[];
  resetRequests(): void;
  /** Adds a named cost to the endpoint of this request (the API-specific part calls it). */
  addCost(req: Request, name: string, amount: number): void;
  /** Back to the start settings minus targeted faults; counters cleared. */
  reset(): void;
}

export interface Faults extends FaultControl {
  middleware: RequestHandler;
  router(): import('express').Router;
}

const NO_FAULTS: FaultRates = {
  rateLimited: 0,
  serverError: 0,
  connectionReset: 0,
  tokenExpiry: 0,
  applyThenFail: 0,
  slow: 0,
};
const EXCLUSIVE = ['rateLimited', 'serverError', 'connectionReset', 'tokenExpiry', 'applyThenFail'] as const;
type DiceOutcome = 'none' | (typeof EXCLUSIVE)[number];
const DEFAULT_SERVER_ERRORS = [500, 502, 503];

interface ActiveFault {
  id: string;
  spec: TargetedFault;
  matchPath: RegExp;
  remaining: number | 'always';
  hits: number;
}

export function createFaults(options: FaultsOptions): Faults {
  const initial: FaultSettings = {
    seed: options.seed ?? 1,
    rates: { ...NO_FAULTS, ...options.rates },
    slowMs: options.slowMs ?? 2000,
    serverErrorStatuses: options.serverErrorStatuses ?? DEFAULT_SERVER_ERRORS,
  };
  let settings: FaultSettings = structuredClone(initial);
  let active: ActiveFault[] = [];
  let nextId = 1;
  const rollsPerEndpoint = new Map<string, number>();
  const endpointOfRequest = new WeakMap<Request, string>();
  const stats = new RequestStats();
  const endpointOf = options.endpointOf ?? defaultEndpointOf;
  const applies = options.applies ?? (() => true);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  const control: FaultControl = {
    settings: () => ({ ...structuredClone(settings), targeted: active.map(view) }),
    configure(patch) {
      validateRates(patch.rates ?? {});
      settings = {
        seed: patch.seed ?? settings.seed,
        rates: { ...settings.rates, ...patch.rates },
        slowMs: patch.slowMs ?? settings.slowMs,
        serverErrorStatuses: patch.serverErrorStatuses ?? settings.serverErrorStatuses,
      };
      // A new seed restarts the dice, so "same seed, same calls" gives the same faults.
      if (patch.seed !== undefined) rollsPerEndpoint.clear();
    },
    addTargeted(spec) {
      const actions = [spec.respond, spec.reset, spec.delayMs, spec.afterApply].filter(
        (action) => action !== undefined,
      );
      if (actions.length !== 1)
        throw new Error('a targeted fault needs exactly one of respond, reset, delayMs, afterApply');
      const id = `fault-${nextId}`;
      nextId += 1;
      active.push({ id, spec, matchPath: compilePathPattern(spec.path), remaining: spec.times ?? 1, hits: 0 });
      return id;
    },
    removeTargeted(id) {
      const before = active.length;
      active = active.filter((fault) => fault.id !== id);
      return active.length < before;
    },
    clearTargeted() {
      active = [];
    },
    requests: () => stats.snapshot(),
    recentRequests: () => stats.recent(),
    resetRequests: () => stats.reset(),
    addCost(req, name, amount) {
      stats.addCost(endpointOfRequest.get(req) ?? endpointOf(req), name, amount);
    },
    reset() {
      settings = structuredClone(initial);
      active = [];
      rollsPerEndpoint.clear();
      stats.reset();
    },
  };
  validateRates(initial.rates);
  for (const fault of options.targeted ?? []) control.addTargeted(fault);

  function takeTargeted(req: Request): TargetedFault | undefined {
    const fault = active.find((candidate) => matches(candidate, req));
    if (!fault) return undefined;
    fault.hits += 1;
    if (fault.remaining !== 'always') {
      fault.remaining -= 1;
      if (fault.remaining <= 0) active = active.filter((candidate) => candidate !== fault);
    }
    return fault.spec;
  }

  function roll(endpoint: string): {
    outcome: DiceOutcome;
    slow: boolean;
    status: number;
  } {
    const n = rollsPerEndpoint.get(endpoint) ?? 0;
    rollsPerEndpoint.set(endpoint, n + 1);
    const rng = new Rng(hashSeed(settings.seed, endpoint, n));
    const { rates } = settings;
    let dice = rng.next();
    let outcome: DiceOutcome = 'none';
    for (const kind of EXCLUSIVE) {
      if (dice < rates[kind]) {
        outcome = kind;
        break;
      }
      dice -= rates[kind];
    }
    const slow = rng.next() < rates.slow;
    const status = rng.pick(
      settings.serverErrorStatuses.length > 0 ? settings.serverErrorStatuses : DEFAULT_SERVER_ERRORS,
    );
    return { outcome, slow, status };
  }

  const middleware: RequestHandler = async (req, res, next) => {
    if (!applies(req)) {
      next();
      return;
    }
    const endpoint = endpointOf(req);
    endpointOfRequest.set(req, endpoint);
    stats.arrived(endpoint);
    res.once('close', () => {
      stats.finished({
        method: req.method,
        path: req.originalUrl,
        endpoint,
        status: res.headersSent ? res.statusCode : 0,
      });
    });
    const send = (response: FaultResponse): void => {
      res.status(response.status);
      for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
      if (response.body === undefined) res.end();
      else if (typeof response.body === 'string') res.send(response.body);
      else res.json(response.body);
    };

    const standardResponse = (respond: FaultResponse): FaultResponse => {
      // Without a body the fault answers the way the API answers that status, so only the status is staged.
      const standard = respond.body === undefined ? options.responder.errorResponse(respond.status, req) : respond;
      return { status: respond.status, body: standard.body, headers: { ...standard.headers, ...respond.headers } };
    };

    /** Runs the request (the write lands), then replaces its answer (the route's headers dropped). */
    const applyThenAnswer = (afterApply: NonNullable<TargetedFault['afterApply']>): void => {
      replaceAnswer(res, afterApply, (response) => {
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        send(standardResponse(response));
      });
      next();
    };

    const targeted = takeTargeted(req);
    if (targeted) {
      if (targeted.afterApply) {
        applyThenAnswer(targeted.afterApply);
      } else if (targeted.reset) {
        req.socket.destroy();
      } else if (targeted.delayMs !== undefined) {
        await sleep(targeted.delayMs);
        next();
      } else if (targeted.respond) {
        send(standardResponse(targeted.respond));
      }
      return;
    }

    const dice = roll(endpoint);
    if (dice.slow) await sleep(settings.slowMs);
    switch (dice.outcome) {
      case 'connectionReset':
        req.socket.destroy();
        return;
      case 'rateLimited':
        send(options.responder.errorResponse(429, req));
        return;
      case 'serverError':
        send(options.responder.errorResponse(dice.status, req));
        return;
      case 'applyThenFail':
        applyThenAnswer({ respond: { status: dice.status } });
        return;
      case 'tokenExpiry': {
        const expired = options.responder.expireToken?.(req);
        if (expired) send(expired);
        else next();
        return;
      }
      case 'none':
        next();
    }
  };

  return { ...control, middleware, router: () => faultControlRouter(control) };
}

/**
 * Lets the route run to its answer, then drops that answer: the first `res.end` (every Express send
 * ends there) destroys the socket or, with the original `end` restored, sends the fault response.
 */
function replaceAnswer(
  res: Response,
  afterApply: NonNullable<TargetedFault['afterApply']>,
  answer: (response: FaultResponse) => void,
): void {
  const originalEnd = res.end.bind(res);
  res.end = ((..._args: unknown[]) => {
    res.end = originalEnd;
    if ('reset' in afterApply) res.socket?.destroy();
    else answer(afterApply.respond);
    return res;
  }) as Response['end'];
}

/** Default endpoint name: method + path with numeric segments as {id}. */
function defaultEndpointOf(req: Request): string {
  return `${req.method} ${req.path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
}

function validateRates(rates: Partial<FaultRates>): void {
  for (const [name, value] of Object.entries(rates)) {
    if (!(value >= 0 && value <= 1)) throw new Error(`fault rate ${name} must be between 0 and 1`);
  }
  const exclusive = EXCLUSIVE.reduce((sum, kind) => sum + (rates[kind] ?? 0), 0);
  if (exclusive > 1) throw new Error(`${EXCLUSIVE.join(' + ')} must not exceed 1`);
}

/** `*` = any characters, `:name` = one path segment, everything else literal. */
export function compilePathPattern(pattern: string | RegExp): RegExp {
  if (pattern instanceof RegExp) return pattern;
  const source = pattern
    .split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)
    .map((part) => {
      if (part === '*') return '.*';
      if (part.startsWith(':')) return '[^/]+';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

function matches(fault: ActiveFault, req: Request): boolean {
  const { spec } = fault;
  if (spec.method && spec.method !== '*' && spec.method.toUpperCase() !== req.method) return false;
  if (!fault.matchPath.test(req.path)) return false;
  for (const [name, value] of Object.entries(spec.query ?? {})) {
    if (String(req.query[name] ?? '') !== value) return false;
  }
  if (spec.body === undefined) return true;
  if (typeof spec.body === 'function') return spec.body(req.body);
  return containsJson(req.body, spec.body);
}

/** Whether `actual` contains `expected`: objects by the expected keys, arrays item by item, scalars equal. */
export function containsJson(actual: unknown, expected: JsonValue): boolean {
  if (expected === null || typeof expected !== 'object') return actual === expected;
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, index) => containsJson(actual[index], item))
    );
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
  const record: Record<string, unknown> = { ...actual };
  return Object.entries(expected).every(([key, value]) => containsJson(record[key], value));
}

function view(fault: ActiveFault): TargetedFaultView {
  const { spec } = fault;
  return {
    id: fault.id,
    method: spec.method?.toUpperCase() ?? '*',
    path: String(spec.path),
    ...(spec.query ? { query: spec.query } : {}),
    ...(spec.body !== undefined ? { body: typeof spec.body === 'function' ? '[predicate]' : spec.body } : {}),
    remaining: fault.remaining,
    hits: fault.hits,
    ...(spec.respond ? { respond: spec.respond } : {}),
    ...(spec.reset ? { reset: true as const } : {}),
    ...(spec.delayMs !== undefined ? { delayMs: spec.delayMs } : {}),
    ...(spec.afterApply ? { afterApply: spec.afterApply } : {}),
  };
}
