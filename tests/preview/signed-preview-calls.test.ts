/**
 * The preview talks to the real backend only through HubSpot's signature: a call the preview proxy
 * signs is served, and the backend refuses any preview call that is unsigned, signed with another
 * secret, stale, or altered after signing (URL, identity or body). The secret stays on the server.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { hubspotSignatureHeaders } from '../../preview/server/fetch-proxy.ts';
import { PREVIEW_PORTAL_ID, PREVIEW_USER_ID, type PreviewStack, startPreviewStack } from './support/preview-stack.ts';

const PERMITTED = 'https://api.smart-transfer.example';
const IDENTITY = `portalId=${PREVIEW_PORTAL_ID}&userId=${PREVIEW_USER_ID}`;

let stack: PreviewStack;

beforeAll(async () => {
  stack = await startPreviewStack();
});
afterAll(async () => {
  await stack?.close();
});

async function viaPreview(request: Record<string, unknown>) {
  const res = await fetch(`${stack.origin}/preview/api/fetch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A call straight to the backend, signed (or not) by the test. */
async function direct(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${stack.origin}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    ...(init.body ? { body: init.body } : {}),
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
}

const sign = (method: string, path: string, body = '', secret = stack.clientSecret, timestamp = Date.now()) =>
  hubspotSignatureHeaders({ clientSecret: secret, method, url: `${stack.origin}${path}`, body, timestamp });

describe('preview calls and the signature check', () => {
  it('serves a call the preview proxy signed, for the demo portal', async () => {
    const { status, body } = await viaPreview({ requestUri: `${PERMITTED}/api/v1/apps?${IDENTITY}`, method: 'GET' });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'success',
      context: { appServerStatusCode: ['200'], portalId: [String(PREVIEW_PORTAL_ID)] },
    });
    const apps = (body.responseBody as { apps: { id: string }[] }).apps;
    expect(apps.map((app) => app.id)).toContain('pipedrive');
  });

  it('serves a signed POST with its body', async () => {
    const { body } = await viaPreview({
      requestUri: `${PERMITTED}/api/v1/connect-tickets?${IDENTITY}`,
      method: 'POST',
      requestBody: { source: 'pipedrive' },
    });
    expect(body).toMatchObject({ status: 'success', context: { appServerStatusCode: ['201'] } });
    expect((body.responseBody as { connectUrl: string }).connectUrl).toContain(
      `${stack.origin}/oauth/pipedrive/start?ticket=`,
    );
  });

  it('is refused when unsigned', async () => {
    const { status, body } = await direct(`/api/v1/apps?${IDENTITY}`);
    expect(status).toBe(401);
    expect(body.error?.code).toBe('signature_missing');
  });

  it('is refused when signed with another secret (a preview not holding the app secret)', async () => {
    const other = await startPreviewStackWithSecret('not-the-app-secret');
    try {
      const res = await fetch(`${other.origin}/preview/api/fetch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ requestUri: `${PERMITTED}/api/v1/apps?${IDENTITY}`, method: 'GET' }),
      });
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({
        status: 'error',
        category: 'BAD_GATEWAY',
        context: { appServerStatusCode: ['401'] },
        responseBody: { error: { code: 'signature_mismatch' } },
      });
    } finally {
      await other.close();
    }
  });

  it('is refused when the URL or the identity is changed after signing', async () => {
    const signedPath = `/api/v1/apps?${IDENTITY}&portalId=${PREVIEW_PORTAL_ID}&userId=${PREVIEW_USER_ID}`;
    const headers = sign('GET', signedPath);
    expect((await direct(signedPath, { headers })).status).toBe(200);
    const otherUser = signedPath.replace(`userId=${PREVIEW_USER_ID}`, 'userId=999');
    expect(await direct(otherUser, { headers })).toMatchObject({
      status: 401,
      body: { error: { code: 'signature_mismatch' } },
    });
    expect(await direct(signedPath.replace('/apps', '/guide'), { headers })).toMatchObject({
      status: 401,
      body: { error: { code: 'signature_mismatch' } },
    });
  });

  it('is refused when the body is changed after signing', async () => {
    const path = `/api/v1/connect-tickets?${IDENTITY}`;
    const headers = sign('POST', path, JSON.stringify({ source: 'pipedrive' }));
    expect(
      (await direct(path, { method: 'POST', headers, body: JSON.stringify({ source: 'pipedrive' }) })).status,
    ).toBe(201);
    expect(await direct(path, { method: 'POST', headers, body: JSON.stringify({ source: 'zoho' }) })).toMatchObject({
      status: 401,
      body: { error: { code: 'signature_mismatch' } },
    });
  });

  it('is refused when the signature is stale (replayed after 5 minutes)', async () => {
    const path = `/api/v1/apps?${IDENTITY}`;
    const headers = sign('GET', path, '', stack.clientSecret, Date.now() - 6 * 60 * 1000);
    expect(await direct(path, { headers })).toMatchObject({
      status: 401,
      body: { error: { code: 'signature_stale' } },
    });
  });

  it('answers browsers on this machine only (not through a proxy)', async () => {
    const res = await fetch(`${stack.origin}/preview/api/fetch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
      body: JSON.stringify({ requestUri: `${PERMITTED}/api/v1/apps?${IDENTITY}`, method: 'GET' }),
    });
    expect(res.status).toBe(403);
    expect(
      (await fetch(`${stack.origin}/preview/settings`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status,
    ).toBe(403);
    // A page on another host name that resolves to this machine (DNS rebinding) gets nothing either.
    expect(await statusWithHost(`${stack.origin}/preview/settings`, 'attacker.example:80')).toBe(403);
    expect(await statusWithHost(`${stack.origin}/preview/settings`, 'localhost:3000')).toBe(200);
    expect((await fetch(`${stack.origin}/preview/settings`)).status).toBe(200);
  });

  it('never sends the client secret to the browser', async () => {
    for (const path of [
      '/preview/settings',
      '/preview/home',
      '/preview/assets/host.js',
      '/preview/assets/worker-settings.js',
      '/preview/assets/worker-home.js',
    ]) {
      const res = await fetch(`${stack.origin}${path}`);
      expect(res.status).toBe(200);
      expect(await res.text()).not.toContain(stack.clientSecret);
    }
  });
});

/** GET with a chosen Host header (fetch does not let a caller set it). */
function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A second stack whose preview signs with a wrong secret (its backend keeps the real one). */
function startPreviewStackWithSecret(secret: string): Promise<PreviewStack> {
  return startPreviewStack({ previewSecret: secret, records: 20 });
}
