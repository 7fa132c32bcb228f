import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { findOperation, PIPEDRIVE_OPERATIONS } from '../../backend/src/sources/pipedrive/pipedrive-operations.js';
import { parseRateLimitHeaders } from '../../backend/src/sources/pipedrive/rate-limit-headers.js';

// The official OpenAPI files, vendored verbatim in specs/pipedrive (provenance: specs/pipedrive/SOURCES.md).
const specDir = fileURLToPath(new URL('../../specs/pipedrive/', import.meta.url));

interface SpecOperation {
  operationId?: string;
  'x-token-cost'?: number;
}

function loadPaths(file: string): Record<string, Record<string, SpecOperation>> {
  const spec = parse(readFileSync(`${specDir}${file}`, 'utf8'), { maxAliasCount: -1 }) as {
    paths: Record<string, Record<string, SpecOperation>>;
  };
  return spec.paths;
}

describe('the operation table', () => {
  const specs = { v1: loadPaths('openapi-v1.yaml'), v2: loadPaths('openapi-v2.yaml') };

  it.each(PIPEDRIVE_OPERATIONS.map((operation) => [operation.operationId, operation] as const))(
    '%s matches the spec: path and x-token-cost',
    (_, operation) => {
      const get = specs[operation.api][operation.path]?.get;
      expect(get?.operationId).toBe(operation.operationId);
      expect(get?.['x-token-cost']).toBe(operation.cost);
    },
  );

  it('finds the operation of a request URL, under the api_domain or api.pipedrive.com prefixes', () => {
    expect(findOperation('GET', '/api/v2/persons')?.operationId).toBe('getPersons');
    expect(findOperation('get', '/v1/leads/archived')?.operationId).toBe('getArchivedLeads');
    expect(findOperation('get', '/v1/leads')?.operationId).toBe('getLeads');
    expect(findOperation('GET', '/api/v1/notes/')?.operationId).toBe('getNotes');
    expect(findOperation('GET', '/v1/users/me')?.operationId).toBe('getCurrentUser');
    expect(findOperation('GET', '/api/v2/deals/archived')?.operationId).toBe('getArchivedDeals');
    expect(findOperation('GET', '/api/v2/deals/summary')).toBeUndefined();
    expect(findOperation('POST', '/api/v2/persons')).toBeUndefined();
  });
});

describe('rate-limit headers', () => {
  const now = Date.UTC(2026, 0, 1);

  it('reads burst, daily budget, token cost and Retry-After', () => {
    const headers = {
      'x-ratelimit-limit': '80',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '2',
      'x-daily-ratelimit-token-limit': '30000',
      'x-daily-ratelimit-token-remaining': ['120'],
      'x-token-cost': '10',
      'retry-after': '5',
    };
    expect(parseRateLimitHeaders(headers, now)).toStrictEqual({
      burstLimit: 80,
      burstRemaining: 0,
      burstResetMs: 2000,
      dailyLimit: 30000,
      dailyRemaining: 120,
      tokenCost: 10,
      retryAfterMs: 5000,
    });
  });

  it('leaves missing or malformed values null and reads an HTTP-date Retry-After', () => {
    const snapshot = parseRateLimitHeaders(
      { 'x-ratelimit-limit': 'many', 'retry-after': new Date(now + 7000).toUTCString() },
      now,
    );
    expect(snapshot.burstLimit).toBeNull();
    expect(snapshot.dailyRemaining).toBeNull();
    expect(snapshot.retryAfterMs).toBe(7000);
  });
});
