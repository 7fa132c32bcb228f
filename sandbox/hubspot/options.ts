/** Sandbox options with HubSpot's defaults filled in. */
import type { PortalTier } from './tier.js';

export interface HubSpotSandboxOptions {
  /** The app's client id; default 'sandbox-hubspot-client-id'. */
  clientId?: string;
  /** The app's client secret; default 'sandbox-hubspot-client-secret'. */
  clientSecret?: string;
  /** Access token lifetime; default 1800 (HubSpot: 30 minutes). */
  accessTokenTtlSeconds?: number;
  /** The portal an authorize approves unless told otherwise; default 12345678. */
  defaultPortalId?: number;
  /** Requests per rolling 10 s per portal (HubSpot OAuth apps: 110); 0 turns the limit off. */
  rateLimitPer10s?: number;
  /** Search requests per second per portal (HubSpot: 5); 0 turns the limit off. */
  searchRateLimitPerSecond?: number;
  /** Seed of every random decision (fault rates, batch result order); default 1. */
  seed?: number;
  /** The default portal's tier (tier.ts); default 'starter', the lowest limits of a paying portal. */
  tier?: PortalTier;
  /** Milliseconds since the epoch; injectable so tests move time instead of sleeping. */
  now?: () => number;
}

export interface ResolvedOptions {
  clientId: string;
  clientSecret: string;
  appId: number;
  accessTokenTtlSeconds: number;
  defaultPortalId: number;
  rateLimitPer10s: number;
  searchRateLimitPerSecond: number;
  seed: number;
  tier: PortalTier;
  now: () => number;
}

export function resolveOptions(options: HubSpotSandboxOptions = {}): ResolvedOptions {
  return {
    clientId: options.clientId ?? 'sandbox-hubspot-client-id',
    clientSecret: options.clientSecret ?? 'sandbox-hubspot-client-secret',
    appId: 1234567,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 1800,
    defaultPortalId: options.defaultPortalId ?? 12345678,
    rateLimitPer10s: options.rateLimitPer10s ?? 110,
    searchRateLimitPerSecond: options.searchRateLimitPerSecond ?? 5,
    seed: options.seed ?? 1,
    tier: options.tier ?? 'starter',
    now: options.now ?? Date.now,
  };
}
