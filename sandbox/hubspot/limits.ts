/**
 * Per-portal rate limits of a public OAuth app: 110 requests per rolling 10 seconds (search
 * excluded) with X-HubSpot-RateLimit-* headers, and search at 5 requests per second without
 * headers (https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines;
 * docs/notes/hubspot-platform.md, Rate limits). The associations v4 API has its own limit per portal tier,
 * counted apart from the general one (associations v4 guide, "Limits": 100 per 10 s on Free/Starter,
 * 150 on Professional/Enterprise, 200 with the limit increase; tier.ts). The clock is the sandbox
 * clock, so tests move time.
 */
import type { RequestHandler } from 'express';
import { apiError } from './errors.js';
import type { Portal } from './portal.js';
import { contextOf } from './request-context.js';
import type { SandboxState } from './state.js';
import { ASSOCIATIONS_WITH_LIMIT_INCREASE } from './tier.js';

export interface RateLimits {
  /** Requests per rolling 10 s per portal; 0 = off. */
  rateLimitPer10s: number;
  /** Search requests per second per portal; 0 = off. */
  searchRateLimitPerSecond: number;
}

interface Window {
  intervalMs: number;
  hits: Map<number, number[]>;
}

const TEN_SECONDS = 10_000;
const ONE_SECOND = 1_000;
const SEARCH = /^\/crm\/v3\/objects\/[^/]+\/search$/;
const ASSOCIATIONS = /^\/crm\/v4\/(associations\/|objects\/[^/]+\/[^/]+\/associations\/)/;

/** The limit a request counts against: the general 10-second one, the associations API's own, or search's. */
export type LimitName = 'general' | 'associations' | 'search';

/** `fullPath` is the path with any mount prefix (baseUrl + path). */
export function limitOf(method: string, fullPath: string): LimitName {
  if (method === 'POST' && SEARCH.test(fullPath)) return 'search';
  return ASSOCIATIONS.test(fullPath) ? 'associations' : 'general';
}

export const associationsLimitOf = (portal: Portal): number =>
  portal.settings.limitIncrease ? ASSOCIATIONS_WITH_LIMIT_INCREASE : portal.limits().associationsPer10s;

/** Sliding windows of accepted requests' times, per portal. */
export class RateLimiter {
  private readonly general: Window = { intervalMs: TEN_SECONDS, hits: new Map() };
  private readonly search: Window = { intervalMs: ONE_SECOND, hits: new Map() };
  private readonly associations: Window = { intervalMs: TEN_SECONDS, hits: new Map() };

  constructor(public limits: RateLimits) {}

  /** Records the request if under the limit; returns how many remain, or -1 when refused. */
  private take(window: Window, portalId: number, max: number, now: number): number {
    const recent = (window.hits.get(portalId) ?? []).filter((t) => t > now - window.intervalMs);
    if (recent.length >= max) {
      window.hits.set(portalId, recent);
      return -1;
    }
    recent.push(now);
    window.hits.set(portalId, recent);
    return max - recent.length;
  }

  takeGeneral(portalId: number, now: number): number {
    return this.take(this.general, portalId, this.limits.rateLimitPer10s, now);
  }

  takeSearch(portalId: number, now: number): number {
    return this.take(this.search, portalId, this.limits.searchRateLimitPerSecond, now);
  }

  takeAssociations(portalId: number, max: number, now: number): number {
    return this.take(this.associations, portalId, max, now);
  }

  reset(): void {
    this.associations.hits.clear();
    this.general.hits.clear();
    this.search.hits.clear();
  }
}

/** The 429 body: "The message and policyName will indicate which limit you hit". */
function tooManyRequests(message: string, policyName: string, headers: Record<string, string> = {}) {
  return apiError(429, { category: 'RATE_LIMITS', message, extra: { errorType: 'RATE_LIMIT', policyName } }, headers);
}

export function rateLimit(state: SandboxState): RequestHandler {
  return (req, res, next) => {
    const portal = contextOf(res)?.portal;
    if (!portal) return next();
    const { limits } = state.limiter;
    const now = state.nowMs();
    // Mounted under a prefix, so the full path is baseUrl + path.
    const limit = limitOf(req.method, req.baseUrl + req.path);
    if (limit === 'search') {
      if (limits.searchRateLimitPerSecond > 0 && state.limiter.takeSearch(portal.id, now) < 0) {
        throw tooManyRequests('You have reached your secondly limit.', 'SECONDLY');
      }
      return next();
    }
    // Turning the general limit off (0) turns the associations limit off too.
    if (limits.rateLimitPer10s <= 0) return next();
    const isAssociations = limit === 'associations';
    const max = isAssociations ? associationsLimitOf(portal) : limits.rateLimitPer10s;
    const remaining = isAssociations
      ? state.limiter.takeAssociations(portal.id, max, now)
      : state.limiter.takeGeneral(portal.id, now);
    const headers = {
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(TEN_SECONDS),
      'X-HubSpot-RateLimit-Max': String(max),
      'X-HubSpot-RateLimit-Remaining': String(Math.max(remaining, 0)),
    };
    if (remaining < 0)
      throw tooManyRequests('You have reached your ten_secondly_rolling limit.', 'TEN_SECONDLY_ROLLING', headers);
    res.set(headers);
    next();
  };
}
