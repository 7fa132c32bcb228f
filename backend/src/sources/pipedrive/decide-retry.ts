/**
 * Whether a failed Pipedrive call is worth another try, and after how long: a pure function of what
 * came back and how many retries were already spent, so every branch is unit-tested and the reason is
 * logged (the shared pieces are in http-client/retry.ts).
 */
import {
  backoffMs,
  isTransientNetworkCode,
  type RetryDecision as Decision,
  type RetryPolicy,
} from '../../http-client/retry.js';
import type { RateLimitSnapshot } from './rate-limit-headers.js';

/** One failed attempt, reduced to what the rules look at. */
export type AttemptFailure =
  | {
      kind: 'status';
      status: number;
      limits: RateLimitSnapshot;
      /** The operation's token cost: a budget with fewer tokens left than this cannot serve the call. */
      tokenCost: number;
      /** When the response arrived (epoch ms), for "until the budget resets". */
      at: number;
    }
  | { kind: 'network'; code: string };

export type RetryReason =
  'unauthorized' | 'daily_budget' | 'burst_limit' | 'server_error' | 'network_error' | 'client_error';

export type RetryDecision = Decision<RetryReason>;

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Pipedrive resets the budget "at midnight at server's timezone" without naming the zone. UTC midnight is
 * the estimate: if the real reset comes later, the next try meets another 429 and waits again.
 */
function untilBudgetReset(limits: RateLimitSnapshot, at: number): number {
  return limits.retryAfterMs ?? DAY_MS - (at % DAY_MS);
}

/**
 * Burst or budget? Pipedrive does not say (§2.5). A budget with fewer tokens than the call costs is spent;
 * otherwise a 429 with burst slots left can only be the budget; without headers, assume the transient burst.
 */
function isBudgetExhausted(limits: RateLimitSnapshot, tokenCost: number): boolean {
  if (limits.dailyRemaining !== null && limits.dailyRemaining < Math.max(1, tokenCost)) return true;
  return limits.burstRemaining !== null && limits.burstRemaining > 0;
}

export function decideRetry(
  failure: AttemptFailure,
  attempt: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): RetryDecision {
  const exhausted = attempt >= policy.maxRetries;
  const backoff = backoffMs(attempt, policy);

  if (failure.kind === 'network') {
    const transient = isTransientNetworkCode(failure.code);
    return { retry: transient && !exhausted, waitMs: transient && !exhausted ? backoff : 0, reason: 'network_error' };
  }

  const { status, limits } = failure;
  if (status === 401) return { retry: false, waitMs: 0, reason: 'unauthorized' };
  if (status === 429) {
    if (isBudgetExhausted(limits, failure.tokenCost)) {
      return { retry: false, waitMs: untilBudgetReset(limits, failure.at), reason: 'daily_budget' };
    }
    // The window's own reset is the earliest moment a slot frees up; backoff spreads repeated collisions.
    const windowWait = Math.max(limits.retryAfterMs ?? 0, limits.burstResetMs ?? 0);
    return { retry: !exhausted, waitMs: Math.max(windowWait, backoff), reason: 'burst_limit' };
  }
  // 501 "not implemented" will not change on a retry; the other 5xx are outages or maintenance (503).
  if (status >= 500 && status !== 501) {
    return {
      retry: !exhausted,
      waitMs: exhausted ? 0 : Math.max(limits.retryAfterMs ?? 0, backoff),
      reason: 'server_error',
    };
  }
  return { retry: false, waitMs: 0, reason: 'client_error' };
}
