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

export type HeaderSource = Headers | Readonly<Record<string, string | string[] | undefined>>;

function header(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function count(headers: HeaderSource, name: string): number | null {
  const value = header(headers, name);
  if (value === null || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : null;
}

/** `Retry-After` as milliseconds from `at`: delta-seconds or an HTTP date; null when absent or unreadable. */
function retryAfter(headers: HeaderSource, at: number): number | null {
  const value = header(headers, 'retry-after')?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - at);
}

export function parseHubSpotRateLimits(headers: HeaderSource, at: number): HubSpotRateLimits {
  return {
    max: count(headers, 'x-hubspot-ratelimit-max'),
    remaining: count(headers, 'x-hubspot-ratelimit-remaining'),
    intervalMs: count(headers, 'x-hubspot-ratelimit-interval-milliseconds'),
    daily: count(headers, 'x-hubspot-ratelimit-daily'),
    dailyRemaining: count(headers, 'x-hubspot-ratelimit-daily-remaining'),
    secondlyRemaining: count(headers, 'x-hubspot-ratelimit-secondly-remaining'),
    retryAfterMs: retryAfter(headers, at),
  };
}
