import { describe, expect, it } from '@jest/globals';
import { SourceAuthError, SourceUnavailableError } from '../../backend/src/sources/connector.js';
import { PipedriveRequestError } from '../../backend/src/sources/pipedrive/pipedrive-errors.js';
import { createPipedriveOAuth } from '../../backend/src/sources/pipedrive/pipedrive-oauth.js';

const TOKEN_BODY = {
  access_token: 'v1u:access',
  token_type: 'Bearer',
  refresh_token: '1:1:refresh',
  expires_in: 3599,
  scope: 'deals:read,contacts:read,base',
  api_domain: 'https://acme.pipedrive.com/',
};

type Answer = Response | 'network';

/** A fetch that answers from a script and keeps what it was asked. */
function scriptedFetch(answers: Answer[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), init: init ?? {} });
    const answer = answers.shift() ?? Response.json(TOKEN_BODY);
    if (answer === 'network') throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    return answer;
  };
  return { fetchImpl: fetchImpl as typeof fetch, calls };
}

function oauth(answers: Answer[]) {
  const { fetchImpl, calls } = scriptedFetch(answers);
  const sleeps: number[] = [];
  const client = createPipedriveOAuth({
    clientId: 'client-1',
    clientSecret: 's3cret',
    oauthBaseUrl: 'https://oauth.example/',
    clock: { now: () => new Date(Date.UTC(2026, 0, 1)) },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    fetch: fetchImpl,
    retryPolicy: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 100 },
  });
  return { client, calls, sleeps };
}

function form(call: { init: RequestInit } | undefined): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(String(call?.init.body)));
}

describe('Pipedrive OAuth', () => {
  it('builds the authorize URL with client_id, redirect_uri and state, and no scope', () => {
    const url = new URL(
      oauth([]).client.authorizeUrl({ state: 'st-1', redirectUri: 'https://app.example/oauth/pipedrive/callback' }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://oauth.example/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client-1',
      redirect_uri: 'https://app.example/oauth/pipedrive/callback',
      state: 'st-1',
    });
  });

  it('exchanges a code with a Basic-auth form POST and keeps api_domain', async () => {
    const { client, calls } = oauth([Response.json(TOKEN_BODY)]);
    const grant = await client.exchangeCode({ code: 'code-1', redirectUri: 'https://app.example/cb' });
    expect(grant).toEqual({
      accessToken: 'v1u:access',
      refreshToken: '1:1:refresh',
      expiresInSeconds: 3599,
      scopes: ['deals:read', 'contacts:read', 'base'],
      apiDomain: 'https://acme.pipedrive.com',
    });
    const headers = new Headers(calls[0]?.init.headers);
    expect(calls[0]?.url).toBe('https://oauth.example/oauth/token');
    expect(headers.get('authorization')).toBe(`Basic ${Buffer.from('client-1:s3cret').toString('base64')}`);
    expect(headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(form(calls[0])).toEqual({
      grant_type: 'authorization_code',
      code: 'code-1',
      redirect_uri: 'https://app.example/cb',
    });
  });

  it('refreshes with grant_type=refresh_token', async () => {
    const { client, calls } = oauth([Response.json({ ...TOKEN_BODY, api_domain: 'https://moved.pipedrive.com' })]);
    const grant = await client.refresh('1:1:refresh');
    expect(grant.apiDomain).toBe('https://moved.pipedrive.com');
    expect(form(calls[0])).toEqual({ grant_type: 'refresh_token', refresh_token: '1:1:refresh' });
  });

  it('turns invalid_grant into SourceAuthError, for a refresh and for a code', async () => {
    const refused = () =>
      Response.json(
        { success: false, message: 'Invalid grant: refresh token is invalid', error: 'invalid_grant' },
        { status: 400 },
      );
    await expect(oauth([refused()]).client.refresh('gone')).rejects.toBeInstanceOf(SourceAuthError);
    await expect(
      oauth([refused()]).client.exchangeCode({ code: 'used', redirectUri: 'https://app.example/cb' }),
    ).rejects.toBeInstanceOf(SourceAuthError);
  });

  it('reports our own misconfiguration (invalid_client) as a request error, never as a revoked grant', async () => {
    const { client } = oauth([
      Response.json(
        { success: false, message: 'Invalid client: client is invalid', error: 'invalid_client' },
        { status: 401 },
      ),
    ]);
    const error = await client.refresh('1:1:refresh').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PipedriveRequestError);
    expect(String(error)).toContain('Invalid client: client is invalid');
  });

  it('retries a refresh through outages, but never replays a single-use code', async () => {
    const refresh = oauth(['network', new Response('bad gateway', { status: 502 })]);
    await expect(refresh.client.refresh('1:1:refresh')).resolves.toMatchObject({ accessToken: 'v1u:access' });
    expect(refresh.calls).toHaveLength(3);
    expect(refresh.sleeps).toEqual([10, 20]);

    const exchange = oauth([new Response('bad gateway', { status: 502 })]);
    await expect(
      exchange.client.exchangeCode({ code: 'code-1', redirectUri: 'https://app.example/cb' }),
    ).rejects.toBeInstanceOf(SourceUnavailableError);
    expect(exchange.calls).toHaveLength(1);
  });

  it('gives up on a refresh after the last retry', async () => {
    const { client, calls } = oauth(['network', 'network', 'network']);
    await expect(client.refresh('1:1:refresh')).rejects.toBeInstanceOf(SourceUnavailableError);
    expect(calls).toHaveLength(3);
  });
});
