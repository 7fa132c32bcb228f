import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Express } from 'express';
import request from 'supertest';
import { portalsRepository } from '../../backend/src/db/repositories/portals.repository.js';
import {
  AppsResponse,
  ConnectTicketResponse,
  ErrorEnvelope,
  GuideResponse,
  PortalResponse,
} from '../../shared/src/contracts/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { signedCall, withIdentity } from '../support/signed-request.js';
import { manualClock, TEST_PUBLIC_ORIGIN, testConfig, testServices } from '../support/test-app.js';

const PORTAL = 4242;
const OTHER_PORTAL = 5151;
let db: TestDatabase;
let app: Express;
let close: () => Promise<void>;

async function ticketCount(): Promise<number> {
  const result = await db.pool.query("SELECT count(*)::int AS n FROM oauth_states WHERE purpose = 'connect_ticket'");
  return (result.rows[0] as { n: number }).n;
}

beforeAll(async () => {
  db = await createTestDatabase();
  ({ app, close } = await testServices(db, testConfig(), manualClock(new Date())));
  await portalsRepository.upsertInstalled(db.pool, {
    id: PORTAL,
    hubDomain: 'acme.example',
    installedByUserId: 7,
    scopes: ['oauth'],
  });
  await portalsRepository.upsertInstalled(db.pool, {
    id: OTHER_PORTAL,
    hubDomain: null,
    installedByUserId: 8,
    scopes: ['oauth'],
  });
  await db.pool.query(`UPDATE portals SET status = 'uninstalled' WHERE id = $1`, [OTHER_PORTAL]);
});
afterAll(async () => {
  await close();
  await db.drop();
});

describe('signed UI calls', () => {
  it('serves a correctly signed call for the signed portal', async () => {
    const res = await signedCall(app, { method: 'GET', path: withIdentity('/api/v1/portal', PORTAL) });
    expect(res.status).toBe(200);
    expect(PortalResponse.parse(res.body)).toMatchObject({
      portalId: PORTAL,
      status: 'installed',
      hubDomain: 'acme.example',
    });
  });

  it('refuses an unsigned call with 401 and the error envelope', async () => {
    const res = await request(app).get(withIdentity('/api/v1/portal', PORTAL));
    expect(res.status).toBe(401);
    expect(ErrorEnvelope.parse(res.body).error.code).toBe('signature_missing');
  });

  it('refuses a call signed with another secret', async () => {
    const res = await signedCall(app, {
      method: 'GET',
      path: withIdentity('/api/v1/portal', PORTAL),
      secret: 'forged',
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('signature_mismatch');
  });

  it('refuses a stale call (signed 6 minutes ago)', async () => {
    const res = await signedCall(app, {
      method: 'GET',
      path: withIdentity('/api/v1/portal', PORTAL),
      timestampMs: Date.now() - 6 * 60 * 1000,
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('signature_stale');
  });

  it('refuses a body changed after signing and writes nothing', async () => {
    const before = await ticketCount();
    const res = await signedCall(app, {
      method: 'POST',
      path: withIdentity('/api/v1/connect-tickets', PORTAL),
      body: { source: 'pipedrive' },
      sentBody: JSON.stringify({ source: 'pipedrive', extra: 1 }),
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('signature_mismatch');
    expect(await ticketCount()).toBe(before);
  });

  it('refuses a call whose portal id was changed after signing', async () => {
    const signed = withIdentity('/api/v1/portal', PORTAL);
    const timestamp = String(Date.now());
    const genuine = await signedCall(app, { method: 'GET', path: signed, timestampMs: Number(timestamp) });
    expect(genuine.status).toBe(200);
    const res = await request(app)
      .get(withIdentity('/api/v1/portal', OTHER_PORTAL))
      .set('X-HubSpot-Signature-v3', genuine.request.getHeader('X-HubSpot-Signature-v3') as string)
      .set('X-HubSpot-Request-Timestamp', timestamp);
    expect(res.status).toBe(401);
  });

  it('refuses conflicting identities (HubSpot appended a different portalId)', async () => {
    const res = await signedCall(app, {
      method: 'GET',
      path: `${withIdentity('/api/v1/portal', PORTAL)}&portalId=${OTHER_PORTAL}`,
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('identity_missing');
  });

  it('accepts HubSpot appending the same identity again', async () => {
    const res = await signedCall(app, {
      method: 'GET',
      path: `${withIdentity('/api/v1/portal', PORTAL)}&appId=3&portalId=${PORTAL}&userId=7`,
    });
    expect(res.status).toBe(200);
  });

  it.each(['%3F', '%3f'])(
    'refuses (401) a raw URL with an encoded "?" (%s) before its query, even when correctly signed',
    async (mark) => {
      // Signed as `/api/v1/portal?portalId=OTHER…?portalId=PORTAL…`, routed with another identity.
      const path = `/api/v1/portal${mark}portalId=${OTHER_PORTAL}&userId=7&x=?portalId=${PORTAL}&userId=7`;
      const res = await signedCall(app, { method: 'GET', path });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('ambiguous_url');
    },
  );

  it('reads the identity from the signed string: a literal "?" inside an encoded query value still works', async () => {
    const res = await signedCall(app, {
      method: 'GET',
      path: withIdentity('/api/v1/portal?note=what%3F%20now', PORTAL),
    });
    expect(res.status).toBe(200);
    expect(PortalResponse.parse(res.body).portalId).toBe(PORTAL);
  });

  it('refuses a signed call without identity', async () => {
    const res = await signedCall(app, { method: 'GET', path: '/api/v1/portal' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('identity_missing');
  });

  it('answers 403 for a portal that never installed the app, and for an uninstalled one', async () => {
    const unknown = await signedCall(app, { method: 'GET', path: withIdentity('/api/v1/portal', 999) });
    expect(unknown.status).toBe(403);
    expect(unknown.body.error.code).toBe('portal_not_installed');
    const uninstalled = await signedCall(app, { method: 'GET', path: withIdentity('/api/v1/portal', OTHER_PORTAL) });
    expect(uninstalled.status).toBe(403);
    expect(uninstalled.body.error.code).toBe('portal_uninstalled');
  });

  it('answers 404 with the envelope for an unknown signed path', async () => {
    const res = await signedCall(app, { method: 'GET', path: withIdentity('/api/v1/nothing-here', PORTAL) });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('portal views', () => {
  it('lists the source apps with their availability', async () => {
    const res = await signedCall(app, { method: 'GET', path: withIdentity('/api/v1/apps', PORTAL) });
    const { apps } = AppsResponse.parse(res.body);
    expect(apps.map((entry) => entry.id)).toEqual(['pipedrive', 'zoho', 'salesforce', 'activecampaign']);
    expect(apps.filter((entry) => entry.availability === 'available').map((entry) => entry.id)).toEqual(['pipedrive']);
  });

  it('gives the User guide checklist with install done and connect next', async () => {
    const res = await signedCall(app, { method: 'GET', path: withIdentity('/api/v1/guide', PORTAL) });
    const guide = GuideResponse.parse(res.body);
    expect(guide.portalId).toBe(PORTAL);
    expect(guide.steps.map((step) => [step.id, step.state])).toEqual([
      ['install', 'complete'],
      ['connect', 'available'],
      ['audit', 'locked'],
      ['configure', 'locked'],
      ['sync', 'locked'],
      ['onetime', 'locked'],
      ['markup', 'locked'],
      ['cleanup', 'locked'],
    ]);
    expect(guide.steps.find((step) => step.id === 'audit')?.reason).toBe('Connect Pipedrive first.');
  });
});

describe('connect tickets', () => {
  it('issues a single-use ticket URL bound to the signed portal', async () => {
    const before = await ticketCount();
    const res = await signedCall(app, {
      method: 'POST',
      path: withIdentity('/api/v1/connect-tickets', PORTAL),
      body: { source: 'pipedrive' },
    });
    expect(res.status).toBe(201);
    const ticket = ConnectTicketResponse.parse(res.body);
    const url = new URL(ticket.connectUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${TEST_PUBLIC_ORIGIN}/oauth/pipedrive/start`);
    expect(url.searchParams.get('ticket')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(await ticketCount()).toBe(before + 1);
    const stored = await db.pool.query(
      'SELECT payload FROM oauth_states WHERE purpose = $1 ORDER BY created_at DESC LIMIT 1',
      ['connect_ticket'],
    );
    expect(stored.rows[0].payload).toEqual({ portalId: PORTAL, userId: 7, source: 'pipedrive' });
  });

  it.each([
    [{}, 'invalid_request'],
    [{ source: 'hubspot' }, 'invalid_request'],
    [{ source: 'pipedrive', portalId: OTHER_PORTAL }, 'invalid_request'],
    [{ source: 'zoho' }, 'source_unavailable'],
  ])('refuses %j with 400 %s and stores nothing', async (body, code) => {
    const before = await ticketCount();
    const res = await signedCall(app, { method: 'POST', path: withIdentity('/api/v1/connect-tickets', PORTAL), body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(await ticketCount()).toBe(before);
  });

  it('refuses a replayed signed POST with 409 and creates no second ticket; a repeated GET is still served', async () => {
    const call = {
      method: 'POST',
      path: withIdentity('/api/v1/connect-tickets', PORTAL),
      body: { source: 'pipedrive' },
      timestampMs: Date.now(),
    } as const;
    const first = await signedCall(app, call);
    expect(first.status).toBe(201);
    const after = await ticketCount();
    const replay = await signedCall(app, call);
    expect(replay.status).toBe(409);
    expect(replay.body.error.code).toBe('replayed_request');
    expect(await ticketCount()).toBe(after);
    const read = { method: 'GET', path: withIdentity('/api/v1/portal', PORTAL), timestampMs: Date.now() } as const;
    expect((await signedCall(app, read)).status).toBe(200);
    expect((await signedCall(app, read)).status).toBe(200);
  });

  it('refuses a signed body that is not JSON with 400 invalid_json', async () => {
    const before = await ticketCount();
    const res = await signedCall(app, {
      method: 'POST',
      path: withIdentity('/api/v1/connect-tickets', PORTAL),
      rawBody: '{"source":',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
    expect(await ticketCount()).toBe(before);
  });
});

it('answers /healthz with the database state', async () => {
  const res = await request(app).get('/healthz');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ status: 'ok', database: 'ok' });
});
