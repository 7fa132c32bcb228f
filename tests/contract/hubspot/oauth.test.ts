import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import {
  authorizeCode,
  callForm,
  clientFor,
  contract,
  expectShape,
  failure,
  fixture,
  installApp,
  type Installed,
  REDIRECT_URI,
} from './support/contract.js';

let app: Installed;
beforeAll(async () => {
  app = await installApp();
});
afterAll(async () => {
  await app.sandbox.close();
});

const secrets = () => ({ client_id: app.sandbox.clientId, client_secret: app.sandbox.clientSecret });

describe('HubSpot OAuth contract', () => {
  contract('GET /oauth/authorize', 'redirects with a code and the state; an unknown client id gets 400', async () => {
    const code = await authorizeCode(app.sandbox, 'oauth');
    expect(code.length).toBeGreaterThan(10);
    const bad = await fetch(
      `${app.sandbox.appBaseUrl}/oauth/authorize?client_id=nope&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&scope=oauth`,
      { redirect: 'manual' },
    );
    expect(bad.status).toBe(400);
  });

  contract(
    'POST /oauth/v1/token',
    'exchanges a code and refreshes through tokensApi; a bad refresh token is invalid_grant',
    async () => {
      const code = await authorizeCode(app.sandbox, 'oauth');
      const raw = await callForm(app.anonymous, '/oauth/v1/token', {
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
        ...secrets(),
      });
      expect(raw.status).toBe(200);
      expectShape(raw.body, fixture('token'));
      expect(raw.body['token_type']).toBe('bearer');
      const refreshed = await app.anonymous.oauth.tokensApi.create(
        'refresh_token',
        undefined,
        undefined,
        app.sandbox.clientId,
        app.sandbox.clientSecret,
        app.refreshToken,
      );
      expect(refreshed.refreshToken).toBe(app.refreshToken);
      expect(refreshed.expiresIn).toBe(1800);
      const bad = await callForm(app.anonymous, '/oauth/v1/token', {
        grant_type: 'refresh_token',
        refresh_token: 'na1-0000',
        ...secrets(),
      });
      expect(bad.status).toBe(400);
      expectShape(bad.body, fixture('token-error'));
      expect(bad.body).toMatchObject({ status: 'BAD_REFRESH_TOKEN', error: 'invalid_grant' });
    },
  );

  contract('POST /oauth/v3/token', 'answers the v3 token endpoint like v1', async () => {
    const raw = await callForm(app.anonymous, '/oauth/v3/token', {
      grant_type: 'refresh_token',
      refresh_token: app.refreshToken,
      ...secrets(),
    });
    expect(raw.status).toBe(200);
    expectShape(raw.body, fixture('token'));
    expect(raw.body['token_use']).toBe('access_token');
  });

  contract('GET /oauth/v1/access-tokens/:token', 'returns token info that accessTokensApi parses', async () => {
    const info = await app.anonymous.oauth.accessTokensApi.get(app.accessToken);
    expect(info.hubId).toBe(12345678);
    expect(info.scopes).toContain('oauth');
    expect(info.tokenType).toBe('access');
    expect((await failure(app.anonymous.oauth.accessTokensApi.get('unknown'))).code).toBe(404);
  });

  contract(
    'GET /oauth/v1/refresh-tokens/:token',
    'returns refresh-token info that refreshTokensApi parses',
    async () => {
      const info = await app.anonymous.oauth.refreshTokensApi.get(app.refreshToken);
      expect(info.hubId).toBe(12345678);
      expect(info.clientId).toBe(app.sandbox.clientId);
    },
  );

  contract(
    'POST /oauth/v3/token/introspect',
    'reports an access token active and an unknown one inactive',
    async () => {
      const live = await callForm(app.anonymous, '/oauth/v3/token/introspect', {
        token: app.accessToken,
        ...secrets(),
      });
      expectShape(live.body, fixture('introspection'));
      const dead = await callForm(app.anonymous, '/oauth/v3/token/introspect', { token: 'nope', ...secrets() });
      expect(dead.body).toEqual({ active: false });
    },
  );

  contract('POST /oauth/v3/token/revoke', 'revokes a refresh token (200), after which it is inactive', async () => {
    const second = await installApp('oauth');
    try {
      const res = await callForm(second.anonymous, '/oauth/v3/token/revoke', {
        token: second.refreshToken,
        client_id: second.sandbox.clientId,
        client_secret: second.sandbox.clientSecret,
      });
      expect(res.status).toBe(200);
      const after = await callForm(second.anonymous, '/oauth/v3/token/introspect', {
        token: second.refreshToken,
        client_id: second.sandbox.clientId,
        client_secret: second.sandbox.clientSecret,
      });
      expect(after.body).toEqual({ active: false });
    } finally {
      await second.sandbox.close();
    }
  });

  contract(
    'DELETE /oauth/v1/refresh-tokens/:token',
    'deletes a refresh token (204); its access tokens stop working',
    async () => {
      const second = await installApp('oauth');
      try {
        await second.anonymous.oauth.refreshTokensApi.archive(second.refreshToken);
        expect((await failure(second.anonymous.oauth.refreshTokensApi.get(second.refreshToken))).code).toBe(404);
        const unauthorized = await failure(
          clientFor(second.sandbox.apiBaseUrl, second.accessToken).crm.owners.ownersApi.getPage(),
        );
        expect(unauthorized.code).toBe(401);
        expectShape(unauthorized.body, fixture('error-401'));
      } finally {
        await second.sandbox.close();
      }
    },
  );
});
