import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { v2 } from 'pipedrive';
import { startTestSandbox, type TestSandbox } from './support.js';

const REDIRECT = 'http://127.0.0.1:1/oauth/callback';
const UNAUTHORIZED = {
  success: false,
  error: 'unauthorized access',
  errorCode: 401,
  error_info: 'Please check developers.pipedrive.com',
};

describe('OAuth', () => {
  let test: TestSandbox;
  beforeAll(async () => {
    test = await startTestSandbox({ dataset: { records: 50, seed: 8 }, redirectUri: REDIRECT });
  });
  afterAll(async () => {
    await test.close();
  });

  const client = () =>
    new v2.OAuth2Configuration({
      clientId: test.sandbox.clientId,
      clientSecret: test.sandbox.clientSecret,
      redirectUri: REDIRECT,
      host: test.sandbox.oauthBaseUrl,
    });
  const code = async (): Promise<string> => {
    const response = await fetch(`${client().authorizationUrl}&state=xyz`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('xyz');
    return location.searchParams.get('code') ?? '';
  };
  const tokenRequest = (body: Record<string, string>, secret = test.sandbox.clientSecret) =>
    fetch(`${test.sandbox.oauthBaseUrl}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${test.sandbox.clientId}:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(body),
    });

  it("answers an unauthenticated GET /api/v2/persons with Pipedrive's 401 body", async () => {
    const reply = await test.call('GET', '/api/v2/persons', { token: null });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual(UNAUTHORIZED);
  });

  it('runs the whole flow through the official client, with api_domain pointing at the sandbox', async () => {
    const oauth = client();
    const token = await oauth.authorize(await code());
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 3599, api_domain: test.sandbox.apiBaseUrl });
    expect(oauth.basePath).toBe(`${test.sandbox.apiBaseUrl}/api/v2`);
    const persons = await new v2.PersonsApi(
      new v2.Configuration({ accessToken: oauth.getAccessToken, basePath: oauth.basePath }),
    ).getPersons({ limit: 5 });
    expect(persons.success).toBe(true);
    expect(persons.data).toHaveLength(5);
  });

  it('refreshes without rotating the refresh token', async () => {
    const oauth = client();
    const first = await oauth.authorize(await code());
    const refreshed = await oauth.tokenRefresh();
    expect(refreshed.refresh_token).toBe(first.refresh_token);
    expect(refreshed.access_token).not.toBe(first.access_token);
  });

  it('gives the same 401 body for expired and revoked tokens', async () => {
    const oauth = client();
    const { access_token: accessToken, refresh_token: refreshToken } = await oauth.authorize(await code());
    expect((await test.call('GET', '/api/v2/persons', { bearer: accessToken })).status).toBe(200);
    test.sandbox.state.advanceClock(3600 * 1000);
    const expired = await test.call('GET', '/api/v2/persons', { bearer: accessToken });
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(UNAUTHORIZED);

    const { access_token: fresh } = await oauth.tokenRefresh();
    expect((await test.call('GET', '/api/v2/persons', { bearer: fresh })).status).toBe(200);
    await oauth.revokeToken('refresh_token');
    const revoked = await test.call('GET', '/api/v2/persons', { bearer: fresh });
    expect(revoked.status).toBe(401);
    expect(revoked.body).toEqual(UNAUTHORIZED);
    const refreshAfterRevoke = await tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken });
    expect(refreshAfterRevoke.status).toBe(400);
    expect(await refreshAfterRevoke.json()).toEqual({
      success: false,
      message: 'Invalid grant: refresh_token is invalid',
      error: 'invalid_grant',
    });
  });

  it('rejects a reused code, a wrong secret, a wrong redirect_uri and an expired code', async () => {
    const once = await code();
    expect((await tokenRequest({ grant_type: 'authorization_code', code: once, redirect_uri: REDIRECT })).status).toBe(
      200,
    );
    const reused = await tokenRequest({ grant_type: 'authorization_code', code: once, redirect_uri: REDIRECT });
    expect(await reused.json()).toMatchObject({
      error: 'invalid_grant',
      message: 'Invalid grant: authorization_code is invalid',
    });
    const wrongSecret = await tokenRequest(
      { grant_type: 'authorization_code', code: await code(), redirect_uri: REDIRECT },
      'nope',
    );
    expect(wrongSecret.status).toBe(400);
    expect(await wrongSecret.json()).toMatchObject({ error: 'invalid_client' });
    const wrongRedirect = await tokenRequest({
      grant_type: 'authorization_code',
      code: await code(),
      redirect_uri: 'http://elsewhere.example/cb',
    });
    expect(await wrongRedirect.json()).toMatchObject({ error: 'invalid_request' });
    const late = await code();
    test.sandbox.state.advanceClock(5 * 60 * 1000 + 1);
    expect(
      await (await tokenRequest({ grant_type: 'authorization_code', code: late, redirect_uri: REDIRECT })).json(),
    ).toMatchObject({ message: 'Invalid grant: authorization_code has expired' });
    expect(await (await tokenRequest({ grant_type: 'password' })).json()).toMatchObject({
      error: 'unsupported_grant_type',
    });
  });

  it('shows a consent page when auto-approval is off, and reports a denial to the callback', async () => {
    await test.call('PATCH', '/_sandbox/settings', { body: { autoApprove: false } });
    const page = await fetch(client().authorizationUrl, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Allow and install');
    const denied = await fetch(`${client().authorizationUrl}&decision=deny&state=s`, { redirect: 'manual' });
    expect(new URL(denied.headers.get('location') ?? '').searchParams.get('error')).toBe('user_denied');
    await test.call('PATCH', '/_sandbox/settings', { body: { autoApprove: true } });
  });

  it('accepts API tokens in the x-api-token header', async () => {
    expect((await test.call('GET', '/v1/users/me')).status).toBe(200);
    expect((await test.call('GET', '/v1/users/me', { token: 'not-a-token' })).body).toEqual(UNAUTHORIZED);
  });
});
