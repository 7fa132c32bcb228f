/**
 * Which OAuth scopes each operation accepts, read from the vendored OpenAPI files (each operation's
 * `security: - oauth2: [...]` list): a token needs at least one of them. Parsing the 2.8 MB of YAML
 * takes seconds, so a line scan picks out just `operationId` and the oauth2 list of every operation
 * (the files are machine-written with a fixed layout); the contract tests check the scan against a
 * full parse. Read once per process, on the first OAuth-authenticated call.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type ScopeTable = ReadonlyMap<string, readonly string[]>;

const SPEC_DIR = fileURLToPath(new URL('../../../specs/pipedrive/', import.meta.url));
const METHOD_LINE = /^ {4}(get|post|put|patch|delete):\s*$/;
const OPERATION_ID = /^ {6}operationId:\s*(\S+)\s*$/;
const OAUTH_LINE = /^(\s+)- oauth2:\s*(\[\])?\s*$/;
const LIST_ITEM = /^(\s+)- '?([^'\s]+)'?\s*$/;

/** operationId → accepted scopes, from one OpenAPI YAML text. */
export function scanOperationScopes(yaml: string): Map<string, string[]> {
  const table = new Map<string, string[]>();
  let operationId: string | undefined;
  let scopes: string[] | undefined;
  let collecting: number | undefined;
  const finish = (): void => {
    if (operationId !== undefined && scopes !== undefined) table.set(operationId, scopes);
    operationId = undefined;
    scopes = undefined;
    collecting = undefined;
  };
  for (const line of yaml.split('\n')) {
    if (/^ {0,3}\S/.test(line) || METHOD_LINE.test(line)) {
      finish();
      continue;
    }
    const id = OPERATION_ID.exec(line);
    if (id?.[1]) {
      operationId = id[1];
      continue;
    }
    const oauth = OAUTH_LINE.exec(line);
    if (oauth) {
      scopes = [];
      collecting = oauth[1]?.length;
      continue;
    }
    if (collecting !== undefined) {
      const item = LIST_ITEM.exec(line);
      if (item?.[1] !== undefined && item[2] !== undefined && item[1].length > collecting) scopes?.push(item[2]);
      else collecting = undefined;
    }
  }
  finish();
  return table;
}

let loaded: Record<'v1' | 'v2', Map<string, string[]>> | undefined;

/** The scopes an operation of the v1 or v2 file accepts; undefined when it names none (then any token passes). */
export function operationScopes(spec: 'v1' | 'v2', operationId: string): readonly string[] | undefined {
  loaded ??= {
    v1: scanOperationScopes(readFileSync(`${SPEC_DIR}openapi-v1.yaml`, 'utf8')),
    v2: scanOperationScopes(readFileSync(`${SPEC_DIR}openapi-v2.yaml`, 'utf8')),
  };
  return loaded[spec].get(operationId);
}

/** A grant's scope string ("base,deals:read,…") allows an operation when it holds one of the accepted scopes. */
export function scopeAllows(granted: string, accepted: readonly string[] | undefined): boolean {
  if (accepted === undefined || accepted.length === 0) return true;
  const held = new Set(granted.split(/[\s,]+/).filter(Boolean));
  return accepted.some((scope) => held.has(scope));
}
