import { createCipheriv, randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Logger } from 'pino';
import pino from 'pino';
import request from 'supertest';
import { HubSpotReconnectNeeded } from '../../backend/src/auth/hubspot-tokens.service.js';
import { resealLegacyTokens } from '../../backend/src/auth/token-reseal.service.js';
import { portalTokenAad } from '../../backend/src/auth/token-vault.js';
import type { Clock } from '../../backend/src/clock.js';
import type { AppConfig } from '../../backend/src/config/config.js';
import { portalsRepository } from '../../backend/src/db/repositories/portals.repository.js';
import { readAppManifest } from '../../backend/src/hubspot/app-manifest.js';
import { createLogger } from '../../backend/src/logger.js';
import { type RunningHubSpotSandbox, startHubSpotSandbox } from '../../sandbox/hubspot/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { browserCookies } from '../support/flows.js';
import {
  hubspotSandboxConfig,
  manualClock,
  TEST_PUBLIC_ORIGIN,
  testConfig,
  testServices,
} from '../support/test-app.js';

const PORTAL = 24681357;
let db: TestDatabase;
let sandbox: RunningHubSpotSandbox;

beforeAll(async () => {
  db = await createTestDatabase();
  sandbox = await startHubSpotSandbox({ defaultPortalId: PORTAL });
});
afterAll(async () => {
  await sandbox.close();
  await db.drop();
});
beforeEach(async () => {
  await db.pool.query('TRUNCATE portals, hubspot_tokens, oauth_states CASCADE');
});

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function servicesFor(config: AppConfig, clock: Clock, logger?: Logger) {
  const services = await testServices(db, config, clock, logger ? { logger } : {});
  closers.push(services.close);
  return services;
}

async function setup(logger?: Logger) {
  const clock = manualClock(new Date());
  const config = testConfig({
    hubspot: hubspotSandboxConfig(sandbox),
  });
  return { clock, config, services: await servicesFor(config, clock, logger) };
}
type TestServices = Awaited<ReturnType<typeof setup>>['services'];

/** Install → HubSpot authorize (auto-approved by the sandbox) → our callback, as a browser would follow it. */
async function install(services: TestServices) {
  const start = await request(services.app).get('/oauth/hubspot/install');
  expect(start.status).toBe(302);
  const authorize = await fetch(start.headers.location as string, { redirect: 'manual' });
  expect(authorize.status).toBe(302);
  const callback = new URL(authorize.headers.get('location') as string);
  expect(`${callback.origin}${callback.pathname}`).toBe(`${TEST_PUBLIC_ORIGIN}/oauth/hubspot/callback`);
  const done = await request(services.app)
    .get(`${callback.pathname}${callback.search}`)
    .set('Accept', 'application/json')
    .set('Cookie', browserCookies(start));
  return { start, callback, done };
}

/** How many times HubSpot (the sandbox) granted a refresh with the refresh token we hold for the portal. */
async function refreshGrants(services: TestServices): Promise<number | undefined> {
  const row = (await db.pool.query('SELECT refresh_token_enc FROM hubspot_tokens WHERE portal_id = $1', [PORTAL]))
    .rows[0];
  const refreshToken = services.vault.decrypt(row.refresh_token_enc, portalTokenAad(PORTAL));
  const stats = (await (await fetch(`${sandbox.apiBaseUrl}/_sandbox/stats`)).json()) as {
    refreshTokens: { refreshToken: string; refreshGrants: number }[];
  };
  return stats.refreshTokens.find((token) => token.refreshToken === refreshToken)?.refreshGrants;
}

describe('HubSpot install (OAuth)', () => {
  it('redirects to HubSpot with the app scopes and a random single-use state', async () => {
    const { services } = await setup();
    const first = new URL((await request(services.app).get('/oauth/hubspot/install')).headers.location as string);
    const second = new URL((await request(services.app).get('/oauth/hubspot/install')).headers.location as string);
    expect(`${first.origin}${first.pathname}`).toBe(`${sandbox.appBaseUrl}/oauth/authorize`);
    expect(first.searchParams.get('client_id')).toBe(sandbox.clientId);
    expect(first.searchParams.get('redirect_uri')).toBe(`${TEST_PUBLIC_ORIGIN}/oauth/hubspot/callback`);
    expect(first.searchParams.get('scope')?.split(' ')).toEqual(readAppManifest().requiredScopes);
    expect(first.searchParams.get('state')).not.toBe(second.searchParams.get('state'));
    const stored = await db.pool.query('SELECT state_hash FROM oauth_states');
    expect(stored.rows.map((row: { state_hash: string }) => row.state_hash)).not.toContain(
      first.searchParams.get('state'),
    );
  });

  it('stores the portal and its tokens encrypted, never in plaintext', async () => {
    const { services } = await setup();
    const { done } = await install(services);
    expect(done.status).toBe(200);
    const portal = await db.pool.query('SELECT * FROM portals WHERE id = $1', [PORTAL]);
    expect(portal.rows[0]).toMatchObject({ status: 'installed' });
    expect(portal.rows[0].scopes).toEqual(expect.arrayContaining(readAppManifest().requiredScopes));

    const row = (await db.pool.query('SELECT * FROM hubspot_tokens WHERE portal_id = $1', [PORTAL])).rows[0] as Record<
      string,
      unknown
    >;
    const accessToken = await services.hubspotTokens.accessToken(PORTAL);
    const info = await fetch(`${sandbox.apiBaseUrl}/oauth/v1/access-tokens/${accessToken}`);
    expect(((await info.json()) as { hub_id: number }).hub_id).toBe(PORTAL);
    const rowText = JSON.stringify(row);
    expect(rowText).not.toContain(accessToken);
    expect(String(row.access_token_enc)).toMatch(/^v2\./);
    expect(String(row.refresh_token_enc)).toMatch(/^v2\./);
    expect(services.vault.decrypt(String(row.refresh_token_enc), portalTokenAad(PORTAL))).not.toBe('');
    expect(rowText).not.toContain(services.vault.decrypt(String(row.refresh_token_enc), portalTokenAad(PORTAL)));
  });

  it('sets an HttpOnly, SameSite=Lax, Secure cookie scoped to /oauth when the install starts', async () => {
    const { services } = await setup();
    const start = await request(services.app).get('/oauth/hubspot/install');
    const [cookie] = (start.headers['set-cookie'] as unknown as string[]) ?? [];
    expect(cookie).toMatch(/^st_install=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('Path=/oauth');
    const stored = await db.pool.query('SELECT browser_hash FROM oauth_states');
    expect(stored.rows[0].browser_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(cookie).not.toContain(stored.rows[0].browser_hash);
  });

  it.each([
    ['without the cookie', () => ''],
    ["with another browser's cookie", (own: string) => own.replace(/=.*/, `=${'A'.repeat(43)}`)],
  ])(
    'refuses the callback in a browser that did not start the install (%s): clear page, no portal stored',
    async (_name, cookie) => {
      const { services } = await setup();
      const start = await request(services.app).get('/oauth/hubspot/install');
      const authorize = await fetch(start.headers.location as string, { redirect: 'manual' });
      const callback = new URL(authorize.headers.get('location') as string);
      const res = await request(services.app)
        .get(`${callback.pathname}${callback.search}`)
        .set('Accept', 'text/html')
        .set('Cookie', cookie(browserCookies(start)));
      expect(res.status).toBe(403);
      expect(res.text).toContain('Install failed');
      expect(res.text).toContain('Start the install again from HubSpot');
      expect((await db.pool.query('SELECT count(*)::int AS n FROM portals')).rows[0].n).toBe(0);
      expect((await db.pool.query('SELECT count(*)::int AS n FROM hubspot_tokens')).rows[0].n).toBe(0);
    },
  );

  it('answers a HEAD on the install link without issuing a state', async () => {
    const { services } = await setup();
    const head = await request(services.app).head('/oauth/hubspot/install');
    expect(head.status).toBe(200);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM oauth_states')).rows[0].n).toBe(0);
  });

  it('refuses a replayed callback (state is single-use) and changes nothing', async () => {
    const { services } = await setup();
    const { callback } = await install(services);
    await db.pool.query('DELETE FROM portals');
    const replay = await request(services.app)
      .get(`${callback.pathname}${callback.search}`)
      .set('Accept', 'application/json');
    expect(replay.status).toBe(400);
    expect(replay.body.error.code).toBe('invalid_state');
    expect((await db.pool.query('SELECT count(*)::int AS n FROM portals')).rows[0].n).toBe(0);
  });

  it('refuses an expired state', async () => {
    const { services, clock } = await setup();
    const start = await request(services.app).get('/oauth/hubspot/install');
    const authorize = await fetch(start.headers.location as string, { redirect: 'manual' });
    const callback = new URL(authorize.headers.get('location') as string);
    clock.advance(11 * 60 * 1000);
    const res = await request(services.app)
      .get(`${callback.pathname}${callback.search}`)
      .set('Accept', 'application/json');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_state');
  });

  it.each([
    ['no parameters', ''],
    ['a code without state', '?code=abc'],
    ['an oversized code', `?code=${'x'.repeat(600)}&state=s`],
  ])('answers 400 to a callback with %s', async (_name, query) => {
    const { services } = await setup();
    const res = await request(services.app).get(`/oauth/hubspot/callback${query}`).set('Accept', 'application/json');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
  });

  it('answers 400 when the user denies access, and shows a page to a browser', async () => {
    const { services } = await setup();
    const json = await request(services.app)
      .get('/oauth/hubspot/callback?error=access_denied&state=x')
      .set('Accept', 'application/json');
    expect(json.status).toBe(400);
    expect(json.body.error.code).toBe('install_denied');
    const html = await request(services.app)
      .get('/oauth/hubspot/callback?error=access_denied&state=x')
      .set('Accept', 'text/html');
    expect(html.status).toBe(400);
    expect(html.text).toContain('Install cancelled');
  });

  it('answers 400 invalid_code when HubSpot refuses the code', async () => {
    const { services } = await setup();
    const start = await request(services.app).get('/oauth/hubspot/install');
    const state = new URL(start.headers.location as string).searchParams.get('state') as string;
    const res = await request(services.app)
      .get(`/oauth/hubspot/callback?code=not-a-real-code&state=${state}`)
      .set('Accept', 'application/json')
      .set('Cookie', browserCookies(start));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_code');
    expect((await db.pool.query('SELECT count(*)::int AS n FROM portals')).rows[0].n).toBe(0);
  });
});

describe('HubSpot access tokens', () => {
  it('refreshes before expiry, and two concurrent refreshes (two processes) spend the refresh token once', async () => {
    const { services, clock, config } = await setup();
    await install(services);
    const first = await services.hubspotTokens.accessToken(PORTAL);
    expect(await refreshGrants(services)).toBe(0);
    expect(await services.hubspotTokens.accessToken(PORTAL)).toBe(first);

    // A second process: its own services over the same database and clock.
    const other = await servicesFor(config, clock);
    clock.advance(26 * 60 * 1000); // inside the 5-minute margin of the 30-minute token
    const [a, b, c] = await Promise.all([
      services.hubspotTokens.accessToken(PORTAL),
      other.hubspotTokens.accessToken(PORTAL),
      services.hubspotTokens.accessToken(PORTAL),
    ]);
    expect(await refreshGrants(services)).toBe(1);
    expect(a).not.toBe(first);
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it("binds the sealed tokens to their portal: copied to another portal's row, they do not decrypt", async () => {
    const { services } = await setup();
    await install(services);
    const other = PORTAL + 1;
    await portalsRepository.upsertInstalled(db.pool, {
      id: other,
      hubDomain: null,
      installedByUserId: 1,
      scopes: ['oauth'],
    });
    await db.pool.query(
      `INSERT INTO hubspot_tokens (portal_id, access_token_enc, refresh_token_enc, expires_at)
       SELECT $2, access_token_enc, refresh_token_enc, expires_at FROM hubspot_tokens WHERE portal_id = $1`,
      [PORTAL, other],
    );
    await expect(services.hubspotTokens.accessToken(PORTAL)).resolves.toEqual(expect.any(String));
    await expect(services.hubspotTokens.accessToken(other)).rejects.toThrow();
  });

  it('re-seals tokens stored before they were bound to their row, once, at start-up', async () => {
    const { services, config } = await setup();
    await install(services);
    const accessToken = await services.hubspotTokens.accessToken(PORTAL);
    // A row as the previous version stored it: AES-256-GCM without additional data, `v1.` prefix.
    const legacySeal = (plaintext: string) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', config.tokenEncryptionKey, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [
        'v1',
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        ciphertext.toString('base64url'),
      ].join('.');
    };
    const row = (await db.pool.query('SELECT refresh_token_enc FROM hubspot_tokens WHERE portal_id = $1', [PORTAL]))
      .rows[0];
    const refreshToken = services.vault.decrypt(row.refresh_token_enc, portalTokenAad(PORTAL));
    await db.pool.query(
      'UPDATE hubspot_tokens SET access_token_enc = $2, refresh_token_enc = $3 WHERE portal_id = $1',
      [PORTAL, legacySeal(accessToken), legacySeal(refreshToken)],
    );
    await expect(services.hubspotTokens.accessToken(PORTAL)).rejects.toThrow();

    expect(await resealLegacyTokens({ db: db.pool, vault: services.vault, logger: pino({ level: 'silent' }) })).toBe(1);
    const resealed = (
      await db.pool.query('SELECT access_token_enc, refresh_token_enc FROM hubspot_tokens WHERE portal_id = $1', [
        PORTAL,
      ])
    ).rows[0];
    expect(resealed.access_token_enc).toMatch(/^v2\./);
    expect(services.vault.decrypt(resealed.refresh_token_enc, portalTokenAad(PORTAL))).toBe(refreshToken);
    await expect(services.hubspotTokens.accessToken(PORTAL)).resolves.toBe(accessToken);
    expect(await resealLegacyTokens({ db: db.pool, vault: services.vault, logger: pino({ level: 'silent' }) })).toBe(0);
  });

  it('marks the portal disconnected when HubSpot answers invalid_grant', async () => {
    const { services, clock } = await setup();
    await install(services);
    await fetch(`${sandbox.apiBaseUrl}/_sandbox/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ portalId: PORTAL }),
    });
    clock.advance(29 * 60 * 1000);
    await expect(services.hubspotTokens.accessToken(PORTAL)).rejects.toBeInstanceOf(HubSpotReconnectNeeded);
    const portal = await db.pool.query('SELECT status, disconnected_reason FROM portals WHERE id = $1', [PORTAL]);
    expect(portal.rows[0]).toEqual({ status: 'disconnected', disconnected_reason: 'invalid_grant' });
    await expect(services.hubspotTokens.accessToken(PORTAL)).rejects.toBeInstanceOf(HubSpotReconnectNeeded);
  });
});

it('never writes tokens, codes or states to the logs', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const { services, clock } = await setup(createLogger('trace', sink));
  const { callback } = await install(services);
  clock.advance(26 * 60 * 1000);
  const accessToken = await services.hubspotTokens.accessToken(PORTAL);
  const row = (await db.pool.query('SELECT refresh_token_enc FROM hubspot_tokens WHERE portal_id = $1', [PORTAL]))
    .rows[0];
  const secrets = [
    accessToken,
    services.vault.decrypt(row.refresh_token_enc, portalTokenAad(PORTAL)),
    callback.searchParams.get('code') as string,
    callback.searchParams.get('state') as string,
    sandbox.clientSecret,
  ];
  const logged = lines.join('');
  expect(logged).toContain('hubspot access token refreshed');
  expect(logged).toContain('"route":"/oauth/hubspot/callback"');
  for (const secret of secrets) expect(logged).not.toContain(secret);
});
