import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { oauthAccessToken, START, startTestSandbox, type TestSandbox } from './support.js';

describe('burst limit (rolling 2 s per token)', () => {
  let test: TestSandbox;
  beforeEach(async () => {
    test = await startTestSandbox({ plan: 'lite', seats: 1, dataset: { records: 50, seed: 2 } });
    test.sandbox.state.configure({ burstOverride: null });
  });
  afterEach(async () => {
    await test.close();
  });

  it('answers 429 with the rate-limit headers once the window is full, and recovers', async () => {
    const remaining: string[] = [];
    for (let call = 0; call < 20; call += 1) {
      const reply = await test.call('GET', '/api/v2/pipelines');
      expect(reply.status).toBe(200);
      expect(reply.headers.get('x-ratelimit-limit')).toBe('20');
      remaining.push(reply.headers.get('x-ratelimit-remaining') ?? '');
    }
    expect(remaining).toEqual(Array.from({ length: 20 }, (_, index) => String(19 - index)));

    const limited = await test.call('GET', '/api/v2/pipelines');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      success: false,
      error: 'Request over limit',
      errorCode: 429,
      error_info: 'Please check developers.pipedrive.com',
    });
    expect(limited.headers.get('x-ratelimit-limit')).toBe('20');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(1);
    // The daily budget is not what stopped it.
    expect(Number(limited.headers.get('x-daily-ratelimit-token-remaining'))).toBeGreaterThan(0);

    test.sandbox.state.advanceClock(1999);
    expect((await test.call('GET', '/api/v2/pipelines')).status).toBe(429);
    test.sandbox.state.advanceClock(1);
    const recovered = await test.call('GET', '/api/v2/pipelines');
    expect(recovered.status).toBe(200);
    expect(recovered.headers.get('x-ratelimit-remaining')).toBe('19');
  });

  it('counts each token apart and gives OAuth apps the higher limit', async () => {
    const { state } = test.sandbox;
    for (let call = 0; call < 20; call += 1) await test.call('GET', '/api/v2/pipelines');
    expect((await test.call('GET', '/api/v2/pipelines')).status).toBe(429);
    const otherUser = state.store.users[1]?.id ?? 0;
    const other = await test.call('GET', '/api/v2/pipelines', { token: state.apiToken(otherUser) });
    expect(other.status).toBe(200);

    const accessToken = await oauthAccessToken(test);
    const oauthCall = await test.call('GET', '/api/v2/pipelines', { bearer: accessToken });
    expect(oauthCall.headers.get('x-ratelimit-limit')).toBe('80');
  });
});

describe('daily token budget', () => {
  let test: TestSandbox;
  beforeEach(async () => {
    test = await startTestSandbox({ plan: 'premium', seats: 3, dataset: { records: 50, seed: 2 } });
  });
  afterEach(async () => {
    await test.close();
  });

  it('is 30,000 × plan multiplier × seats, and each call costs its x-token-cost', async () => {
    const first = await test.call('GET', '/api/v2/persons');
    expect(first.headers.get('x-daily-ratelimit-token-limit')).toBe(String(30_000 * 5 * 3));
    expect(first.headers.get('x-daily-ratelimit-token-remaining')).toBe(String(30_000 * 5 * 3 - 10));
    const single = await test.call('GET', '/v1/users/me');
    expect(single.headers.get('x-daily-ratelimit-token-remaining')).toBe(String(30_000 * 5 * 3 - 12));
    const overview = await test.call<{ budget: { daily: number; spentToday: number } }>('GET', '/_sandbox');
    expect(overview.body.budget).toMatchObject({ daily: 450_000, spentToday: 12 });
  });

  it('answers 429 once spent, until midnight (server time)', async () => {
    const { state } = test.sandbox;
    await test.call('PATCH', '/_sandbox/settings', { body: { dailyBudgetOverride: 25 } });
    expect((await test.call('GET', '/api/v2/persons')).status).toBe(200);
    expect((await test.call('GET', '/api/v2/persons')).status).toBe(200);
    const spent = await test.call('GET', '/api/v2/persons');
    expect(spent.status).toBe(429);
    expect(spent.body).toMatchObject({ success: false, error: 'Request over limit' });
    expect(spent.headers.get('x-daily-ratelimit-token-remaining')).toBe('5');
    // Burst slots are left: that is how a client tells a spent budget from a burst.
    expect(Number(spent.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);

    const beforeMidnight = new Date(
      Date.UTC(START.getUTCFullYear(), START.getUTCMonth(), START.getUTCDate(), 23, 59, 59),
    );
    await test.call('POST', '/_sandbox/clock', { body: { set: beforeMidnight.toISOString() } });
    expect((await test.call('GET', '/api/v2/persons')).status).toBe(429);

    state.advanceClock(1000);
    const nextDay = await test.call('GET', '/api/v2/persons');
    expect(nextDay.status).toBe(200);
    expect(nextDay.headers.get('x-daily-ratelimit-token-remaining')).toBe('15');
  });

  it('resets at the server time zone midnight', async () => {
    await test.call('PATCH', '/_sandbox/settings', { body: { dailyBudgetOverride: 10, utcOffsetMinutes: 120 } });
    expect((await test.call('GET', '/api/v2/persons')).status).toBe(200);
    expect((await test.call('GET', '/api/v2/persons')).status).toBe(429);
    const overview = await test.call<{ budget: { resetsAt: string } }>('GET', '/_sandbox');
    expect(overview.body.budget.resetsAt).toBe(
      new Date(Date.UTC(START.getUTCFullYear(), START.getUTCMonth(), START.getUTCDate(), 22, 0, 0)).toISOString(),
    );
    await test.call('POST', '/_sandbox/clock', { body: { set: overview.body.budget.resetsAt } });
    expect((await test.call('GET', '/api/v2/persons')).status).toBe(200);
  });
});
