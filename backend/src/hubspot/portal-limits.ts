/**
 * HubSpot's per-portal limits and the window plan that keeps every rolling interval under them
 * (docs/reference/hubspot-platform.md §6; associations v4 guide, "Limits"). Pure: no I/O.
 */

/**
 * The limits a HubSpot call can count against. `general`: 110 per rolling 10 s for a public OAuth app,
 * search excluded. `associations`: the associations v4 API's own limit per tier. `search`: CRM search,
 * 5 per second. A call declares every bucket it uses.
 */
export const HUBSPOT_BUCKETS = ['general', 'associations', 'search'] as const;
export type HubSpotBucket = (typeof HUBSPOT_BUCKETS)[number];

export const HUBSPOT_TIERS = ['free', 'starter', 'professional', 'enterprise'] as const;
export type HubSpotTier = (typeof HUBSPOT_TIERS)[number];

/** HubSpot's API does not tell a portal's tier: it comes from configuration or the portal's settings. */
export interface PortalTierSetting {
  tier: HubSpotTier;
  /** HubSpot's API limit increase pack: associations at 200 per 10 s whatever the tier. */
  limitIncrease: boolean;
}

/** The lowest limits: what a portal gets when nothing says otherwise. */
export const LOWEST_TIER: PortalTierSetting = { tier: 'free', limitIncrease: false };

export interface BucketLimit {
  limit: number;
  intervalMs: number;
}

const ASSOCIATIONS_PER_10S: Record<HubSpotTier, number> = {
  free: 100,
  starter: 100,
  professional: 150,
  enterprise: 150,
};
const ASSOCIATIONS_WITH_LIMIT_INCREASE = 200;
const SEARCH_PER_SECOND = 5;

export function associationsPer10s(setting: PortalTierSetting): number {
  return setting.limitIncrease ? ASSOCIATIONS_WITH_LIMIT_INCREASE : ASSOCIATIONS_PER_10S[setting.tier];
}

export function bucketLimit(bucket: HubSpotBucket, requestsPer10s: number, setting: PortalTierSetting): BucketLimit {
  switch (bucket) {
    case 'general':
      return { limit: requestsPer10s, intervalMs: 10_000 };
    case 'associations':
      return { limit: associationsPer10s(setting), intervalMs: 10_000 };
    case 'search':
      return { limit: SEARCH_PER_SECOND, intervalMs: 1_000 };
  }
}

export interface WindowPlan {
  /** Every window is at least this long (and no longer unless a 429 penalty stretches it). */
  windowMs: number;
  pointsPerWindow: number;
  /** What the plan lets through per interval when work never runs out: pointsPerWindow × interval / window. */
  perInterval: number;
}

/** The widest window allowed ("windows at most 1 s wide"); the narrowest keeps waiters' wake-ups (database round trips) few. */
export const MAX_WINDOW_MS = 1_000;
const MIN_WINDOW_MS = 250;
/**
 * HubSpot counts calls when they arrive, we when they are let go: calls let go within an interval plus
 * this spread may arrive within one interval (the spread of network and scheduling delays we tolerate).
 */
export const arrivalSpreadMs = (intervalMs: number): number => intervalMs / 40;

/**
 * Why no rolling interval ever sees more than `limit`: windows never overlap and each lasts at least
 * `windowMs` (the store starts a window at the first call after the last one expired; a penalty only
 * stretches one). A half-open span of length S then meets at most ceil(S / windowMs) windows that start
 * inside it plus one that started before it. With S = interval + arrival spread (calls HubSpot sees in
 * one interval were let go within S), at most (ceil(S / windowMs) + 1) × pointsPerWindow calls — which
 * is ≤ limit by the choice of pointsPerWindow below.
 * Windows need not divide the interval: the window of 250 ms..1 s that lets the most through is chosen
 * (ties: the wider one). Below ~20 per 10 s rounding costs a lot; search (5 per 1 s) gets 3 per second.
 */
export function windowPlan({ limit, intervalMs }: BucketLimit): WindowPlan {
  const span = intervalMs + arrivalSpreadMs(intervalMs);
  let best: WindowPlan = { windowMs: MAX_WINDOW_MS, pointsPerWindow: 0, perInterval: 0 };
  for (let windowMs = Math.min(MAX_WINDOW_MS, intervalMs); windowMs >= MIN_WINDOW_MS; windowMs -= 1) {
    const pointsPerWindow = Math.floor(limit / (Math.ceil(span / windowMs) + 1));
    const perInterval = Math.floor((pointsPerWindow * intervalMs) / windowMs);
    if (perInterval > best.perInterval) best = { windowMs, pointsPerWindow, perInterval };
  }
  if (best.pointsPerWindow === 0)
    throw new Error(`a limit of ${limit} per ${intervalMs} ms is too low for windows of at least ${MIN_WINDOW_MS} ms`);
  return best;
}
