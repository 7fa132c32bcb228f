/** Behaviour test helpers: a sandbox on a loopback port under a frozen clock, and a small HTTP client. */
import { createFrozenClock } from '../../../sandbox/common/clock.js';
import {
  type PipedriveSandboxOptions,
  type RunningPipedriveSandbox,
  startPipedriveSandbox,
} from '../../../sandbox/pipedrive/index.js';

export const START = new Date('2026-03-10T09:00:00Z');

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestSandbox {
  sandbox: RunningPipedriveSandbox;
  /** Calls the sandbox with the default user's API token unless `token` says otherwise (null: none). */
  call<T = unknown>(
    method: string,
    path: string,
    init?: { body?: unknown; token?: string | null; bearer?: string; headers?: Record<string, string> },
  ): Promise<Reply<T>>;
  close(): Promise<void>;
}

export async function startTestSandbox(options: PipedriveSandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startPipedriveSandbox({
    clock: createFrozenClock(START),
    dataset: { records: 200, seed: 5 },
    ...options,
  });
  // The clock stands still, so a burst window would never slide: tests of other things lift the burst limit.
  sandbox.state.configure({ burstOverride: 1_000_000 });
  const apiToken = sandbox.state.apiToken();
  return {
    sandbox,
    async call<T>(
      method: string,
      path: string,
      init: { body?: unknown; token?: string | null; bearer?: string; headers?: Record<string, string> } = {},
    ): Promise<Reply<T>> {
      const headers: Record<string, string> = { ...init.headers };
      if (init.bearer !== undefined) headers.authorization = `Bearer ${init.bearer}`;
      else if (init.token !== null) headers['x-api-token'] = init.token ?? apiToken;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${sandbox.apiBaseUrl}${path}`, {
        method,
        headers,
        redirect: 'manual',
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      const text = await response.text();
      const body = (response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
      return { status: response.status, headers: response.headers, body };
    },
    close: () => sandbox.close(),
  };
}

/** The v2 list envelope. */
export interface ListBody<T> {
  success: boolean;
  data: T[];
  additional_data: { next_cursor: string | null };
}

/** Follows next_cursor to the end (from `cursor` if given), collecting every item. */
export async function pageAll<T>(
  test: TestSandbox,
  path: string,
  from: string | null = null,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = from;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const reply: Reply<ListBody<T>> = await test.call<ListBody<T>>(
      'GET',
      `${path}${cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (reply.status !== 200) throw new Error(`GET ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    items.push(...reply.body.data);
    cursor = reply.body.additional_data.next_cursor;
    pages += 1;
  } while (cursor);
  return { items, pages };
}

/** Installs the app (auto-approved authorize, then the code exchange) and returns an access token. */
export async function oauthAccessToken(test: TestSandbox, redirectUri = 'http://127.0.0.1:1/cb'): Promise<string> {
  const { oauthBaseUrl, clientId, clientSecret } = test.sandbox;
  const redirect = await fetch(
    `${oauthBaseUrl}/oauth/authorize?client_id=${clientId}&redirect_uri=${encodeURIComponent(redirectUri)}`,
    { redirect: 'manual' },
  );
  const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const token = await fetch(`${oauthBaseUrl}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
  });
  const body: unknown = await token.json();
  if (typeof body !== 'object' || body === null || !('access_token' in body) || typeof body.access_token !== 'string')
    throw new Error(`no access token: ${JSON.stringify(body)}`);
  return body.access_token;
}
