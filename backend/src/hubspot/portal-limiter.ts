/**
 * One limiter per HubSpot portal, shared by every process through Postgres (ARCHITECTURE "One portal,
 * one writer"). Every HubSpot call first waits in `acquire(portalId, buckets)`; a 429 the caller got is
 * reported with `penalise`, so every process backs off, not only the one that got it.
 *
 * How the HubSpot client calls it, for every request (its own limiter and retries off):
 *   await limiter.acquire(portalId, ['general']);       // objects, batches, properties, pipelines, owners…
 *   await limiter.acquire(portalId, ['associations']);  // /crm/v4/associations/… and /crm/v4/objects/…/associations/…
 *   await limiter.acquire(portalId, ['search']);        // POST /crm/v3/objects/{type}/search
 *   on a 429: await limiter.penalise(portalId, bucket, retryAfterMs ?? backoffMs), then acquire again.
 * Associations are counted apart from the general limit, as the sandbox reads HubSpot's guide; if real
 * HubSpot turns out to count them in both, declare ['general', 'associations'].
 * Writes additionally run inside withPortalLease (portal-lease.ts).
 *
 * Built on rate-limiter-flexible's RateLimiterPostgres (fixed windows keyed per bucket and portal, in
 * the table migration 0006 creates); the window sizes come from portal-limits.ts, which explains why no
 * rolling interval sees more than the limit.
 */
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { realSleep, type Sleep } from '../sleep.js';
import {
  bucketLimit,
  type HubSpotBucket,
  LOWEST_TIER,
  type PortalTierSetting,
  type WindowPlan,
  windowPlan,
} from './portal-limits.js';

export interface PortalLimiterOptions {
  db: pg.Pool;
  /** HUBSPOT_REQUESTS_PER_10S. */
  requestsPer10s: number;
  /** The portal's tier (configuration or the portal's settings); default: the lowest limits. */
  tierOf?: (portalId: number) => PortalTierSetting | Promise<PortalTierSetting>;
  sleep?: Sleep;
}

export interface PortalLimiter {
  /** Resolves when a call using `buckets` may go; waits (timers, no polling loop) while a window is spent. */
  acquire(portalId: number, buckets: readonly HubSpotBucket[]): Promise<void>;
  /**
   * HubSpot answered 429 (policyName TEN_SECONDLY_ROLLING or SECONDLY) to a call that used `bucket`:
   * no process gets that bucket for `ms` (Retry-After), by default the bucket's whole interval (10 s,
   * search 1 s), as HubSpot's own client waits. A DAILY 429 is no window to wait out: pause the task.
   */
  penalise(portalId: number, bucket: HubSpotBucket, ms?: number): Promise<void>;
}

/** Created by migrations/0006_hubspot_limits.sql, so the library never runs DDL at run time. */
const TABLE = 'hubspot_rate_windows';

export function createPortalLimiter(options: PortalLimiterOptions): PortalLimiter {
  const sleep = options.sleep ?? realSleep;
  const tierOf = options.tierOf ?? (() => LOWEST_TIER);
  // One library instance per window plan: instances are stateless over the shared table.
  const stores = new Map<string, { plan: WindowPlan; store: RateLimiterPostgres }>();

  async function storeFor(portalId: number, bucket: HubSpotBucket) {
    const limit = bucketLimit(bucket, options.requestsPer10s, await tierOf(portalId));
    const plan = windowPlan(limit);
    const id = `${plan.windowMs}/${plan.pointsPerWindow}`;
    let entry = stores.get(id);
    if (!entry) {
      const store = new RateLimiterPostgres({
        storeClient: options.db,
        storeType: 'pool',
        tableName: TABLE,
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix: 'hubspot',
        points: plan.pointsPerWindow,
        duration: plan.windowMs / 1000,
      });
      stores.set(id, (entry = { plan, store }));
    }
    return { ...entry, key: `${bucket}:${portalId}`, intervalMs: limit.intervalMs };
  }

  /** Takes one point of the bucket's current window, or says how long until the next window. */
  async function take(portalId: number, bucket: HubSpotBucket): Promise<number> {
    const { store, key } = await storeFor(portalId, bucket);
    try {
      await store.consume(key);
      return 0;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(rejection.msBeforeNext, 1);
      throw rejection;
    }
  }

  async function msUntilFree(portalId: number, bucket: HubSpotBucket): Promise<number> {
    const { store, key } = await storeFor(portalId, bucket);
    const window = await store.get(key);
    return window && window.remainingPoints <= 0 ? Math.max(window.msBeforeNext, 1) : 0;
  }

  return {
    async acquire(portalId, buckets) {
      const unique = [...new Set(buckets)];
      for (;;) {
        // With several buckets, wait until none is spent before taking any, so a point is rarely taken
        // from one bucket while another refuses; if that race happens the point is lost (never over the limit).
        if (unique.length > 1) {
          const waits = await Promise.all(unique.map((bucket) => msUntilFree(portalId, bucket)));
          const wait = Math.max(...waits);
          if (wait > 0) {
            await sleep(wait);
            continue;
          }
        }
        let wait = 0;
        for (const bucket of unique) {
          wait = await take(portalId, bucket);
          if (wait > 0) break;
        }
        if (wait === 0) return;
        await sleep(wait);
      }
    },

    async penalise(portalId, bucket, ms) {
      const { store, key, plan, intervalMs } = await storeFor(portalId, bucket);
      // Never shorter than a window: blocking replaces the current window, and a window shorter than
      // windowMs would break the rolling-interval bound in portal-limits.ts.
      const current = await store.get(key);
      const blockMs = Math.max(ms ?? intervalMs, plan.windowMs, current?.msBeforeNext ?? 0);
      await store.block(key, blockMs / 1000);
    },
  };
}
