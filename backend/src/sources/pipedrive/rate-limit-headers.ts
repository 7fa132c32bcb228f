/**
 * What Pipedrive tells us about its limits on every API response (pipedrive-behaviour.md §2.4):
 * - `x-ratelimit-limit` / `-remaining` / `-reset`: the burst window of this token (2 s, reset in seconds);
 * - `x-daily-ratelimit-token-limit` / `-remaining`: the company's daily token budget (observed, undocumented,
 *   sometimes missing after a long idle time, so every value may be null);
 * - `x-token-cost`: what the call cost, when the server says so;
 * - `retry-after`: not documented today, honoured when present.
 */

export interface RateLimitSnapshot {
  burstLimit: number | null;
  burstRemaining: number | null;
  burstResetMs: number | null;
  dailyLimit: number | null;
  dailyRemaining: number | null;
  tokenCost: number | null;
  retryAfterMs: number | null;
}

/** Response headers as axios or fetch hand them over (names lower-case, values possibly arrays). */
export type HeaderBag = Record<string, unknown>;

function header(headers: HeaderBag, name: string): string | null {
  const value = headers[name];
  if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : null;
  return value === undefined || value === null ? null : String(value);
}

function integer(headers: HeaderBag, name: string): number | null {
  const raw = header(headers, name);
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
function retryAfterMs(headers: HeaderBag, now: number): number | null {
  const raw = header(headers, 'retry-after');
  if (raw === null) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function parseRateLimitHeaders(headers: HeaderBag, now: number): RateLimitSnapshot {
  const resetSeconds = integer(headers, 'x-ratelimit-reset');
  return {
    burstLimit: integer(headers, 'x-ratelimit-limit'),
    burstRemaining: integer(headers, 'x-ratelimit-remaining'),
    burstResetMs: resetSeconds === null ? null : resetSeconds * 1000,
    dailyLimit: integer(headers, 'x-daily-ratelimit-token-limit'),
    dailyRemaining: integer(headers, 'x-daily-ratelimit-token-remaining'),
    tokenCost: integer(headers, 'x-token-cost'),
    retryAfterMs: retryAfterMs(headers, now),
  };
}
