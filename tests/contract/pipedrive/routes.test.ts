/**
 * Every route the sandbox serves has a contract case, and every route's declared operation and
 * token cost agree with the OpenAPI files.
 */
import { describe, expect, it } from '@jest/globals';
import { createFrozenClock } from '../../../sandbox/common/clock.js';
import { endpointName } from '../../../sandbox/pipedrive/http/routes.js';
import { createPipedriveSandbox } from '../../../sandbox/pipedrive/index.js';
import { operationScopes } from '../../../sandbox/pipedrive/oauth/scopes.js';
import { completenessCases } from './cases/completeness.js';
import { oauthCases } from './cases/oauth.js';
import { v1Cases } from './cases/v1.js';
import { v2FieldCases } from './cases/v2-fields.js';
import { v2RecordCases } from './cases/v2-records.js';
import { CONTRACT_NOW, expressRouteOf } from './support/harness.js';
import { loadSpecs } from './support/openapi.js';

const specs = loadSpecs();
const { app, state } = createPipedriveSandbox({
  dataset: { records: 100, seed: 1 },
  clock: createFrozenClock(CONTRACT_NOW),
});

interface RouteLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
}

/** The routes Express really serves (the inspection router is a sub-router, outside Pipedrive's paths). */
function servedRoutes(): string[] {
  const router: unknown = Reflect.get(app, 'router');
  // Express 5's router is a function object with a `stack` of layers.
  const stack: unknown = typeof router === 'function' ? Reflect.get(router, 'stack') : undefined;
  if (!Array.isArray(stack)) throw new Error('cannot read the Express router stack');
  return stack.flatMap((layer: RouteLayer) => {
    const route = layer.route;
    if (!route || typeof route.path !== 'string') return [];
    const path = route.path;
    return Object.keys(route.methods).map((method) => `${method.toUpperCase()} ${path}`);
  });
}

describe('route coverage', () => {
  const cases = [...v2RecordCases(), ...v2FieldCases(), ...v1Cases(), ...oauthCases(), ...completenessCases()];
  const covered = new Set(cases.map((contractCase) => expressRouteOf(specs, contractCase.target)));

  it('has a contract case for every route the sandbox serves', () => {
    const routes = servedRoutes();
    expect(routes.length).toBeGreaterThan(90);
    expect(routes.filter((route) => !covered.has(route))).toEqual([]);
  });

  it('has no contract case for a route that does not exist', () => {
    const routes = new Set(servedRoutes());
    expect([...covered].filter((route) => !routes.has(route))).toEqual([]);
  });

  it("charges each route its operation's x-token-cost and serves it on the spec's method and path", () => {
    const mismatches = state.routes.routes
      .filter((route) => route.spec !== null)
      .flatMap((route) => {
        const operation = specs.operation(route.spec ?? 'v1', route.operationId);
        const served = endpointName(route).replace(/^(\w+) (\/api\/v2|\/v1)?/, '$1 ');
        const expected = `${operation.method.toUpperCase()} ${operation.path.replace(/\/$/, '')}`;
        return served === expected && route.cost === operation.cost
          ? []
          : [`${route.operationId}: ${served} cost ${route.cost}, spec ${expected} cost ${operation.cost}`];
      });
    expect(mismatches).toEqual([]);
  });

  it("enforces each operation's OAuth scopes as its security list names them (the sandbox's line scan equals a full parse)", () => {
    const operations = specs.all();
    expect(operations.filter((operation) => operation.oauthScopes !== undefined).length).toBeGreaterThan(300);
    const mismatches = operations.flatMap((operation) => {
      const enforced = operationScopes(operation.spec, operation.operationId);
      return JSON.stringify(enforced) === JSON.stringify(operation.oauthScopes)
        ? []
        : [
            `${operation.operationId}: enforces ${JSON.stringify(enforced)}, spec ${JSON.stringify(operation.oauthScopes)}`,
          ];
    });
    expect(mismatches).toEqual([]);
  });
});

describe('the response validation itself', () => {
  it('rejects a body that does not match the operation', () => {
    const operation = specs.operation('v2', 'getPersons');
    expect(operation.validate(200, { success: true, data: [{ id: 'not-a-number', emails: 'x' }] })).toBeDefined();
    expect(operation.validate(418, {})).toBeDefined();
    expect(
      operation.validate(200, {
        success: true,
        data: [{ id: 1, name: 'Ann', org_id: null }],
        additional_data: { next_cursor: null },
      }),
    ).toBeUndefined();
  });
});
