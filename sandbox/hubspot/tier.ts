/**
 * A portal's subscription tier and the limits that follow from it. HubSpot's account-info API does
 * not tell the tier, so the sandbox defaults to Starter, the lowest limits a paying customer has, and
 * tests choose another tier per portal (`POST`/`PATCH /_sandbox/portals`).
 */
import { validationError } from './errors.js';

export const PORTAL_TIERS = ['free', 'starter', 'professional', 'enterprise'] as const;
export type PortalTier = (typeof PORTAL_TIERS)[number];

export interface TierLimits {
  /**
   * Associations v4 calls per rolling 10 s, counted apart from the general limit: "100 requests per
   * 10 seconds" on Free/Starter, 150 on Professional/Enterprise, 200 with the API limit increase
   * (associations v4 guide, "Limits").
   */
  associationsPer10s: number;
  /** Deal pipelines: Free 1, Starter 2, Professional 15, Enterprise 100 (HubSpot's product catalog). */
  dealPipelines: number;
  /**
   * Currencies including the company currency. HubSpot limits them per tier but publishes no
   * numbers; these are an inferred, strict reading (unverified).
   */
  currencies: number;
  /**
   * Custom properties per object: 1,000 on every tier the product serves (properties guide; a third-party
   * note says 10 in total on HubSpot's free tools, which the sandbox does not model).
   */
  customPropertiesPerObject: number;
  /**
   * Custom association labels per object pair: Free/Starter 10, Professional/Enterprise 50 (third-party
   * reading of the labels API's limit; HubSpot tracks these limits on Professional and Enterprise).
   */
  associationLabelsPerPair: number;
}

const LIMITS: Record<PortalTier, TierLimits> = {
  free: {
    associationsPer10s: 100,
    dealPipelines: 1,
    currencies: 2,
    customPropertiesPerObject: 1000,
    associationLabelsPerPair: 10,
  },
  starter: {
    associationsPer10s: 100,
    dealPipelines: 2,
    currencies: 5,
    customPropertiesPerObject: 1000,
    associationLabelsPerPair: 10,
  },
  professional: {
    associationsPer10s: 150,
    dealPipelines: 15,
    currencies: 30,
    customPropertiesPerObject: 1000,
    associationLabelsPerPair: 50,
  },
  enterprise: {
    associationsPer10s: 150,
    dealPipelines: 100,
    currencies: 100,
    customPropertiesPerObject: 1000,
    associationLabelsPerPair: 50,
  },
};

/** With HubSpot's API limit increase pack, associations get 200 per 10 s (associations v4 guide). */
export const ASSOCIATIONS_WITH_LIMIT_INCREASE = 200;

export function parseTier(raw: unknown): PortalTier {
  const tier = String(raw).toLowerCase();
  if (!(PORTAL_TIERS as readonly string[]).includes(tier))
    throw validationError(`tier must be one of ${PORTAL_TIERS.join(', ')}`);
  return tier as PortalTier;
}

export const tierLimits = (tier: PortalTier): TierLimits => LIMITS[tier];

/** Per-portal switches a test may flip (`PATCH /_sandbox/portals/:id`). */
export interface PortalSettings {
  tier: PortalTier;
  /** The API limit increase pack: associations at 200 per 10 s whatever the tier. */
  limitIncrease: boolean;
  /**
   * Refuse deal stage probabilities off the 0.1 steps (the older pipelines text said "increments of
   * 0.1"; today's says any value 0.0–1.0). Off by default, so the product's rounding fallback can be
   * tested either way.
   */
  probabilityInTenths: boolean;
}

export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  tier: 'starter',
  limitIncrease: false,
  probabilityInTenths: false,
};
