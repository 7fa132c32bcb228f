import { type HeaderSource, nonNegativeNumber, retryAfterMs } from '../http-client/response-headers.js';

/**
 * HubSpot's rate-limit headers on one response, read case-insensitively: the ten-second window
 * (`x-hubspot-ratelimit-max/-remaining/-interval-milliseconds`), the daily budget of private apps
 * (`-daily/-daily-remaining`), the deprecated secondly window, and `Retry-After` (seconds or a date).
 * https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
 */
export interface HubSpotRateLimits {
  max: number | null;
  remaining: number | null;
  intervalMs: number | null;
  daily: number | null;
  dailyRemaining: number | null;
  secondlyRemaining: number | null;
  retryAfterMs: number | null;
}

export function parseHubSpotRateLimits(headers: HeaderSource, at: number): HubSpotRateLimits {
  return {
    max: nonNegativeNumber(headers, 'x-hubspot-ratelimit-max'),
    remaining: nonNegativeNumber(headers, 'x-hubspot-ratelimit-remaining'),
    intervalMs: nonNegativeNumber(headers, 'x-hubspot-ratelimit-interval-milliseconds'),
    daily: nonNegativeNumber(headers, 'x-hubspot-ratelimit-daily'),
    dailyRemaining: nonNegativeNumber(headers, 'x-hubspot-ratelimit-daily-remaining'),
    secondlyRemaining: nonNegativeNumber(headers, 'x-hubspot-ratelimit-secondly-remaining'),
    retryAfterMs: retryAfterMs(headers, at),
  };
}
