import { type HeaderSource, nonNegativeNumber, retryAfterMs } from '../../http-client/response-headers.js';

/**
 * What Pipedrive tells us about its limits on every API response (docs/notes/pipedrive-api.md):
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

export function parseRateLimitHeaders(headers: HeaderSource, now: number): RateLimitSnapshot {
  const resetSeconds = nonNegativeNumber(headers, 'x-ratelimit-reset');
  return {
    burstLimit: nonNegativeNumber(headers, 'x-ratelimit-limit'),
    burstRemaining: nonNegativeNumber(headers, 'x-ratelimit-remaining'),
    burstResetMs: resetSeconds === null ? null : resetSeconds * 1000,
    dailyLimit: nonNegativeNumber(headers, 'x-daily-ratelimit-token-limit'),
    dailyRemaining: nonNegativeNumber(headers, 'x-daily-ratelimit-token-remaining'),
    tokenCost: nonNegativeNumber(headers, 'x-token-cost'),
    retryAfterMs: retryAfterMs(headers, now),
  };
}
