import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { PIPEDRIVE_LIST_COVERAGE } from '../../backend/src/sources/pipedrive/pipedrive-coverage.js';
import { PIPEDRIVE_OPERATIONS } from '../../backend/src/sources/pipedrive/pipedrive-operations.js';

/**
 * The oracle of the audit's completeness: every list operation in the vendored OpenAPI files (every GET
 * without a path parameter, and the per-deal lists of what a deal holds) is either audited or excluded
 * with a reason. A list Pipedrive adds to its specs fails here until someone decides.
 */
const specDir = fileURLToPath(new URL('../../specs/pipedrive/', import.meta.url));
interface SpecOperation {
  operationId?: string;
  parameters?: { name?: string; in?: string; schema?: { enum?: string[] } }[];
}
type Paths = Record<string, Record<string, SpecOperation>>;
const load = (file: string) =>
  (parse(readFileSync(`${specDir}${file}`, 'utf8'), { maxAliasCount: -1 }) as { paths: Paths }).paths;
const specs = { v1: load('openapi-v1.yaml'), v2: load('openapi-v2.yaml') };

/** What a deal holds, listed per deal: counted on the deal pages instead. */
const PER_DEAL_LISTS = ['/deals/{id}/products', '/deals/{id}/participants'];

function listOperations(): string[] {
  return (['v1', 'v2'] as const).flatMap((api) =>
    Object.entries(specs[api])
      .filter(([path, methods]) => methods.get && (!path.includes('{') || PER_DEAL_LISTS.includes(path)))
      .map(([path]) => `${api} ${path}`),
  );
}

describe('the audit covers every list Pipedrive offers', () => {
  it.each(listOperations())('%s is audited or excluded with a reason', (key) => {
    const coverage = PIPEDRIVE_LIST_COVERAGE[key];
    expect(coverage).toBeDefined();
    if (coverage && 'excluded' in coverage) expect(coverage.excluded).toMatch(/\w+ \w+.*\./);
  });

  it('reads each audited list through an operation the connector calls, at the spec’s path', () => {
    for (const [key, coverage] of Object.entries(PIPEDRIVE_LIST_COVERAGE)) {
      if ('excluded' in coverage) continue;
      const operationId = 'read' in coverage ? coverage.read : coverage.countedBy;
      const operation = PIPEDRIVE_OPERATIONS.find((candidate) => candidate.operationId === operationId);
      expect({ key, called: operation !== undefined }).toEqual({ key, called: true });
      if ('read' in coverage) expect(`${operation?.api} ${operation?.path}`).toBe(key);
    }
  });

  it('counts through include_fields only what the list offers to include', () => {
    for (const coverage of Object.values(PIPEDRIVE_LIST_COVERAGE)) {
      if (!('countedBy' in coverage)) continue;
      const operation = PIPEDRIVE_OPERATIONS.find((candidate) => candidate.operationId === coverage.countedBy);
      const include = specs.v2[operation?.path ?? '']?.get?.parameters?.find((p) => p.name === 'include_fields');
      expect(include?.schema?.enum).toContain(coverage.field);
    }
  });

  it('names no list the specs do not have', () => {
    expect(Object.keys(PIPEDRIVE_LIST_COVERAGE).filter((key) => !listOperations().includes(key))).toEqual([]);
  });
});
