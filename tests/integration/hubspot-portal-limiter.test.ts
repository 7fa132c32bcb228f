/**
 * The shared per-portal HubSpot limiter and writer lease across separate OS processes, against the
 * HubSpot sandbox (which enforces HubSpot's rolling limits itself and answers 429 past them).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { PortalLeaseLost, withPortalLease } from '../../backend/src/hubspot/portal-lease.js';
import { createPortalLimiter } from '../../backend/src/hubspot/portal-limiter.js';
import { type RunningHubSpotSandbox, startHubSpotSandbox } from '../../sandbox/hubspot/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import type { CallRecord, LimiterWork } from '../support/hubspot-limiter-process.js';
import { waitFor } from '../support/wait-for.js';
import { stopProcess } from '../support/worker-process.js';

const GENERAL_LIMIT = 20; // lowered from 110 so the test saturates it quickly
const ASSOCIATIONS_LIMIT = 100; // a Free portal's (the limiter's default tier; the sandbox's Starter has the same)
const SEARCH_LIMIT = 5; // per second
const PORTAL_A = 7001;
const PORTAL_B = 7002;
const REDIRECT_URI = 'http://localhost:3000/oauth/hubspot/callback';
const SCOPES = 'oauth crm.objects.contacts.read crm.objects.contacts.write crm.objects.companies.read';

let db: TestDatabase;
let sandbox: RunningHubSpotSandbox;
const children: ChildProcess[] = [];

interface Child {
  process: ChildProcess;
  output: () => string;
}

function startChild(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/hubspot-limiter-process.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      HUBSPOT_API_BASE_URL: sandbox.apiBaseUrl,
      HUBSPOT_REQUESTS_PER_10S: String(GENERAL_LIMIT),
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { process: child, output: () => output };
}

const printed = (child: Child, line: string) =>
  waitFor(
    async () => child.output(),
    (output) => output.split('\n').includes(line),
    20_000,
    `"${line}" from a child`,
  );

async function sandboxCall(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sandbox.apiBaseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    redirect: 'manual',
  });
  return response;
}

/** Installs the app into a new sandbox portal the way HubSpot does (authorize → code → token). */
async function installPortal(portalId: number): Promise<string> {
  expect((await sandboxCall('POST', '/_sandbox/portals', { portalId })).status).toBe(201);
  expect((await sandboxCall('POST', '/_sandbox/oauth/next-approval', { portalId })).status).toBe(204);
  const query = new URLSearchParams({
    client_id: sandbox.clientId,
    redirect_uri: REDIRECT_URI,
    scope: SCOPES,
    state: 's',
  });
  const authorize = await sandboxCall('GET', `/oauth/authorize?${query}`);
  const code = new URL(authorize.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const token = await fetch(`${sandbox.apiBaseUrl}/oauth/v1/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: sandbox.clientId,
      client_secret: sandbox.clientSecret,
      redirect_uri: REDIRECT_URI,
      code,
    }),
  });
  expect(token.status).toBe(200);
  return ((await token.json()) as { access_token: string }).access_token;
}

/** Calls sent in [from, from + intervalMs), for every `from` in [first, last − interval] (10 ms steps). */
function rollingCounts(sentAt: number[], intervalMs: number): { min: number; max: number } {
  const times = [...sentAt].sort((a, b) => a - b);
  const first = times[0] ?? 0;
  const last = times.at(-1) ?? 0;
  let min = Infinity;
  let max = 0;
  for (let from = first - intervalMs; from <= last; from += 10) {
    const count = times.filter((time) => time >= from && time < from + intervalMs).length;
    max = Math.max(max, count);
    // Utilisation counts only intervals entirely inside the busy period.
    if (from >= first && from + intervalMs <= last) min = Math.min(min, count);
  }
  return { min, max };
}

beforeAll(async () => {
  db = await createTestDatabase();
  sandbox = await startHubSpotSandbox({ rateLimitPer10s: GENERAL_LIMIT });
});

afterAll(async () => {
  await Promise.all(children.map((child) => stopProcess(child, 'SIGKILL')));
  await sandbox?.close();
  await db?.drop();
});

describe('the shared per-portal limiter', () => {
  it('keeps two processes on two portals within each limit (no 429), with ≥ 80 % of each used, associations and search counted apart', async () => {
    // One after the other: the sandbox's "next approval" is one setting.
    const tokenA = await installPortal(PORTAL_A);
    const tokenB = await installPortal(PORTAL_B);
    const general = (portalId: number, accessToken: string): LimiterWork => ({
      portalId,
      accessToken,
      bucket: 'general',
      method: 'GET',
      path: '/crm/v3/objects/contacts?limit=1',
      calls: 14,
      concurrency: 2,
    });
    const work: LimiterWork[] = [
      general(PORTAL_A, tokenA),
      general(PORTAL_B, tokenB),
      {
        portalId: PORTAL_A,
        accessToken: tokenA,
        bucket: 'associations',
        method: 'POST',
        path: '/crm/v4/associations/contacts/companies/batch/read',
        body: { inputs: [{ id: '1' }] },
        calls: 70,
        concurrency: 4,
      },
      {
        portalId: PORTAL_B,
        accessToken: tokenB,
        bucket: 'search',
        method: 'POST',
        path: '/crm/v3/objects/contacts/search',
        body: { limit: 1 },
        calls: 10,
        concurrency: 2,
      },
    ];
    const processes = [
      startChild({ LIMITER_MODE: 'calls', LIMITER_WORK: JSON.stringify(work) }),
      startChild({ LIMITER_MODE: 'calls', LIMITER_WORK: JSON.stringify(work) }),
    ];
    await Promise.all(processes.map((child) => printed(child, 'ready')));
    for (const child of processes) child.process.stdin?.write('go\n');
    const results = await Promise.all(
      processes.map(async (child) => {
        const output = await waitFor(
          async () => child.output(),
          (text) => text.includes('RESULT '),
          40_000,
          'the calls to finish',
        );
        const line = output.split('\n').find((text) => text.startsWith('RESULT ')) ?? '';
        return JSON.parse(line.slice('RESULT '.length)) as CallRecord[];
      }),
    );
    const calls = results.flat();

    // What HubSpot saw: every call answered (the associations read 207: its ids do not exist), none refused by its rolling limits.
    expect(calls.filter((call) => call.status >= 300)).toEqual([]);
    const stats = (await (await sandboxCall('GET', '/_sandbox/stats')).json()) as {
      endpoints: { endpoint: string; statuses: Record<string, number> }[];
      byPortal: Record<string, { total: number }>;
    };
    expect(stats.endpoints.filter((endpoint) => endpoint.statuses['429'])).toEqual([]);
    expect(stats.byPortal[String(PORTAL_A)]?.total).toBe(2 * (14 + 70));
    expect(stats.byPortal[String(PORTAL_B)]?.total).toBe(2 * (14 + 10));

    const sent = (portalId: number, bucket: string) =>
      calls.filter((call) => call.portalId === portalId && call.bucket === bucket).map((call) => call.sentAt);
    const generalA = rollingCounts(sent(PORTAL_A, 'general'), 10_000);
    const generalB = rollingCounts(sent(PORTAL_B, 'general'), 10_000);
    const associationsA = rollingCounts(sent(PORTAL_A, 'associations'), 10_000);
    const searchB = rollingCounts(sent(PORTAL_B, 'search'), 1_000);
    console.log(
      `HubSpot limiter utilisation (calls in any rolling interval while work remained, min–max): ` +
        `portal A general ${generalA.min}–${generalA.max} of ${GENERAL_LIMIT}/10 s, portal B general ${generalB.min}–${generalB.max} of ${GENERAL_LIMIT}/10 s, ` +
        `portal A associations ${associationsA.min}–${associationsA.max} of ${ASSOCIATIONS_LIMIT}/10 s, portal B search max ${searchB.max} of ${SEARCH_LIMIT}/s`,
    );
    for (const [counts, limit] of [
      [generalA, GENERAL_LIMIT],
      [generalB, GENERAL_LIMIT],
      [associationsA, ASSOCIATIONS_LIMIT],
    ] as const) {
      expect(counts.max).toBeLessThanOrEqual(limit);
      expect(counts.min).toBeGreaterThanOrEqual(0.8 * limit);
    }
    expect(searchB.max).toBeLessThanOrEqual(SEARCH_LIMIT);
  });
});

describe('a 429 one process reports', () => {
  it('holds the bucket for every process sharing the database until Retry-After has passed', async () => {
    // Two pools stand for two processes: the limiter keeps no state outside Postgres.
    const other = new pg.Pool({ connectionString: db.url, max: 2 });
    try {
      const reporter = createPortalLimiter({ db: db.pool, requestsPer10s: GENERAL_LIMIT });
      const waiter = createPortalLimiter({ db: other, requestsPer10s: GENERAL_LIMIT });
      const portalId = 7003;
      await waiter.acquire(portalId, ['general']);
      const penalisedAt = Date.now();
      await reporter.penalise(portalId, 'general', 1_500);
      await waiter.acquire(portalId, ['general']);
      expect(Date.now() - penalisedAt).toBeGreaterThanOrEqual(1_500);
      // Other buckets and portals are not held.
      const started = Date.now();
      await waiter.acquire(portalId, ['associations']);
      await waiter.acquire(portalId + 1, ['general']);
      expect(Date.now() - started).toBeLessThan(1_000);
      // Without Retry-After (search's 429 has none), the bucket's whole interval: 1 s for search.
      const searchPenalisedAt = Date.now();
      await reporter.penalise(portalId, 'search');
      await waiter.acquire(portalId, ['search']);
      expect(Date.now() - searchPenalisedAt).toBeGreaterThanOrEqual(1_000);
    } finally {
      await other.end();
    }
  });
});

describe('the per-portal writer lease', () => {
  const waitingForLock = async () => {
    const result = await db.pool.query<{ waiting: number }>(
      "SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
    );
    return result.rows[0]?.waiting ?? 0;
  };

  it('makes a second process wait while the first holds the portal, lets another portal go, and passes on when the holder is killed', async () => {
    const holder = startChild({ LIMITER_MODE: 'lease', LEASE_PORTAL: String(PORTAL_A) });
    await printed(holder, 'leased');
    const second = startChild({ LIMITER_MODE: 'lease', LEASE_PORTAL: String(PORTAL_A) });
    await printed(second, 'waiting');
    // The second process is blocked inside Postgres on the portal's lock, not failed.
    await waitFor(waitingForLock, (waiting) => waiting === 1, 20_000, 'the second process to wait for the lease');
    const otherPortal = startChild({ LIMITER_MODE: 'lease', LEASE_PORTAL: String(PORTAL_B) });
    await printed(otherPortal, 'leased');
    expect(second.output()).not.toContain('leased');
    expect(second.process.exitCode).toBeNull();

    await stopProcess(holder.process, 'SIGKILL');
    await printed(second, 'leased');
    expect(await waitingForLock()).toBe(0);
    await Promise.all([stopProcess(second.process, 'SIGKILL'), stopProcess(otherPortal.process, 'SIGKILL')]);
  });

  it('is released when the work fails, so the next job for the portal gets it', async () => {
    const portalId = 7004;
    await expect(
      withPortalLease(db.pool, portalId, async () => Promise.reject(new Error('batch refused'))),
    ).rejects.toThrow('batch refused');
    await expect(withPortalLease(db.pool, portalId, async (lease) => lease.portalId)).resolves.toBe(portalId);
  });

  it('tells the work when its connection (and so the lock) is gone', async () => {
    // This portal's lock, by its 64-bit key (classid: high half, objid: low half): the killed processes
    // above may still hold theirs while Postgres notices they are gone.
    const reason = await withPortalLease(db.pool, 7005, async (lease) => {
      const holder = await db.pool.query<{ pid: number }>(
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND ((classid::bigint << 32) | objid::bigint) = hashtextextended('smart-transfer:hubspot-portal-writer:' || $1::text, 0)`,
        [lease.portalId],
      );
      expect(holder.rows).toHaveLength(1);
      await db.pool.query('SELECT pg_terminate_backend($1)', [holder.rows[0]?.pid]);
      await new Promise((resolve) => lease.signal.addEventListener('abort', resolve, { once: true }));
      return lease.signal.reason as unknown;
    });
    expect(reason).toBeInstanceOf(PortalLeaseLost);
  });
});
