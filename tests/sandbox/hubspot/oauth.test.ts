import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createHubSpotSandbox } from '../../../sandbox/hubspot/index.js';
import { authorizeCode, CLIENT_ID, CLIENT_SECRET, exchangeCode, install, REDIRECT_URI } from './support/install.js';

const refresh = (app: ReturnType<typeof createHubSpotSandbox>['app'], refreshToken: string) =>
  request(app).post('/oauth/v1/token').type('form').send({
    grant_type: 'refresh_token',
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    refresh_token: refreshToken,
  });

describe('HubSpot sandbox OAuth', () => {
  it('authorize redirects with code and state; the code is single-use and bound to its redirect_uri', async () => {
    const { app } = createHubSpotSandbox();
    const res = await request(app)
      .get('/oauth/authorize')
      .query({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope: 'oauth', state: 'abc' })
      .expect(302);
    const location = new URL(res.headers['location'] ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe('abc');
    const code = location.searchParams.get('code') ?? '';

    const exchange = (redirectUri: string) => exchangeCode(app, code, redirectUri);
    expect((await exchange('http://elsewhere.test/cb')).body.status).toBe('BAD_REDIRECT_URI');
    const ok = await exchange(REDIRECT_URI).expect(200);
    expect(ok.body).toMatchObject({ token_type: 'bearer', expires_in: 1800, hub_id: 12345678 });
    const again = await exchange(REDIRECT_URI).expect(400);
    expect(again.body).toMatchObject({ status: 'BAD_AUTH_CODE', error: 'invalid_grant' });
  });

  it('refuses an unknown client id or a missing scope on authorize', async () => {
    const { app } = createHubSpotSandbox();
    await request(app)
      .get('/oauth/authorize')
      .query({ client_id: 'nope', redirect_uri: REDIRECT_URI, scope: 'oauth' })
      .expect(400);
    await request(app).get('/oauth/authorize').query({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI }).expect(400);
  });

  it('refresh tokens do not rotate, are counted per grant, and die when the portal is revoked', async () => {
    const { app } = createHubSpotSandbox();
    const tokens = await install(app);
    const first = await refresh(app, tokens.refresh_token).expect(200);
    const second = await refresh(app, tokens.refresh_token).expect(200);
    expect(first.body.refresh_token).toBe(tokens.refresh_token);
    expect(second.body.access_token).not.toBe(first.body.access_token);

    const stats = await request(app).get('/_sandbox/stats').expect(200);
    expect(stats.body.refreshTokens).toEqual([
      { refreshToken: tokens.refresh_token, portalId: 12345678, refreshGrants: 2, revoked: false },
    ]);

    await request(app).post('/_sandbox/oauth/revoke').send({ portalId: 12345678 }).expect(200);
    const revoked = await refresh(app, tokens.refresh_token).expect(400);
    expect(revoked.body).toMatchObject({
      status: 'BAD_REFRESH_TOKEN',
      error: 'invalid_grant',
      error_description: 'refresh token is invalid, expired or revoked',
    });
    expect(typeof revoked.body.correlationId).toBe('string');
  });

  it('approves the portal and user named through the inspection endpoint, once', async () => {
    const { app } = createHubSpotSandbox();
    const created = await request(app)
      .post('/_sandbox/portals')
      .send({ portalId: 777, users: [{ email: 'owner@acme.test' }, { email: 'second@acme.test' }] })
      .expect(201);
    const second = (created.body.users as Array<{ id: string; email: string }>)[1];
    await request(app).post('/_sandbox/oauth/next-approval').send({ portalId: 777, userId: second?.id }).expect(204);
    const tokens = await install(app);
    expect(tokens.hub_id).toBe(777);
    const info = await request(app).get(`/oauth/v1/access-tokens/${tokens.access_token}`).expect(200);
    expect(info.body).toMatchObject({ hub_id: 777, user: 'second@acme.test', user_id: Number(second?.id) });
    expect((await install(app)).hub_id).toBe(12345678);
  });

  it('answers 401 with HubSpot bodies for missing and expired tokens', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const { app } = createHubSpotSandbox({ now: () => now });
    const missing = await request(app).get('/crm/v3/objects/contacts').expect(401);
    expect(missing.body).toEqual({
      status: 'error',
      message: expect.stringMatching(/^Authentication credentials not found\./),
      correlationId: expect.any(String),
      category: 'INVALID_AUTHENTICATION',
    });
    const tokens = await install(app);
    now += 1800_000 + 5_000;
    const expired = await request(app)
      .get('/crm/v3/owners')
      .set('authorization', `Bearer ${tokens.access_token}`)
      .expect(401);
    expect(expired.body).toMatchObject({
      category: 'EXPIRED_AUTHENTICATION',
      message: 'The OAuth token used to make this call expired 5 second(s) ago.',
      context: { 'expire time': ['2026-01-01T00:30:00.000Z'] },
    });
  });

  it('rejects an expired authorization code', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const { app } = createHubSpotSandbox({ now: () => now });
    const code = await authorizeCode(app);
    now += 10 * 60 * 1000;
    const res = await exchangeCode(app, code).expect(400);
    expect(res.body.status).toBe('EXPIRED_AUTH_CODE');
  });
});
