/**
 * Rate-limit utilisation from the engine's side: the limiter is built with a sleep that records when it
 * waited because a window of a bucket was spent, and each call let go is recorded per bucket. A limit "was
 * the bottleneck" in a one-second slot (the limiter's widest window) when the limiter waited on it there;
 * its utilisation is the calls let go in those slots over what HubSpot allows in that time (limit × seconds
 * / 10). (Timing `acquire` instead would count the limiter's own Postgres round trips as waits, slow on a
 * loaded machine, and call a limit the bottleneck in seconds the engine left it idle.)
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PortalLimiter } from '../backend/src/hubspot/portal-limiter.js';
import type { HubSpotBucket } from '../backend/src/hubspot/portal-limits.js';
import { realSleep, type Sleep } from '../backend/src/sleep.js';

const SLOT_MS = 1000;

interface BucketLog {
  calls: number[];
  waitSlots: Set<number>;
}

export interface Utilisation {
  calls: number;
  bottleneckSeconds: number;
  callsInBottleneck: number;
  allowed: number;
  utilisation: number | null;
}

/** `build` makes the limiter with the sleep it waits with (none: no limiter). */
export function observeLimiter(build: (sleep: Sleep) => PortalLimiter) {
  const logs = new Map<HubSpotBucket, BucketLog>();
  const logOf = (bucket: HubSpotBucket) => {
    let log = logs.get(bucket);
    if (!log) logs.set(bucket, (log = { calls: [], waitSlots: new Set() }));
    return log;
  };
  /** The buckets of the `acquire` a sleep happens in. */
  const acquiring = new AsyncLocalStorage<readonly HubSpotBucket[]>();
  const inner = build(async (ms) => {
    const from = Date.now();
    await realSleep(ms);
    for (const bucket of acquiring.getStore() ?? [])
      for (let slot = Math.floor(from / SLOT_MS); slot <= Math.floor(Date.now() / SLOT_MS); slot += 1)
        logOf(bucket).waitSlots.add(slot);
  });
  const limiter: PortalLimiter = {
    async acquire(portalId, buckets) {
      await acquiring.run(buckets, () => inner.acquire(portalId, buckets));
      for (const bucket of buckets) logOf(bucket).calls.push(Date.now());
    },
    penalise: (portalId, bucket, ms) => inner.penalise(portalId, bucket, ms),
  };
  return {
    limiter,
    /** Forget what was recorded (the benchmark measures the sync, not setup). */
    reset(): void {
      logs.clear();
    },
    utilisation(bucket: HubSpotBucket, limitPer10s: number): Utilisation {
      const log = logOf(bucket);
      const callsInBottleneck = log.calls.filter((at) => log.waitSlots.has(Math.floor(at / SLOT_MS))).length;
      const bottleneckSeconds = (log.waitSlots.size * SLOT_MS) / 1000;
      const allowed = (limitPer10s * bottleneckSeconds) / 10;
      return {
        calls: log.calls.length,
        bottleneckSeconds,
        callsInBottleneck,
        allowed,
        utilisation: allowed > 0 ? Math.round((callsInBottleneck / allowed) * 1000) / 1000 : null,
      };
    },
  };
}

/** No limiter at all: the "limits off" run (the sandbox's limits are off too). */
export const unlimited: PortalLimiter = { acquire: async () => {}, penalise: async () => {} };
