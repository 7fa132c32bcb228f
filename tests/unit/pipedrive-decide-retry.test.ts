import { describe, expect, it } from '@jest/globals';
import { backoffMs, type RetryPolicy } from '../../backend/src/http-client/retry.js';
import { type AttemptFailure, decideRetry } from '../../backend/src/sources/pipedrive/decide-retry.js';
import {
  parseRateLimitHeaders,
  type RateLimitSnapshot,
} from '../../backend/src/sources/pipedrive/rate-limit-headers.js';

const policy: RetryPolicy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000 };
// What a response without any limit header says.
const NO_HEADERS: RateLimitSnapshot = parseRateLimitHeaders({}, 0);
// 2026-03-01T18:00:00Z: six hours before the next UTC midnight.
const EVENING = Date.UTC(2026, 2, 1, 18, 0, 0);
const SIX_HOURS = 6 * 60 * 60 * 1000;

function status(code: number, limits: Partial<RateLimitSnapshot> = {}, tokenCost = 10): AttemptFailure {
  return { kind: 'status', status: code, limits: { ...NO_HEADERS, ...limits }, tokenCost, at: EVENING };
}

describe('backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([0, 1, 2, 3, 4, 10].map((attempt) => backoffMs(attempt, policy))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});

describe('decideRetry', () => {
  it('never retries a refused token', () => {
    expect(decideRetry(status(401), 0, policy)).toStrictEqual({ retry: false, waitMs: 0, reason: 'unauthorized' });
  });

  it('waits out a burst 429 for the window reset when that is longer than the backoff', () => {
    const failure = status(429, { burstLimit: 80, burstRemaining: 0, burstResetMs: 2000, dailyRemaining: 5000 });
    expect(decideRetry(failure, 0, policy)).toStrictEqual({ retry: true, waitMs: 2000, reason: 'burst_limit' });
  });

  it('backs off on a burst 429 without headers, and honours Retry-After', () => {
    expect(decideRetry(status(429), 2, policy)).toStrictEqual({ retry: true, waitMs: 400, reason: 'burst_limit' });
    expect(decideRetry(status(429, { retryAfterMs: 3000 }), 0, policy)).toStrictEqual({
      retry: true,
      waitMs: 3000,
      reason: 'burst_limit',
    });
  });

  it('gives up on a burst 429 after the last retry, still saying how long the window needs', () => {
    const failure = status(429, { burstRemaining: 0, burstResetMs: 2000 });
    expect(decideRetry(failure, policy.maxRetries, policy)).toStrictEqual({
      retry: false,
      waitMs: 2000,
      reason: 'burst_limit',
    });
  });

  it('treats a 429 with no daily tokens left as the spent budget, waiting until UTC midnight', () => {
    const failure = status(429, { burstRemaining: 0, dailyRemaining: 0 });
    expect(decideRetry(failure, 0, policy)).toStrictEqual({ retry: false, waitMs: SIX_HOURS, reason: 'daily_budget' });
  });

  it('treats a budget smaller than the call as spent', () => {
    expect(decideRetry(status(429, { dailyRemaining: 6 }, 10), 0, policy).reason).toBe('daily_budget');
    expect(decideRetry(status(429, { dailyRemaining: 10, burstRemaining: 0 }, 10), 0, policy).reason).toBe(
      'burst_limit',
    );
  });

  it('treats a 429 with burst slots left as the budget when the daily header is missing', () => {
    expect(decideRetry(status(429, { burstRemaining: 12 }), 0, policy)).toStrictEqual({
      retry: false,
      waitMs: SIX_HOURS,
      reason: 'daily_budget',
    });
  });

  it('uses Retry-After for the budget reset when the server sends one', () => {
    const failure = status(429, { dailyRemaining: 0, retryAfterMs: 90_000 });
    expect(decideRetry(failure, 0, policy)).toStrictEqual({ retry: false, waitMs: 90_000, reason: 'daily_budget' });
  });

  it('retries 5xx with backoff, then gives up', () => {
    expect(decideRetry(status(503), 0, policy)).toStrictEqual({ retry: true, waitMs: 100, reason: 'server_error' });
    expect(decideRetry(status(500), 1, policy)).toStrictEqual({ retry: true, waitMs: 200, reason: 'server_error' });
    expect(decideRetry(status(502, { retryAfterMs: 700 }), 0, policy)).toStrictEqual({
      retry: true,
      waitMs: 700,
      reason: 'server_error',
    });
    expect(decideRetry(status(500), policy.maxRetries, policy)).toStrictEqual({
      retry: false,
      waitMs: 0,
      reason: 'server_error',
    });
  });

  it('does not retry 501 or other client errors', () => {
    expect(decideRetry(status(501), 0, policy)).toStrictEqual({ retry: false, waitMs: 0, reason: 'client_error' });
    for (const code of [400, 403, 404, 410]) {
      expect(decideRetry(status(code), 0, policy)).toStrictEqual({ retry: false, waitMs: 0, reason: 'client_error' });
    }
  });

  it('retries broken connections and timeouts, then gives up', () => {
    const reset: AttemptFailure = { kind: 'network', code: 'ECONNRESET' };
    expect(decideRetry(reset, 0, policy)).toStrictEqual({ retry: true, waitMs: 100, reason: 'network_error' });
    expect(decideRetry({ kind: 'network', code: 'ECONNABORTED' }, 1, policy)).toStrictEqual({
      retry: true,
      waitMs: 200,
      reason: 'network_error',
    });
    expect(decideRetry(reset, policy.maxRetries, policy)).toStrictEqual({
      retry: false,
      waitMs: 0,
      reason: 'network_error',
    });
  });

  it('does not retry network failures that waiting cannot heal', () => {
    expect(decideRetry({ kind: 'network', code: 'ENOTFOUND' }, 0, policy)).toStrictEqual({
      retry: false,
      waitMs: 0,
      reason: 'network_error',
    });
  });
});
