import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import type { RetryPolicy } from '../../backend/src/http-client/retry.js';
import { SourceAuthError, SourceRateLimitError, SourceUnavailableError } from '../../backend/src/sources/connector.js';
import { BURST_WINDOW_MS, BurstLimiter } from '../../backend/src/sources/pipedrive/burst-limiter.js';
import { createPipedriveApis } from '../../backend/src/sources/pipedrive/pipedrive-apis.js';
import { PipedriveRequestError } from '../../backend/src/sources/pipedrive/pipedrive-errors.js';
import { createPipedriveTransport } from '../../backend/src/sources/pipedrive/pipedrive-transport.js';
import {
  parseRateLimitHeaders,
  type RateLimitSnapshot,
} from '../../backend/src/sources/pipedrive/rate-limit-headers.js';

/** A clock that only moves when someone sleeps: waits are instant and recorded. */
function fakeTiming(start = Date.UTC(2026, 2, 1, 18, 0, 0)) {
  let now = start;
  const sleeps: number[] = [];
  return {
    clock: { now: () => new Date(now) },
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
    elapsed: () => now - start,
  };
}

// What a response without any limit header says.
const NO_LIMITS: RateLimitSnapshot = parseRateLimitHeaders({}, 0);

describe('BurstLimiter', () => {
  it('holds a slot from send until a window after the answer', async () => {
    const timing = fakeTiming();
    const limiter = new BurstLimiter(timing.clock, timing.sleep, 2);
    await limiter.acquire();
    await limiter.acquire();
    const third = limiter.acquire();
    limiter.release(NO_LIMITS);
    await third;
    expect(timing.sleeps).toEqual([BURST_WINDOW_MS]);
  });

  it('learns the limit from the headers and pauses when the server says the window is full', async () => {
    const timing = fakeTiming();
    const limiter = new BurstLimiter(timing.clock, timing.sleep, 1);
    await limiter.acquire();
    limiter.release({ ...NO_LIMITS, burstLimit: 3, burstRemaining: 2 });
    await limiter.acquire();
    await limiter.acquire();
    expect(timing.sleeps).toEqual([]);
    limiter.release({ ...NO_LIMITS, burstLimit: 3, burstRemaining: 0, burstResetMs: 1000 });
    limiter.release(NO_LIMITS);
    await limiter.acquire();
    // Paused 1 s by the server's word, then the oldest answer leaves the window 1 s later.
    expect(timing.sleeps).toEqual([1000, 1000]);
  });
});

type Scripted = { status: number; headers?: Record<string, string>; body?: unknown } | 'reset';

describe('the transport under the official client', () => {
  let server: Server;
  let baseUrl: string;
  let script: Scripted[] = [];
  const seen: IncomingMessage[] = [];
  const policy: RetryPolicy = { maxRetries: 2, baseDelayMs: 100, maxDelayMs: 1000 };

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req);
      const next = script.shift() ?? { status: 200, body: { success: true, data: [] } };
      if (next === 'reset') {
        req.socket.destroy();
        return;
      }
      res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
      res.end(JSON.stringify(next.body ?? { success: next.status < 400 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    script = [];
    seen.length = 0;
  });

  function session() {
    const timing = fakeTiming();
    const transport = createPipedriveTransport({
      clock: timing.clock,
      sleep: timing.sleep,
      logger: pino({ level: 'silent' }),
      retryPolicy: policy,
    });
    const apis = createPipedriveApis({ apiBaseUrl: baseUrl, accessToken: async () => 'token-1', transport });
    return { timing, transport, apis };
  }

  it('sends through the client with the bearer token and prices calls from the spec or the header', async () => {
    const { transport, apis } = session();
    script = [
      { status: 200, body: { success: true, data: [{ id: 7 }], additional_data: { next_cursor: null } } },
      { status: 200, headers: { 'x-token-cost': '3' }, body: { success: true, data: { company_id: 1 } } },
    ];
    const persons = await apis.persons.getPersons({ limit: 500 });
    await apis.users.getCurrentUser();
    expect(persons.data?.[0]?.id).toBe(7);
    expect(seen.map((req) => req.url)).toEqual(['/api/v2/persons?limit=500', '/v1/users/me']);
    expect(seen[0]?.headers.authorization).toBe('Bearer token-1');
    expect(transport.usage()).toEqual({ requests: 2, cost: 10 + 3 });
  });

  it('waits out a burst 429 for the window reset and retries', async () => {
    const { timing, transport, apis } = session();
    script = [
      {
        status: 429,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2', 'x-daily-ratelimit-token-remaining': '900' },
      },
    ];
    await apis.persons.getPersons();
    expect(seen).toHaveLength(2);
    expect(timing.sleeps).toContain(2000);
    expect(transport.usage()).toEqual({ requests: 2, cost: 10 });
  });

  it('gives up on a persisting burst 429 with SourceRateLimitError("burst")', async () => {
    const { apis } = session();
    const burst: Scripted = { status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' } };
    script = [burst, burst, burst];
    const error = await apis.persons.getPersons().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SourceRateLimitError);
    expect(error).toMatchObject({ limit: 'burst' });
    expect(seen).toHaveLength(policy.maxRetries + 1);
  });

  it('stops at once on a spent daily budget with SourceRateLimitError("daily") and the time to the reset', async () => {
    const { apis } = session();
    script = [{ status: 429, headers: { 'x-ratelimit-remaining': '70', 'x-daily-ratelimit-token-remaining': '0' } }];
    const error = await apis.activities.getActivities().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SourceRateLimitError);
    expect(error).toMatchObject({ limit: 'daily', retryAfterMs: 6 * 60 * 60 * 1000 });
    expect(seen).toHaveLength(1);
  });

  it('maps 401 to SourceAuthError without retrying', async () => {
    const { apis } = session();
    script = [{ status: 401, body: { success: false, error: 'unauthorized access', errorCode: 401 } }];
    await expect(apis.deals.getDeals()).rejects.toBeInstanceOf(SourceAuthError);
    expect(seen).toHaveLength(1);
  });

  it('retries 5xx with backoff, then raises SourceUnavailableError', async () => {
    const { timing, transport, apis } = session();
    script = [{ status: 503 }, { status: 500 }, { status: 502 }];
    await expect(apis.notes.getNotes()).rejects.toBeInstanceOf(SourceUnavailableError);
    expect(seen).toHaveLength(3);
    expect(timing.sleeps).toEqual([100, 200]);
    expect(transport.usage()).toEqual({ requests: 3, cost: 0 });
  });

  it('retries a connection reset', async () => {
    const { apis } = session();
    script = ['reset', { status: 200, body: { success: true, data: [{ id: 1 }] } }];
    const users = await apis.users.getUsers();
    expect(users.data).toHaveLength(1);
    expect(seen).toHaveLength(2);
  });

  it('raises PipedriveRequestError for a request Pipedrive will never accept, which still costs its tokens', async () => {
    const { transport, apis } = session();
    script = [{ status: 400, body: { success: false, error: 'Invalid cursor' } }];
    await expect(apis.products.getProducts({ cursor: 'nonsense' })).rejects.toBeInstanceOf(PipedriveRequestError);
    expect(seen).toHaveLength(1);
    expect(transport.usage()).toEqual({ requests: 1, cost: 10 });
  });

  it('waits before a burst overrun when the last answer said the window is full', async () => {
    const { timing, apis } = session();
    script = [
      {
        status: 200,
        headers: { 'x-ratelimit-limit': '80', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2' },
        body: { success: true, data: [] },
      },
    ];
    await apis.persons.getPersons();
    await apis.persons.getPersons();
    expect(seen).toHaveLength(2);
    expect(timing.sleeps).toEqual([2000]);
  });
});
