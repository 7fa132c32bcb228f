import { describe, expect, it } from '@jest/globals';
import {
  arrivalSpreadMs,
  associationsPer10s,
  type BucketLimit,
  bucketLimit,
  LOWEST_TIER,
  MAX_WINDOW_MS,
  windowPlan,
} from '../../backend/src/hubspot/portal-limits.js';

/**
 * The most calls a plan can let go within one interval plus the arrival spread, counted the simplest
 * way: windows of at least windowMs laid back to back, the first starting 1 ms after the span begins
 * (the worst alignment), each full.
 */
function worstCallsInSpan(
  { intervalMs }: BucketLimit,
  { windowMs, pointsPerWindow }: ReturnType<typeof windowPlan>,
): number {
  const span = intervalMs + arrivalSpreadMs(intervalMs);
  let windows = 1; // the window that began before the span
  for (let start = 1; start < span; start += windowMs) windows += 1;
  return windows * pointsPerWindow;
}

const TEN_SECONDS = 10_000;

describe('windowPlan', () => {
  it.each([
    ['the default general limit', 110],
    ['associations on Free/Starter', 100],
    ['associations on Professional/Enterprise', 150],
    ['associations with the limit increase', 200],
    ['a lowered test limit', 20],
  ])('%s (%i per 10 s): windows of at most 1 s, never over the limit, at least 88 %% of it used', (_name, limit) => {
    const bucket = { limit, intervalMs: TEN_SECONDS };
    const plan = windowPlan(bucket);
    expect(plan.windowMs).toBeLessThanOrEqual(MAX_WINDOW_MS);
    expect(worstCallsInSpan(bucket, plan)).toBeLessThanOrEqual(limit);
    expect(plan.perInterval).toBeGreaterThanOrEqual(0.88 * limit);
  });

  it('never exceeds any limit from 12 to 300 per 10 s', () => {
    for (let limit = 12; limit <= 300; limit += 1) {
      const bucket = { limit, intervalMs: TEN_SECONDS };
      const plan = windowPlan(bucket);
      expect(plan.windowMs).toBeLessThanOrEqual(MAX_WINDOW_MS);
      expect(worstCallsInSpan(bucket, plan)).toBeLessThanOrEqual(limit);
      expect(plan.perInterval).toBeGreaterThan(0);
    }
  });

  it('keeps search under 5 per rolling second with windows narrower than the second', () => {
    const bucket = bucketLimit('search', 110, LOWEST_TIER);
    const plan = windowPlan(bucket);
    expect(plan.windowMs).toBeLessThan(1_000);
    expect(worstCallsInSpan(bucket, plan)).toBeLessThanOrEqual(5);
    expect(plan.perInterval).toBeGreaterThanOrEqual(3);
  });

  it('refuses a limit too low for any window', () => {
    expect(() => windowPlan({ limit: 10, intervalMs: TEN_SECONDS })).toThrow(/too low/);
  });
});

describe('bucket limits', () => {
  it('gives the associations API its limit per tier, 200 with the limit increase, the lowest by default', () => {
    expect(associationsPer10s(LOWEST_TIER)).toBe(100);
    expect(associationsPer10s({ tier: 'starter', limitIncrease: false })).toBe(100);
    expect(associationsPer10s({ tier: 'professional', limitIncrease: false })).toBe(150);
    expect(associationsPer10s({ tier: 'enterprise', limitIncrease: false })).toBe(150);
    expect(associationsPer10s({ tier: 'free', limitIncrease: true })).toBe(200);
  });

  it('counts general calls by the configured limit and search at 5 per second', () => {
    expect(bucketLimit('general', 42, LOWEST_TIER)).toEqual({ limit: 42, intervalMs: TEN_SECONDS });
    expect(bucketLimit('search', 110, LOWEST_TIER)).toEqual({ limit: 5, intervalMs: 1_000 });
  });
});
