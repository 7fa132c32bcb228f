/**
 * Contract-test support: a running sandbox, an app installed through HubSpot's OAuth flow with the
 * official client, calls through `@hubspot/api-client` (its limiter and retries off), and shape checks
 * against fixtures written from HubSpot's documentation.
 */
import { readFileSync } from 'node:fs';
import { Client } from '@hubspot/api-client';
import { expect, it } from '@jest/globals';
import {
  type HubSpotSandboxOptions,
  type RunningHubSpotSandbox,
  startHubSpotSandbox,
} from '../../../../sandbox/hubspot/index.js';

export const REDIRECT_URI = 'http://localhost:3000/oauth/hubspot/callback';

/** One test of one route; the route key ("METHOD /express/path") is what the route census reads. */
export function contract(route: string, title: string, test: () => Promise<void>): void {
  it(`${route} — ${title}`, test);
}

export type JsonBody = Record<string, unknown> & { [key: string]: unknown };

export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));
}

const kind = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * Every key of the fixture is in `actual` with the same JSON type (null in the fixture accepts a string
 * too); an array whose fixture has an item must have items, each of that shape.
 */
export function expectShape(actual: unknown, expected: unknown, path = '$'): void {
  if (expected === null) {
    expect([`${path}:null`, `${path}:string`]).toContain(`${path}:${kind(actual)}`);
    return;
  }
  expect(`${path}:${kind(actual)}`).toBe(`${path}:${kind(expected)}`);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    // An empty array proves nothing about the item shape: the fixture's item must be met at least once.
    if (expected.length > 0) {
      expect(`${path}:${actual.length > 0 ? 'items' : 'empty'}`).toBe(`${path}:items`);
      actual.forEach((item, i) => expectShape(item, expected[0], `${path}[${i}]`));
    }
    return;
  }
  if (kind(expected) === 'object' && kind(actual) === 'object') {
    const actualRecord = actual as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected as Record<string, unknown>)) {
      // Maps keyed by data (properties, context) are checked by their value type only.
      if (key === 'properties' || key === 'context' || key === 'fields' || key === 'metadata') {
        expect(`${path}.${key}:${kind(actualRecord[key])}`).toBe(`${path}.${key}:object`);
        continue;
      }
      expect(Object.keys(actualRecord)).toContain(key);
      expectShape(actualRecord[key], value, `${path}.${key}`);
    }
  }
}

export interface Installed {
  sandbox: RunningHubSpotSandbox;
  /** Authenticated as the installed app, limiter and retries off. */
  client: Client;
  accessToken: string;
  refreshToken: string;
  /** Unauthenticated client for the OAuth endpoints. */
  anonymous: Client;
}

export const clientFor = (basePath: string, accessToken?: string): Client =>
  new Client({ basePath, numberOfApiCallRetries: 0, ...(accessToken ? { accessToken } : {}) });

/** Authorize (auto-approved), then exchange the code with the official client's tokensApi. */
export async function installApp(
  scopes = 'oauth crm.objects.contacts.read crm.objects.deals.write',
  options: HubSpotSandboxOptions = {},
): Promise<Installed> {
  const sandbox = await startHubSpotSandbox({ searchRateLimitPerSecond: 0, ...options });
  const code = await authorizeCode(sandbox, scopes);
  const anonymous = clientFor(sandbox.apiBaseUrl);
  const tokens = await anonymous.oauth.tokensApi.create(
    'authorization_code',
    code,
    REDIRECT_URI,
    sandbox.clientId,
    sandbox.clientSecret,
  );
  return {
    sandbox,
    client: clientFor(sandbox.apiBaseUrl, tokens.accessToken),
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    anonymous,
  };
}

export async function authorizeCode(sandbox: RunningHubSpotSandbox, scopes: string): Promise<string> {
  const url = new URL('/oauth/authorize', sandbox.appBaseUrl);
  url.search = new URLSearchParams({
    client_id: sandbox.clientId,
    redirect_uri: REDIRECT_URI,
    scope: scopes,
    state: 's1',
  }).toString();
  const res = await fetch(url, { redirect: 'manual' });
  const code = new URL(res.headers.get('location') ?? 'http://invalid/').searchParams.get('code');
  if (res.status !== 302 || !code) throw new Error(`authorize answered ${res.status}`);
  return code;
}

export interface Reply {
  status: number;
  body: JsonBody;
  headers: Headers;
}

/** A call through the client's generic `apiRequest` (same auth and base path as its typed APIs). */
export async function call(
  client: Client,
  method: string,
  path: string,
  body?: unknown,
  qs?: Record<string, string>,
): Promise<Reply> {
  const res = await client.apiRequest({ method, path, ...(body !== undefined ? { body } : {}), ...(qs ? { qs } : {}) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as JsonBody) : {}, headers: res.headers };
}

/** A form-encoded call (the OAuth endpoints), still through the client's `apiRequest`. */
export async function callForm(client: Client, path: string, form: Record<string, string>): Promise<Reply> {
  const res = await client.apiRequest({
    method: 'POST',
    path,
    body: new URLSearchParams(form).toString(),
    defaultJson: false,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as JsonBody) : {}, headers: res.headers };
}

/** The error a typed api-client method threw: its HTTP code and parsed body. */
export async function failure(promise: Promise<unknown>): Promise<{ code: number; body: JsonBody }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: number; body?: unknown };
    const body = typeof e.body === 'string' ? (JSON.parse(e.body) as JsonBody) : (e.body as JsonBody);
    return { code: e.code ?? 0, body };
  }
  throw new Error('expected the call to fail');
}
