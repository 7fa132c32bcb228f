import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { createHubSpotSandbox } from '../../../sandbox/hubspot/index.js';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every HubSpot route the sandbox serves, read from its Express router ("METHOD /path"). */
function sandboxRoutes(): string[] {
  const { app } = createHubSpotSandbox();
  const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  return stack
    .flatMap((layer) =>
      layer.route ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route?.path ?? ''}`) : [],
    )
    .filter((route) => !route.includes(' /_sandbox'));
}

/** The route keys ("METHOD /path") given to contract() in this folder's test files. */
function contractedRoutes(): Set<string> {
  const folder = new URL('.', import.meta.url);
  const files = readdirSync(folder).filter((name) => name.endsWith('.test.ts'));
  const keys = files.flatMap((name) =>
    [...readFileSync(new URL(name, folder), 'utf8').matchAll(/contract\(\s*'([A-Z]+ \/[^']*)'/g)].map(
      (m) => m[1] ?? '',
    ),
  );
  return new Set(keys);
}

describe('HubSpot sandbox route census', () => {
  it('has a contract test for every route it serves', () => {
    const routes = sandboxRoutes();
    expect(routes.length).toBeGreaterThan(70);
    const contracted = contractedRoutes();
    expect(routes.filter((route) => !contracted.has(route))).toEqual([]);
  });

  it('names no route in a contract test that the sandbox does not serve', () => {
    const routes = new Set(sandboxRoutes());
    expect([...contractedRoutes()].filter((route) => !routes.has(route))).toEqual([]);
  });
});
