/**
 * Whether a failed HubSpot call is worth another try, and after how long: a pure function of what came
 * back, how many retries were already spent and a random draw for jitter, so every branch is unit-tested
 * and its reason logged. HubSpot names the limit a 429 hit in the body's `policyName`
 * (TEN_SECONDLY_ROLLING, SECONDLY, DAILY); the daily one is never retried the same day.
 */
import { backoffMs, isTransientNetworkCode, type RetryDecision, type RetryPolicy } from '../http-client/retry.js';
import type { HubSpotRateLimits } from './rate-limit-headers.js';

/** One failed attempt, reduced to what the rules look at. */
export type HubSpotFailure =
  | {
      kind: 'status';
      status: number;
      limits: HubSpotRateLimits;
      /** The 429 body's `policyName`, when it has one. */
      policyName: string | null;
      /** When the response arrived (epoch ms), for "until the daily limit resets". */
      at: number;
      /** The account's time zone (IANA), where HubSpot's daily limit resets at midnight; UTC when unknown. */
      timeZone?: string | null;
    }
  | { kind: 'network'; code: string };

export type HubSpotRetryReason =
  | 'ten_secondly_limit'
  | 'secondly_limit'
  | 'daily_limit'
  | 'rate_limit'
  | 'locked'
  | 'server_error'
  | 'network_error'
  | 'unauthorized'
  | 'client_error';

export type HubSpotRetryDecision = RetryDecision<HubSpotRetryReason>;

export type HubSpotRetryPolicy = RetryPolicy;

export const DEFAULT_HUBSPOT_RETRY_POLICY: HubSpotRetryPolicy = { maxRetries: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

/** HubSpot's burst window, when a 429 does not say how wide it is. */
const TEN_SECONDS_MS = 10_000;
/** HubSpot locks a record for about two seconds after a write (423 Locked). */
const LOCK_MS = 2_000;

/** Full-jitter exponential backoff: a random wait up to base × 2^attempt (capped), so retries do not march in step. */
export function jitteredBackoffMs(attempt: number, policy: HubSpotRetryPolicy, random: () => number): number {
  const ceiling = backoffMs(attempt, policy);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** Until the next midnight in `timeZone` (UTC when unknown or not a zone Intl knows). */
export function untilMidnightMs(at: number, timeZone: string | null | undefined): number {
  let zone = 'UTC';
  if (timeZone) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      zone = timeZone;
    } catch {
      zone = 'UTC';
    }
  }
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(new Date(at))
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const sinceMidnight =
    (((parts.hour ?? 0) * 60 + (parts.minute ?? 0)) * 60 + (parts.second ?? 0)) * 1000 + (at % 1000);
  return 24 * 60 * 60 * 1000 - sinceMidnight;
}

/** How long a 429 asks us to wait, by the limit it names. */
function rateLimitWait(
  failure: Extract<HubSpotFailure, { kind: 'status' }>,
  backoff: number,
): { waitMs: number; reason: HubSpotRetryReason } {
  const { limits, policyName } = failure;
  switch (policyName) {
    case 'TEN_SECONDLY_ROLLING':
      // The rolling window frees slots within its width; Retry-After, when sent, knows better.
      return {
        waitMs: (limits.retryAfterMs ?? limits.intervalMs ?? TEN_SECONDS_MS) + backoff,
        reason: 'ten_secondly_limit',
      };
    case 'SECONDLY':
      return { waitMs: (limits.retryAfterMs ?? 1000) + backoff, reason: 'secondly_limit' };
    default:
      // No policy named (e.g. the concurrency limit): Retry-After if sent, else backoff.
      return { waitMs: Math.max(limits.retryAfterMs ?? 0, backoff), reason: 'rate_limit' };
  }
}

export function decideHubSpotRetry(
  failure: HubSpotFailure,
  attempt: number,
  policy: HubSpotRetryPolicy = DEFAULT_HUBSPOT_RETRY_POLICY,
  random: () => number = Math.random,
): HubSpotRetryDecision {
  const exhausted = attempt >= policy.maxRetries;
  const backoff = jitteredBackoffMs(attempt, policy, random);
  const retryAfter = (waitMs: number, reason: HubSpotRetryReason): HubSpotRetryDecision => ({
    retry: !exhausted,
    waitMs,
    reason,
  });

  if (failure.kind === 'network') {
    return isTransientNetworkCode(failure.code)
      ? retryAfter(backoff, 'network_error')
      : { retry: false, waitMs: 0, reason: 'network_error' };
  }
  const { status, limits } = failure;
  if (status === 401) return { retry: false, waitMs: 0, reason: 'unauthorized' };
  if (status === 429) {
    if (failure.policyName === 'DAILY' || limits.dailyRemaining === 0) {
      // Spent for today: waiting seconds only burns the error budget; the caller reschedules for the reset.
      return {
        retry: false,
        waitMs: limits.retryAfterMs ?? untilMidnightMs(failure.at, failure.timeZone),
        reason: 'daily_limit',
      };
    }
    const { waitMs, reason } = rateLimitWait(failure, backoff);
    return retryAfter(waitMs, reason);
  }
  if (status === 423) return retryAfter(Math.max(limits.retryAfterMs ?? 0, LOCK_MS + backoff), 'locked');
  // 501 "not implemented" will not change on a retry; other 5xx are outages or maintenance (503).
  if (status >= 500 && status !== 501) return retryAfter(Math.max(limits.retryAfterMs ?? 0, backoff), 'server_error');
  return { retry: false, waitMs: 0, reason: 'client_error' };
}
