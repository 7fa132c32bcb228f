/**
 * A separate OS process for the shared-limiter and writer-lease tests (run with `node --import tsx`).
 * LIMITER_MODE=calls: prints "ready", waits for "go" on stdin, makes LIMITER_WORK's HubSpot calls, each
 * after `acquire`, then prints "RESULT <json>" (one entry per call: portal, bucket, time sent, status).
 * LIMITER_MODE=lease: prints "waiting", takes LEASE_PORTAL's writer lease, prints "leased", holds it
 * until the process is killed.
 */
import { createInterface } from 'node:readline';
import pg from 'pg';
import { parseEnv } from '../../backend/src/config/env.js';
import { withPortalLease } from '../../backend/src/hubspot/portal-lease.js';
import { createPortalLimiter } from '../../backend/src/hubspot/portal-limiter.js';
import type { HubSpotBucket } from '../../backend/src/hubspot/portal-limits.js';

export interface LimiterWork {
  portalId: number;
  accessToken: string;
  bucket: HubSpotBucket;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  calls: number;
  concurrency: number;
}

export interface CallRecord {
  portalId: number;
  bucket: HubSpotBucket;
  sentAt: number;
  status: number;
}

const env = parseEnv(process.env);
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 12 });

async function runCalls(): Promise<void> {
  const limiter = createPortalLimiter({
    db: pool,
    requestsPer10s: env.HUBSPOT_REQUESTS_PER_10S,
    tierOf: () => ({ tier: env.HUBSPOT_TIER, limitIncrease: env.HUBSPOT_LIMIT_INCREASE }),
  });
  const work = JSON.parse(process.env.LIMITER_WORK ?? '[]') as LimiterWork[];
  const lines = createInterface({ input: process.stdin });
  const go = new Promise<void>((resolve) => lines.on('line', (line) => line === 'go' && resolve()));
  console.log('ready');
  await go;
  lines.close();
  const records: CallRecord[] = [];
  await Promise.all(
    work.flatMap((item) => {
      let left = item.calls;
      return Array.from({ length: item.concurrency }, async () => {
        while (left > 0) {
          left -= 1;
          await limiter.acquire(item.portalId, [item.bucket]);
          const sentAt = Date.now();
          const response = await fetch(`${env.HUBSPOT_API_BASE_URL}${item.path}`, {
            method: item.method,
            headers: { authorization: `Bearer ${item.accessToken}`, 'content-type': 'application/json' },
            ...(item.body === undefined ? {} : { body: JSON.stringify(item.body) }),
          });
          await response.arrayBuffer();
          records.push({ portalId: item.portalId, bucket: item.bucket, sentAt, status: response.status });
        }
      });
    }),
  );
  console.log(`RESULT ${JSON.stringify(records)}`);
  await pool.end();
}

async function holdLease(): Promise<void> {
  console.log('waiting');
  await withPortalLease(pool, Number(process.env.LEASE_PORTAL), async () => {
    console.log('leased');
    // Held until the test kills this process; the leased connection keeps the process alive.
    await new Promise(() => undefined);
  });
}

await (process.env.LIMITER_MODE === 'lease' ? holdLease() : runCalls());
