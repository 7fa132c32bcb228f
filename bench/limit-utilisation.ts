/**
 * Rate-limit utilisation from the engine's side: a PortalLimiter wrapper that records when each call
 * was let go and when the engine had to wait, per bucket. A limit "was the bottleneck" in a one-second
 * slot (the limiter's widest window) when some call waited on it there; its utilisation is the calls
 * let go in those slots over what HubSpot allows in that time (limit × seconds / 10).
 */
import type { PortalLimiter } from '../backend/src/hubspot/portal-limiter.js';
import type { HubSpotBucket } from '../backend/src/hubspot/portal-limits.js';

const SLOT_MS = 1000;
/** A wait shorter than this is the limiter's own database round trip, not a spent window. */
const WAITED_MS = 25;

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

export function observeLimiter(inner: PortalLimiter) {
  const logs = new Map<HubSpotBucket, BucketLog>();
  const logOf = (bucket: HubSpotBucket) => {
    let log = logs.get(bucket);
    if (!log) logs.set(bucket, (log = { calls: [], waitSlots: new Set() }));
    return log;
  };
  const limiter: PortalLimiter = {
    async acquire(portalId, buckets) {
      const asked = Date.now();
      await inner.acquire(portalId, buckets);
      const let_go = Date.now();
      for (const bucket of buckets) {
        const log = logOf(bucket);
        log.calls.push(let_go);
        if (let_go - asked >= WAITED_MS)
          for (let slot = Math.floor(asked / SLOT_MS); slot <= Math.floor(let_go / SLOT_MS); slot += 1)
            log.waitSlots.add(slot);
      }
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
