import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Express } from 'express';
import request from 'supertest';
import { PUBLIC_REQUESTS_PER_MINUTE } from '../../backend/src/http/middleware/rate-limit.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { signedCall, withIdentity } from '../support/signed-request.js';
import { manualClock, testConfig, testServices } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

let db: TestDatabase;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  await db.drop();
});

async function appWith(options: { trustProxy?: number } = {}) {
  const clock = manualClock(new Date());
  const services = await testServices(db, { ...testConfig(), ...options }, clock);
  closers.push(services.close);
  return { app: services.app, services, clock };
}

const count = async (table: string) =>
  ((await db.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0] as { n: number }).n;

describe('HTTP basics', () => {
  it.each([
    ['/healthz', 200],
    ['/oauth/hubspot/callback?error=access_denied&state=x', 400],
    ['/downloads/not-a-link', 404],
    ['/api/v1/portal', 401],
  ])('%s answers with the security headers and no X-Powered-By', async (path, status) => {
    const { app } = await appWith();
    const res = await request(app).get(path).set('Accept', 'text/html');
    expect(res.status).toBe(status);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('answers an unsupported Content-Encoding with 415 in the error shape, not 500', async () => {
    const { app } = await appWith();
    const res = await request(app)
      .post(withIdentity('/api/v1/connect-tickets', 1))
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'compress')
      .send('{"source":"pipedrive"}');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('encoding_unsupported');
    expect(typeof res.body.error.message).toBe('string');
  });
});

describe('rate limits on the public routes', () => {
  it(`answers 429 with Retry-After after ${PUBLIC_REQUESTS_PER_MINUTE} requests a minute from one address`, async () => {
    const { app } = await appWith();
    for (let i = 0; i < PUBLIC_REQUESTS_PER_MINUTE; i += 1)
      expect((await request(app).head('/oauth/hubspot/install')).status).toBe(200);
    const limited = await request(app).get('/oauth/hubspot/install').set('Accept', 'application/json');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.error.code).toBe('rate_limited');
    expect((await request(app).get('/downloads/x')).status).toBe(429);
    // The signed API and the health check are not limited by it.
    expect((await request(app).get('/healthz')).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY says how many hops to trust', async () => {
    const spend = async (app: Express, address: string) => {
      for (let i = 0; i < PUBLIC_REQUESTS_PER_MINUTE; i += 1)
        await request(app).head('/oauth/hubspot/install').set('X-Forwarded-For', address);
    };
    const direct = await appWith();
    await spend(direct.app, '198.51.100.1');
    expect(
      (await request(direct.app).head('/oauth/hubspot/install').set('X-Forwarded-For', '198.51.100.2')).status,
    ).toBe(429);

    const proxied = await appWith({ trustProxy: 1 });
    await spend(proxied.app, '198.51.100.1');
    expect(
      (await request(proxied.app).head('/oauth/hubspot/install').set('X-Forwarded-For', '198.51.100.1')).status,
    ).toBe(429);
    expect(
      (await request(proxied.app).head('/oauth/hubspot/install').set('X-Forwarded-For', '198.51.100.2')).status,
    ).toBe(200);
  });
});

it('purges expired states, tickets, download links and replay records on a schedule', async () => {
  const { app, services, clock } = await appWith();
  await db.pool.query('INSERT INTO portals (id, status, scopes) VALUES (77, $1, $2)', ['installed', ['oauth']]);
  await request(app).get('/oauth/hubspot/install');
  expect(
    (
      await signedCall(app, {
        method: 'POST',
        path: withIdentity('/api/v1/connect-tickets', 77),
        body: { source: 'pipedrive' },
      })
    ).status,
  ).toBe(201);
  const fresh = await request(app).get('/oauth/hubspot/install');
  expect(fresh.status).toBe(302);
  expect(await count('oauth_states')).toBeGreaterThanOrEqual(3);
  expect(await count('signed_request_replays')).toBeGreaterThanOrEqual(1);

  clock.advance(11 * 60 * 1000);
  const stop = services.purge.schedule(20);
  try {
    await waitFor(
      () => count('oauth_states'),
      (n) => n === 0,
      5_000,
      'expired states purged',
    );
    await waitFor(
      () => count('signed_request_replays'),
      (n) => n === 0,
      5_000,
      'replay records purged',
    );
  } finally {
    stop();
  }
});
