import { describe, expect, it } from '@jest/globals';
import { header, nonNegativeNumber, retryAfterMs } from '../../backend/src/http-client/response-headers.js';
import { parseHubSpotRateLimits } from '../../backend/src/hubspot/rate-limit-headers.js';
import { parseRateLimitHeaders } from '../../backend/src/sources/pipedrive/rate-limit-headers.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('reading response headers (shared by the HubSpot and Pipedrive clients)', () => {
  it('finds a header whatever its case, in fetch Headers or a plain object, and reads an array by its first value', () => {
    expect(header(new Headers({ 'X-RateLimit-Limit': '80' }), 'x-ratelimit-limit')).toBe('80');
    expect(header({ 'X-RateLimit-Limit': '80' }, 'x-ratelimit-limit')).toBe('80');
    expect(header({ 'set-cookie': ['a=1', 'b=2'] }, 'Set-Cookie')).toBe('a=1');
    expect(header({}, 'x-ratelimit-limit')).toBeNull();
  });

  it('reads counts only when they are non-negative numbers', () => {
    expect(nonNegativeNumber({ n: '12' }, 'n')).toBe(12);
    expect(nonNegativeNumber({ n: 7 }, 'n')).toBe(7);
    expect(nonNegativeNumber({ n: '-1' }, 'n')).toBeNull();
    expect(nonNegativeNumber({ n: ' ' }, 'n')).toBeNull();
    expect(nonNegativeNumber({ n: 'many' }, 'n')).toBeNull();
  });

  it('reads Retry-After as seconds or an HTTP date, never as a negative wait', () => {
    expect(retryAfterMs({ 'Retry-After': '1.5' }, NOW)).toBe(1500);
    expect(retryAfterMs({ 'retry-after': new Date(NOW + 7000).toUTCString() }, NOW)).toBe(7000);
    expect(retryAfterMs({ 'retry-after': new Date(NOW - 7000).toUTCString() }, NOW)).toBe(0);
    expect(retryAfterMs({ 'retry-after': '-5' }, NOW)).toBeNull();
    expect(retryAfterMs({ 'retry-after': 'soon' }, NOW)).toBeNull();
  });

  it('gives both clients the same reading of the same headers', () => {
    const headers = { 'Retry-After': '3' };
    expect(parseHubSpotRateLimits(headers, NOW).retryAfterMs).toBe(3000);
    expect(parseRateLimitHeaders(headers, NOW).retryAfterMs).toBe(3000);
  });
});
