import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import {
  decideHubSpotRetry,
  type HubSpotFailure,
  type HubSpotRetryPolicy,
  jitteredBackoffMs,
  untilMidnightMs,
} from '../../backend/src/hubspot/decide-retry.js';
import { policyNameOf, readBatchResponse } from '../../backend/src/hubspot/hubspot-errors.js';
import { type HubSpotRateLimits, parseHubSpotRateLimits } from '../../backend/src/hubspot/rate-limit-headers.js';

const policy: HubSpotRetryPolicy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000 };
// 2026-03-01T18:00:00Z: six hours before the next UTC midnight.
const EVENING = Date.UTC(2026, 2, 1, 18, 0, 0);
const HOUR = 60 * 60 * 1000;
const NO_HEADERS: HubSpotRateLimits = parseHubSpotRateLimits({}, EVENING);
// The lowest and highest jitter draws: every wait must lie between what these give.
const LOW = () => 0;
const HIGH = () => 0.999_999;
const fixture = (name: string) =>
  JSON.parse(readFileSync(`tests/contract/hubspot/fixtures/${name}`, 'utf8')) as unknown;

function answered(
  status: number,
  options: { limits?: Partial<HubSpotRateLimits>; policyName?: string; timeZone?: string } = {},
): HubSpotFailure {
  return {
    kind: 'status',
    status,
    limits: { ...NO_HEADERS, ...options.limits },
    policyName: options.policyName ?? null,
    at: EVENING,
    timeZone: options.timeZone ?? null,
  };
}

describe('jittered backoff', () => {
  it('draws between half and all of base × 2^attempt, capped', () => {
    expect([0, 1, 2, 5].map((attempt) => jitteredBackoffMs(attempt, policy, LOW))).toEqual([50, 100, 200, 500]);
    expect([0, 1, 2, 5].map((attempt) => jitteredBackoffMs(attempt, policy, HIGH))).toEqual([100, 200, 400, 1000]);
  });
});

describe('429 by policyName', () => {
  it('TEN_SECONDLY_ROLLING with Retry-After waits that long (plus jitter)', () => {
    const limits = parseHubSpotRateLimits({ 'Retry-After': '3', 'X-HubSpot-RateLimit-Remaining': '0' }, EVENING);
    const decision = decideHubSpotRetry(answered(429, { limits, policyName: 'TEN_SECONDLY_ROLLING' }), 0, policy, LOW);
    expect(decision).toStrictEqual({ retry: true, waitMs: 3000 + 50, reason: 'ten_secondly_limit' });
  });

  it('TEN_SECONDLY_ROLLING without Retry-After waits out the window the headers name, else ten seconds', () => {
    const limits = parseHubSpotRateLimits(
      { 'x-hubspot-ratelimit-interval-milliseconds': '10000', 'x-hubspot-ratelimit-remaining': '0' },
      EVENING,
    );
    expect(
      decideHubSpotRetry(answered(429, { limits, policyName: 'TEN_SECONDLY_ROLLING' }), 1, policy, HIGH),
    ).toStrictEqual({
      retry: true,
      waitMs: 10_000 + 200,
      reason: 'ten_secondly_limit',
    });
    const bare = decideHubSpotRetry(answered(429, { policyName: 'TEN_SECONDLY_ROLLING' }), 0, policy, LOW);
    expect(bare.waitMs).toBe(10_000 + 50);
  });

  it('SECONDLY (search) waits a second, or what Retry-After says', () => {
    expect(decideHubSpotRetry(answered(429, { policyName: 'SECONDLY' }), 0, policy, LOW)).toStrictEqual({
      retry: true,
      waitMs: 1050,
      reason: 'secondly_limit',
    });
    const limits = parseHubSpotRateLimits({ 'retry-after': '2' }, EVENING);
    expect(decideHubSpotRetry(answered(429, { limits, policyName: 'SECONDLY' }), 0, policy, LOW).waitMs).toBe(2050);
  });

  it('DAILY is never retried the same day: it reports the wait until midnight in the account’s time zone', () => {
    expect(decideHubSpotRetry(answered(429, { policyName: 'DAILY' }), 0, policy)).toStrictEqual({
      retry: false,
      waitMs: 6 * HOUR,
      reason: 'daily_limit',
    });
    // 18:00 UTC is 13:00 in New York (EST, UTC−5): eleven hours to its midnight.
    const newYork = decideHubSpotRetry(answered(429, { policyName: 'DAILY', timeZone: 'America/New_York' }), 0, policy);
    expect(newYork).toStrictEqual({ retry: false, waitMs: 11 * HOUR, reason: 'daily_limit' });
    const limits = parseHubSpotRateLimits({ 'retry-after': '120' }, EVENING);
    expect(decideHubSpotRetry(answered(429, { limits, policyName: 'DAILY' }), 0, policy)).toStrictEqual({
      retry: false,
      waitMs: 120_000,
      reason: 'daily_limit',
    });
  });

  it('a spent daily budget in the headers counts as DAILY even without a policyName', () => {
    const limits = parseHubSpotRateLimits(
      { 'x-hubspot-ratelimit-daily': '250000', 'x-hubspot-ratelimit-daily-remaining': '0' },
      EVENING,
    );
    expect(decideHubSpotRetry(answered(429, { limits }), 0, policy).reason).toBe('daily_limit');
  });

  it('a 429 naming no policy (e.g. too many concurrent calls) backs off, or waits for Retry-After when longer', () => {
    expect(decideHubSpotRetry(answered(429), 2, policy, LOW)).toStrictEqual({
      retry: true,
      waitMs: 200,
      reason: 'rate_limit',
    });
    const limits = parseHubSpotRateLimits({ 'retry-after': '5' }, EVENING);
    expect(decideHubSpotRetry(answered(429, { limits }), 0, policy, LOW)).toStrictEqual({
      retry: true,
      waitMs: 5000,
      reason: 'rate_limit',
    });
  });

  it('reads the policyName from HubSpot’s 429 body', () => {
    expect(policyNameOf(fixture('error-429.json'))).toBe('TEN_SECONDLY_ROLLING');
    expect(
      policyNameOf({
        status: 'error',
        message: 'You have reached your daily limit.',
        errorType: 'RATE_LIMIT',
        policyName: 'DAILY',
      }),
    ).toBe('DAILY');
    expect(policyNameOf('<html>Too Many Requests</html>')).toBeNull();
  });
});

describe('5xx, locks and other statuses', () => {
  it('backs off on 5xx with jitter, honouring Retry-After when longer', () => {
    const low = decideHubSpotRetry(answered(502), 1, policy, LOW);
    const high = decideHubSpotRetry(answered(502), 1, policy, HIGH);
    expect([low, high]).toStrictEqual([
      { retry: true, waitMs: 100, reason: 'server_error' },
      { retry: true, waitMs: 200, reason: 'server_error' },
    ]);
    const limits = parseHubSpotRateLimits({ 'retry-after': 'Sun, 01 Mar 2026 18:00:30 GMT' }, EVENING);
    expect(decideHubSpotRetry(answered(503, { limits }), 0, policy, LOW).waitMs).toBe(30_000);
  });

  it('does not retry 501, 401 or a 4xx that will not change', () => {
    expect(decideHubSpotRetry(answered(501), 0, policy)).toStrictEqual({
      retry: false,
      waitMs: 0,
      reason: 'client_error',
    });
    expect(decideHubSpotRetry(answered(401), 0, policy)).toStrictEqual({
      retry: false,
      waitMs: 0,
      reason: 'unauthorized',
    });
    expect(decideHubSpotRetry(answered(400), 0, policy)).toStrictEqual({
      retry: false,
      waitMs: 0,
      reason: 'client_error',
    });
  });

  it('waits at least two seconds on 423 Locked', () => {
    expect(decideHubSpotRetry(answered(423), 0, policy, LOW)).toStrictEqual({
      retry: true,
      waitMs: 2050,
      reason: 'locked',
    });
  });

  it('stops once the retries are spent, still saying how long to wait', () => {
    expect(decideHubSpotRetry(answered(503), 3, policy, LOW)).toStrictEqual({
      retry: false,
      waitMs: 400,
      reason: 'server_error',
    });
    expect(decideHubSpotRetry(answered(429, { policyName: 'TEN_SECONDLY_ROLLING' }), 3, policy, LOW).retry).toBe(false);
  });
});

describe('network errors', () => {
  it('retries a broken or refused connection with backoff', () => {
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'UND_ERR_SOCKET', 'ETIMEDOUT']) {
      expect(decideHubSpotRetry({ kind: 'network', code }, 0, policy, LOW)).toStrictEqual({
        retry: true,
        waitMs: 50,
        reason: 'network_error',
      });
    }
  });

  it('does not retry what waiting cannot heal (an unknown host)', () => {
    expect(decideHubSpotRetry({ kind: 'network', code: 'ENOTFOUND' }, 0, policy)).toStrictEqual({
      retry: false,
      waitMs: 0,
      reason: 'network_error',
    });
  });
});

describe('rate-limit headers', () => {
  it('reads every HubSpot limit header, whatever its case', () => {
    const headers = new Headers({
      'X-HubSpot-RateLimit-Max': '110',
      'X-HubSpot-RateLimit-Remaining': '7',
      'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
      'X-HubSpot-RateLimit-Daily': '500000',
      'X-HubSpot-RateLimit-Daily-Remaining': '499000',
      'X-HubSpot-RateLimit-Secondly-Remaining': '3',
    });
    expect(parseHubSpotRateLimits(headers, EVENING)).toStrictEqual({
      max: 110,
      remaining: 7,
      intervalMs: 10_000,
      daily: 500_000,
      dailyRemaining: 499_000,
      secondlyRemaining: 3,
      retryAfterMs: null,
    });
  });

  it('ignores unreadable values', () => {
    expect(
      parseHubSpotRateLimits({ 'x-hubspot-ratelimit-remaining': 'many', 'retry-after': 'soon' }, EVENING),
    ).toStrictEqual(NO_HEADERS);
  });

  it('counts midnight in a time zone Intl does not know as UTC', () => {
    expect(untilMidnightMs(EVENING, 'Mars/Olympus_Mons')).toBe(6 * HOUR);
  });
});

describe('per-input errors of a batch', () => {
  it('keeps each refused input of a 207 with its category, message and context', () => {
    const result = readBatchResponse<{ id: string }>(207, fixture('batch-207.json'));
    expect(result?.outcome).toBe('partial');
    expect(result?.results.map((record) => record.id)).toEqual(['1145814089']);
    expect(result?.errors).toHaveLength(1);
    expect(result?.errors[0]).toMatchObject({
      category: 'VALIDATION_ERROR',
      context: { objectWriteTraceId: ['549b1c2a9351'] },
      details: [],
    });
    expect(result?.errors[0]?.message).toContain('PROPERTY_DOESNT_EXIST');
  });

  it('keeps the errors of a refused batch (400) with their codes and contexts', () => {
    const body = {
      status: 'error',
      message: 'Property values were not valid',
      category: 'VALIDATION_ERROR',
      correlationId: 'c-1',
      errors: [
        {
          message: 'discount was not a valid number',
          code: 'INVALID_INTEGER',
          context: { propertyName: ['discount'] },
        },
        { message: 'Email address x is invalid', code: 'INVALID_EMAIL', context: { propertyName: ['email'] } },
      ],
    };
    expect(readBatchResponse(400, body)).toStrictEqual({
      outcome: 'rejected',
      results: [],
      errors: [
        {
          category: 'VALIDATION_ERROR',
          subCategory: null,
          message: 'Property values were not valid',
          context: {},
          details: [
            {
              code: 'INVALID_INTEGER',
              message: 'discount was not a valid number',
              context: { propertyName: ['discount'] },
            },
            { code: 'INVALID_EMAIL', message: 'Email address x is invalid', context: { propertyName: ['email'] } },
          ],
        },
      ],
    });
  });

  it('a 200 is complete, and a status no batch answers with is not a batch result', () => {
    expect(readBatchResponse(200, { status: 'COMPLETE', results: [{ id: '1' }] })).toStrictEqual({
      outcome: 'complete',
      results: [{ id: '1' }],
      errors: [],
    });
    expect(readBatchResponse(500, { message: 'internal' })).toBeNull();
  });
});
