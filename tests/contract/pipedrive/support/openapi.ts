/**
 * Pipedrive's official OpenAPI files, dereferenced once per test file, and response validation with
 * openapi-response-validator against the operation's own response schemas (no hand-written schemas).
 *
 * One adjustment, applied to the official schemas: every object property also accepts null. The files
 * leave `nullable` off most fields the live API returns as null (an open deal's won_time, a person
 * without an organization's org_id; see docs/notes/pipedrive-api.md,
 * Webhooks), so without it the real API's own responses would fail. Types, shapes and enums stay strict.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIV3 } from 'openapi-types';
import { parse as parseYaml } from 'yaml';

export type SpecName = 'v1' | 'v2';

export interface SpecOperation {
  spec: SpecName;
  operationId: string;
  method: string;
  /** As in the spec, e.g. /persons/{id}. */
  path: string;
  /** x-token-cost. */
  cost: number;
  /** The scopes of the operation's `security: - oauth2: [...]` entry, if it has one. */
  oauthScopes: string[] | undefined;
  /** Media type per documented status. */
  mediaTypes: Record<string, string | undefined>;
  validate(status: number, body: unknown): string | undefined;
}

const SPEC_DIR = fileURLToPath(new URL('../../../../specs/pipedrive/', import.meta.url));
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

// A CommonJS package with `exports.default`: require() gives the same shape under tsc, tsx and jest's ESM mode.
const { default: ResponseValidator } = createRequire(import.meta.url)(
  'openapi-response-validator',
) as typeof import('openapi-response-validator');

function isReference(value: unknown): value is OpenAPIV3.ReferenceObject {
  return typeof value === 'object' && value !== null && '$ref' in value;
}

/** Lets every object property be null as well (see the file comment); walks each schema once. */
function allowNulls(
  schema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined,
  seen = new Set<object>(),
): void {
  if (!schema || isReference(schema) || seen.has(schema)) return;
  seen.add(schema);
  for (const property of Object.values(schema.properties ?? {})) {
    if (!isReference(property)) property.nullable = true;
    allowNulls(property, seen);
  }
  if (schema.type === 'array') allowNulls(schema.items, seen);
  for (const variant of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])])
    allowNulls(variant, seen);
  if (typeof schema.additionalProperties === 'object') allowNulls(schema.additionalProperties, seen);
}

/** Replaces local `$ref`s (`#/components/...`) with what they point at; the files have no remote or circular refs. */
function dereference(node: unknown, root: unknown, resolved = new Map<string, unknown>()): unknown {
  if (Array.isArray(node)) return node.map((item) => dereference(item, root, resolved));
  if (typeof node !== 'object' || node === null) return node;
  if ('$ref' in node && typeof node.$ref === 'string') {
    const pointer = node.$ref;
    if (!resolved.has(pointer)) {
      let target: unknown = root;
      for (const part of pointer.replace(/^#\//, '').split('/')) {
        const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
        target =
          typeof target === 'object' && target !== null && key in target
            ? Object.getOwnPropertyDescriptor(target, key)?.value
            : undefined;
      }
      resolved.set(pointer, dereference(target, root, resolved));
    }
    return resolved.get(pointer);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, dereference(value, root, resolved)]));
}

interface CachedOperation {
  operationId: string;
  method: string;
  path: string;
  cost: unknown;
  oauthScopes: string[] | undefined;
  responses: OpenAPIV3.ResponsesObject;
}

/**
 * The operations of one file with their responses dereferenced. YAML parsing takes about a second,
 * so the result is cached in the temp directory under the file's hash.
 */
function operationsOf(spec: SpecName): CachedOperation[] {
  const source = readFileSync(`${SPEC_DIR}openapi-${spec}.yaml`, 'utf8');
  const cache = join(
    tmpdir(),
    `pipedrive-openapi-2-${spec}-${createHash('sha256').update(source).digest('hex').slice(0, 16)}.json`,
  );
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as CachedOperation[];
  const document = parseYaml(source) as OpenAPIV3.Document;
  const operations: CachedOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation?.operationId) continue;
      const cost: unknown = (operation as Record<string, unknown>)['x-token-cost'];
      const oauthScopes = operation.security?.find((requirement) => 'oauth2' in requirement)?.oauth2;
      operations.push({
        operationId: operation.operationId,
        method,
        path,
        cost,
        oauthScopes,
        responses: dereference(operation.responses, document) as OpenAPIV3.ResponsesObject,
      });
    }
  }
  writeFileSync(cache, JSON.stringify(operations));
  return operations;
}

function loadSpec(spec: SpecName): Map<string, SpecOperation> {
  const operations = new Map<string, SpecOperation>();
  for (const operation of operationsOf(spec)) {
    const { method, path, cost, oauthScopes } = operation;
    const responses: Record<string, { schema: OpenAPIV3.SchemaObject }> = {};
    const mediaTypes: Record<string, string | undefined> = {};
    for (const [status, response] of Object.entries(operation.responses)) {
      if (isReference(response)) continue;
      const [mediaType, content] = Object.entries(response.content ?? {})[0] ?? [];
      mediaTypes[status] = mediaType;
      const schema = content?.schema;
      if (schema && !isReference(schema)) {
        allowNulls(schema);
        responses[status] = { schema };
      } else {
        responses[status] = { schema: {} };
      }
    }
    const validator = new ResponseValidator({ responses });
    operations.set(operation.operationId, {
      spec,
      operationId: operation.operationId,
      method,
      path,
      cost: typeof cost === 'number' ? cost : Number.NaN,
      oauthScopes,
      mediaTypes,
      validate(status, body) {
        if (!(String(status) in responses))
          return `status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})`;
        const result = validator.validateResponse(String(status), body);
        return result ? JSON.stringify(result.errors ?? result.message) : undefined;
      },
    });
  }
  return operations;
}

export interface Specs {
  operation(spec: SpecName, operationId: string): SpecOperation;
  all(): SpecOperation[];
}

/** Both files, parsed and dereferenced; call once per test file. */
export function loadSpecs(): Specs {
  const loaded = { v1: loadSpec('v1'), v2: loadSpec('v2') };
  return {
    operation(spec, operationId) {
      const operation = loaded[spec].get(operationId);
      if (!operation) throw new Error(`${spec} has no operation ${operationId}`);
      return operation;
    },
    all: () => [...loaded.v1.values(), ...loaded.v2.values()],
  };
}
