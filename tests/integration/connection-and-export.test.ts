import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import {
  AppsResponse,
  ConnectionResponse,
  ConnectTicketResponse,
  DownloadLinkResponse,
} from '../../shared/src/contracts/index.js';
import { type AuditHarness, FINISHED, startAuditHarness } from '../support/audit-harness.js';
import { browserCookies, connectPipedrive } from '../support/flows.js';
import { TEST_PUBLIC_ORIGIN } from '../support/test-app.js';

let harness: AuditHarness;
const path = (url: string) => url.slice(TEST_PUBLIC_ORIGIN.length);

beforeAll(async () => {
  harness = await startAuditHarness({ portalId: 6060 });
}, 60_000);
afterAll(async () => {
  await harness.close();
});

describe('the Pipedrive connection', () => {
  it('is connected through the real flow, with encrypted tokens and the account name', async () => {
    const status = ConnectionResponse.parse((await harness.api('GET', '/api/v1/connections/pipedrive')).body);
    expect(status).toMatchObject({
      source: 'pipedrive',
      status: 'connected',
      accountName: harness.pipedrive.state.store.company.name,
    });
    const apps = AppsResponse.parse((await harness.api('GET', '/api/v1/apps')).body);
    expect(apps.apps.find((app) => app.id === 'pipedrive')?.connectionStatus).toBe('connected');
    const row = (await harness.db.pool.query('SELECT * FROM connections WHERE portal_id = $1', [harness.portalId]))
      .rows[0];
    expect(String(row.access_token_enc)).toMatch(/^v2\./);
    expect(row.api_domain).toBe(harness.pipedrive.apiBaseUrl);
  });

  it('refuses a used, unknown or other-source connect ticket with a readable 400', async () => {
    const ticket = ConnectTicketResponse.parse(
      (await harness.api('POST', '/api/v1/connect-tickets', { source: 'pipedrive' })).body,
    );
    const first = await request(harness.app).get(path(ticket.connectUrl));
    expect(first.status).toBe(302);
    const reused = await request(harness.app).get(path(ticket.connectUrl)).set('Accept', 'application/json');
    expect([reused.status, reused.body.error.code]).toEqual([400, 'invalid_ticket']);
    const unknown = await request(harness.app).get('/oauth/pipedrive/start?ticket=nope').set('Accept', 'text/html');
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('This connect link has expired or was already used');
    const noTicket = await request(harness.app).get('/oauth/pipedrive/start').set('Accept', 'application/json');
    expect([noTicket.status, noTicket.body.error.code]).toEqual([400, 'invalid_request']);
    const badSource = await request(harness.app).get('/oauth/excel/start?ticket=x').set('Accept', 'application/json');
    expect([badSource.status, badSource.body.error.code]).toEqual([400, 'invalid_request']);
  });

  it('refuses a forged or replayed callback, and a denial, changing nothing', async () => {
    const before = (
      await harness.db.pool.query('SELECT updated_at FROM connections WHERE portal_id = $1', [harness.portalId])
    ).rows[0];
    const forged = await request(harness.app)
      .get('/oauth/pipedrive/callback?code=abc&state=forged')
      .set('Accept', 'application/json');
    expect([forged.status, forged.body.error.code]).toEqual([400, 'invalid_state']);
    const denied = await request(harness.app)
      .get('/oauth/pipedrive/callback?error=user_denied&state=x')
      .set('Accept', 'application/json');
    expect([denied.status, denied.body.error.code]).toEqual([400, 'connect_denied']);
    const after = (
      await harness.db.pool.query('SELECT updated_at FROM connections WHERE portal_id = $1', [harness.portalId])
    ).rows[0];
    expect(after.updated_at).toEqual(before.updated_at);
  });

  it('is finished only in the browser that started it: another browser gets a refusal page and nothing is connected', async () => {
    await harness.api('DELETE', '/api/v1/connections/pipedrive');
    const ticket = ConnectTicketResponse.parse(
      (await harness.api('POST', '/api/v1/connect-tickets', { source: 'pipedrive' })).body,
    );
    // The victim's browser opens an authorize URL the attacker's browser started.
    const attackerStart = await request(harness.app).get(path(ticket.connectUrl));
    expect(attackerStart.status).toBe(302);
    const [cookie] = attackerStart.headers['set-cookie'] as unknown as string[];
    expect(cookie).toMatch(/^st_connect=[\w-]{43}; .*Path=\/oauth/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const authorize = await fetch(attackerStart.headers.location as string, { redirect: 'manual' });
    const callback = path(authorize.headers.get('location') as string);
    const victim = await request(harness.app)
      .get(callback)
      .set('Accept', 'text/html')
      .set('Cookie', 'st_connect=someone-elses-nonce');
    expect(victim.status).toBe(403);
    expect(victim.text).toContain('Connection failed');
    expect(victim.text).toContain('Start again from HubSpot');
    expect(ConnectionResponse.parse((await harness.api('GET', '/api/v1/connections/pipedrive')).body).status).toBe(
      'not_connected',
    );
    // The state is spent: the starting browser cannot finish with it either, and nothing is stored.
    const late = await request(harness.app)
      .get(callback)
      .set('Accept', 'application/json')
      .set('Cookie', browserCookies(attackerStart));
    expect([late.status, late.body.error.code]).toEqual([400, 'invalid_state']);
    const rows = await harness.db.pool.query(
      `SELECT count(*)::int AS n FROM connections WHERE portal_id = $1 AND status <> 'disconnected'`,
      [harness.portalId],
    );
    expect(rows.rows[0].n).toBe(0);
    await connectPipedrive(harness.app, harness.portalId);
  });

  it('refuses an api_domain the configuration does not trust, and connects nothing', async () => {
    await harness.api('DELETE', '/api/v1/connections/pipedrive');
    const { state } = harness.pipedrive;
    const trusted = state.apiBaseUrl;
    // The same sandbox under another host name: reachable, but not a host the configuration names.
    state.apiBaseUrl = trusted.replace('127.0.0.1', 'localhost');
    try {
      await expect(connectPipedrive(harness.app, harness.portalId)).rejects.toThrow(/502 .*source_api_domain_refused/);
    } finally {
      state.apiBaseUrl = trusted;
    }
    const rows = await harness.db.pool.query(
      `SELECT count(*)::int AS n FROM connections WHERE portal_id = $1 AND status <> 'disconnected'`,
      [harness.portalId],
    );
    expect(rows.rows[0].n).toBe(0);
    await connectPipedrive(harness.app, harness.portalId);
    expect(ConnectionResponse.parse((await harness.api('GET', '/api/v1/connections/pipedrive')).body).status).toBe(
      'connected',
    );
  });

  it('keeps the trusted API host when a refresh names an untrusted one (the fresh tokens are kept)', async () => {
    const { state } = harness.pipedrive;
    const trusted = state.apiBaseUrl;
    const before = (
      await harness.db.pool.query('SELECT access_token_enc FROM connections WHERE portal_id = $1 AND status = $2', [
        harness.portalId,
        'connected',
      ])
    ).rows[0];
    await harness.db.pool.query(
      `UPDATE connections SET expires_at = now() WHERE portal_id = $1 AND status = 'connected'`,
      [harness.portalId],
    );
    state.apiBaseUrl = trusted.replace('127.0.0.1', 'localhost');
    try {
      const started = await harness.startAudit();
      await harness.untilAudit(started.id, (row) => FINISHED.includes(row.job.status), 'the audit after a refresh');
    } finally {
      state.apiBaseUrl = trusted;
    }
    const after = (
      await harness.db.pool.query(
        'SELECT access_token_enc, api_domain, expires_at FROM connections WHERE portal_id = $1 AND status = $2',
        [harness.portalId, 'connected'],
      )
    ).rows[0];
    expect(after.access_token_enc).not.toBe(before.access_token_enc);
    expect(after.expires_at.getTime()).toBeGreaterThan(Date.now());
    expect(after.api_domain).toBe(trusted);
  });

  it('does not spend a connect link on HEAD (link scanners, chat previews)', async () => {
    const ticket = ConnectTicketResponse.parse(
      (await harness.api('POST', '/api/v1/connect-tickets', { source: 'pipedrive' })).body,
    );
    const head = await request(harness.app).head(path(ticket.connectUrl));
    expect(head.status).toBe(200);
    const start = await request(harness.app).get(path(ticket.connectUrl));
    expect(start.status).toBe(302);
  });

  it('disconnects (forgetting the tokens) and reconnects', async () => {
    const disconnected = await harness.api('DELETE', '/api/v1/connections/pipedrive');
    expect(ConnectionResponse.parse(disconnected.body).status).toBe('not_connected');
    const row = (
      await harness.db.pool.query('SELECT status, access_token_enc FROM connections WHERE portal_id = $1', [
        harness.portalId,
      ])
    ).rows[0];
    expect(row).toEqual({ status: 'disconnected', access_token_enc: null });
    const again = await harness.api('DELETE', '/api/v1/connections/pipedrive');
    expect([again.status, again.body.error.code]).toEqual([404, 'not_connected']);
    await connectPipedrive(harness.app, harness.portalId);
    expect(ConnectionResponse.parse((await harness.api('GET', '/api/v1/connections/pipedrive')).body).status).toBe(
      'connected',
    );
  });
});

describe('exporting an audit', () => {
  it('downloads the CSV once from a short-lived link, with every object and field', async () => {
    const audit = await harness.runAudit();
    expect(audit.job.status).toBe('COMPLETE');
    const link = DownloadLinkResponse.parse((await harness.api('POST', `/api/v1/audits/${audit.id}/export-link`)).body);
    const head = await request(harness.app).head(path(link.url));
    expect(head.status).toBe(200);
    expect(head.headers['cache-control']).toBe('no-store');
    const download = await request(harness.app)
      .get(path(link.url))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(download.headers['content-disposition']).toMatch(
      /^attachment; filename="smart-transfer-audit-pipedrive-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = parse((download.body as string).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    const objects = rows.filter((row) => row.Row === 'Object');
    expect(objects.map((row) => [row['Source object'], Number(row.Records)])).toEqual(
      audit.result?.objects.map((row) => [row.sourceLabel, row.records]),
    );
    const fieldCount = Object.values(audit.result?.fields ?? {}).reduce((sum, fields) => sum + fields.length, 0);
    expect(rows.filter((row) => row.Row === 'Field')).toHaveLength(fieldCount);
    const reused = await request(harness.app).get(path(link.url));
    expect([reused.status, reused.body.error.code]).toEqual([404, 'download_expired']);
  });

  it('answers 409 for an audit that is not finished', async () => {
    await harness.pipedriveControl('POST', '/faults/targeted', {
      method: 'GET',
      path: '/api/v2/persons',
      times: 'always',
      delayMs: 300,
    });
    const started = await harness.startAudit();
    const res = await harness.api('POST', `/api/v1/audits/${started.id}/export-link`);
    expect([res.status, res.body.error.code]).toEqual([409, 'audit_not_complete']);
    await harness.api('POST', `/api/v1/jobs/${started.id}/cancel`);
    await harness.pipedriveControl('DELETE', '/faults/targeted');
  });
});
