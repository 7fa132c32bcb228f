/**
 * The preview's fetch proxy against a stand-in app server: what it sends (mapped URL, identity,
 * signature, JSON body, no custom headers) and how it answers, in HubSpot's proxy envelope, for each
 * way a call can go wrong. The real backend's refusals are in signed-preview-calls.test.ts.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { verifySignatureV3 } from '../../backend/src/auth/hubspot-signature.js';
import { createFetchProxy, type FetchProxyOptions } from '../../preview/server/fetch-proxy.ts';
import {
  FETCH_MAX_BYTES,
  FETCH_MAX_CONCURRENT,
  type ProxyEnvelope,
  toExtensionResponse,
} from '../../preview/shared/protocol.ts';

const PERMITTED = 'https://api.smart-transfer.example';
const PUBLIC = 'https://public.smart-transfer.test';
const SECRET = 'preview-test-secret';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let backend: string;
let seen: Seen[] = [];
/** How the stand-in app server answers the next calls. */
let answer: (req: Seen, res: import('node:http').ServerResponse) => void;
const held: (() => void)[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const call = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(call);
      answer(call, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  backend = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  held.splice(0).forEach((release) => release());
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  seen = [];
  answer = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true }));
  };
});

function proxy(overrides: Partial<FetchProxyOptions> = {}) {
  return createFetchProxy({
    clientSecret: SECRET,
    publicApiOrigin: PUBLIC,
    backendBaseUrl: backend,
    permittedOrigins: [PERMITTED],
    identity: { portalId: 12345678, userId: 501 },
    ...overrides,
  });
}

const errorOf = (envelope: ProxyEnvelope) => (envelope.status === 'error' ? envelope : undefined);

describe('preview fetch proxy: what reaches the app server', () => {
  it('maps the permitted origin to the backend, appends the identity and signs over the public URL', async () => {
    const { httpStatus, envelope } = await proxy().handle({
      requestUri: `${PERMITTED}/api/v1/apps?portalId=12345678&userId=501`,
      method: 'GET',
    });
    expect(httpStatus).toBe(200);
    expect(envelope).toMatchObject({
      status: 'success',
      responseBody: { ok: true },
      context: { appServerStatusCode: ['200'], httpMethod: ['GET'] },
    });
    const [call] = seen;
    expect(call?.url).toBe('/api/v1/apps?portalId=12345678&userId=501&portalId=12345678&userId=501');
    const verdict = verifySignatureV3({
      clientSecret: SECRET,
      method: 'GET',
      uri: `${PUBLIC}${call?.url}`,
      body: '',
      timestamp: call?.headers['x-hubspot-request-timestamp'] as string,
      signature: call?.headers['x-hubspot-signature-v3'] as string,
      nowMs: Date.now(),
    });
    expect(verdict).toEqual({ ok: true });
    expect(call?.headers['x-hubspot-signature-version']).toBe('v2');
    expect(call?.headers['content-type']).toBeUndefined();
  });

  it('sends the body as JSON, signed, with appId when HubSpot knows it', async () => {
    await proxy({ identity: { portalId: 1, userId: 2, appId: 99 } }).handle({
      requestUri: `${PERMITTED}/api/v1/audits`,
      method: 'post',
      requestBody: { source: 'pipedrive', note: 'a,b:(c)' },
    });
    const [call] = seen;
    expect(call?.method).toBe('POST');
    expect(call?.url).toBe('/api/v1/audits?appId=99&portalId=1&userId=2');
    expect(call?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(call?.body ?? '')).toEqual({ source: 'pipedrive', note: 'a,b:(c)' });
    const verdict = verifySignatureV3({
      clientSecret: SECRET,
      method: 'POST',
      uri: `${PUBLIC}${call?.url}`,
      body: call?.body ?? '',
      timestamp: call?.headers['x-hubspot-request-timestamp'] as string,
      signature: call?.headers['x-hubspot-signature-v3'] as string,
      nowMs: Date.now(),
    });
    expect(verdict).toEqual({ ok: true });
  });

  it('passes an Authorization header and nothing else', async () => {
    await proxy().handle({
      requestUri: `${PERMITTED}/api/v1/apps`,
      method: 'GET',
      requestHeaders: { Authorization: 'Bearer abc' },
    });
    expect(seen[0]?.headers.authorization).toBe('Bearer abc');
  });
});

describe('preview fetch proxy: refusals before the app server', () => {
  it.each([
    [
      'a URL outside permittedUrls.fetch',
      { requestUri: 'https://evil.example/api/v1/apps', method: 'GET' },
      403,
      "'https://evil.example' is not in permittedUrls.fetch",
    ],
    [
      'http instead of https',
      { requestUri: 'http://api.smart-transfer.example/api/v1/apps', method: 'GET' },
      403,
      'is not in permittedUrls.fetch',
    ],
    ['a malformed URL', { requestUri: '/api/v1/apps', method: 'GET' }, 400, 'URL is malformed'],
    ['an unknown method', { requestUri: `${PERMITTED}/api/v1/apps`, method: 'TRACE' }, 400, 'Invalid proxy request'],
    [
      'a custom header',
      { requestUri: `${PERMITTED}/api/v1/apps`, method: 'GET', requestHeaders: { 'X-Custom': '1' } },
      400,
      "Only 'Authorization' header is allowed from hubspot.fetch()",
    ],
    [
      'two headers',
      {
        requestUri: `${PERMITTED}/api/v1/apps`,
        method: 'GET',
        requestHeaders: { Authorization: 'x', 'X-Custom': '1' },
      },
      400,
      "Only 'Authorization' header is allowed",
    ],
    [
      'a body over 1 MB',
      { requestUri: `${PERMITTED}/api/v1/audits`, method: 'POST', requestBody: { blob: 'x'.repeat(FETCH_MAX_BYTES) } },
      413,
      'larger than 1 MB',
    ],
  ])('refuses %s', async (_what, request, status, message) => {
    const { httpStatus, envelope } = await proxy().handle(request);
    expect(httpStatus).toBe(status);
    expect(errorOf(envelope)?.message).toContain(message);
    expect(envelope.context.requestUri).toEqual([request.requestUri]);
    expect(seen).toHaveLength(0);
  });

  it(`answers 429 past ${FETCH_MAX_CONCURRENT} concurrent calls`, async () => {
    answer = (_req, res) => {
      held.push(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    };
    const p = proxy();
    const first = Array.from({ length: FETCH_MAX_CONCURRENT }, () =>
      p.handle({ requestUri: `${PERMITTED}/api/v1/apps`, method: 'GET' }),
    );
    // The 21st call is refused at once while the first 20 are still with the app server.
    await expect(p.handle({ requestUri: `${PERMITTED}/api/v1/apps`, method: 'GET' })).resolves.toMatchObject({
      httpStatus: 429,
      envelope: { status: 'error', category: 'RATE_LIMITS' },
    });
    // Wait until all 20 reached the app server, then let them finish.
    while (held.length < FETCH_MAX_CONCURRENT) await new Promise((resolve) => setImmediate(resolve));
    held.splice(0).forEach((release) => release());
    expect((await Promise.all(first)).map((a) => a.httpStatus)).toEqual(Array(FETCH_MAX_CONCURRENT).fill(200));
  });
});

describe('preview fetch proxy: answers like HubSpot', () => {
  it('wraps an app server error as BAD_GATEWAY with its status and body', async () => {
    answer = (_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'signature_mismatch', message: 'no' } }));
    };
    const { httpStatus, envelope } = await proxy().handle({ requestUri: `${PERMITTED}/api/v1/apps`, method: 'GET' });
    expect(httpStatus).toBe(200);
    expect(envelope).toMatchObject({
      status: 'error',
      category: 'BAD_GATEWAY',
      message: 'Error returned from Request Uri',
      responseBody: { error: { code: 'signature_mismatch' } },
      context: { appServerStatusCode: ['401'] },
    });
    // The extension sees the app server's status and JSON.
    expect(toExtensionResponse(httpStatus, envelope)).toEqual({
      status: 401,
      body: JSON.stringify({ error: { code: 'signature_mismatch', message: 'no' } }),
    });
  });

  it('does not follow redirects', async () => {
    answer = (_req, res) => {
      res.writeHead(302, { location: 'https://elsewhere.example/' });
      res.end();
    };
    const { envelope } = await proxy().handle({ requestUri: `${PERMITTED}/api/v1/apps`, method: 'GET' });
    expect(envelope).toMatchObject({ category: 'BAD_GATEWAY', context: { appServerStatusCode: ['302'] } });
    expect(seen).toHaveLength(1);
  });

  it('refuses a response that is not JSON', async () => {
    answer = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>hi</html>');
    };
    const answerOf = await proxy().handle({ requestUri: `${PERMITTED}/api/v1/apps`, method: 'GET' });
    expect(answerOf).toMatchObject({
      httpStatus: 400,
      envelope: { category: 'VALIDATION_ERROR', message: 'Invalid JSON Response Body' },
    });
  });

  it('refuses a response over 1 MB', async () => {
    answer = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ blob: 'x'.repeat(FETCH_MAX_BYTES) }));
    };
    const answerOf = await proxy().handle({ requestUri: `${PERMITTED}/api/v1/apps`, method: 'GET' });
    expect(answerOf).toMatchObject({ httpStatus: 502, envelope: { category: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers GATEWAY_TIMEOUT after the call timeout', async () => {
    answer = (_req, res) => {
      held.push(() => res.end('{}'));
    };
    const answerOf = await proxy().handle({
      requestUri: `${PERMITTED}/api/v1/apps`,
      method: 'GET',
      requestTimeoutMillis: 150,
    });
    expect(answerOf).toMatchObject({
      httpStatus: 504,
      envelope: { category: 'GATEWAY_TIMEOUT', message: 'Gateway took too long to respond' },
    });
    held.splice(0).forEach((release) => release());
  });

  it('answers a network error when the app server is down', async () => {
    const answerOf = await proxy({ backendBaseUrl: 'http://127.0.0.1:9' }).handle({
      requestUri: `${PERMITTED}/api/v1/apps`,
      method: 'GET',
    });
    expect(answerOf).toMatchObject({
      httpStatus: 500,
      envelope: { category: 'INTERNAL_SERVER_ERROR', message: 'Network error' },
    });
  });

  it('gives the extension an empty body for 204', async () => {
    answer = (_req, res) => {
      res.writeHead(204);
      res.end();
    };
    const { httpStatus, envelope } = await proxy().handle({
      requestUri: `${PERMITTED}/api/v1/connections/pipedrive`,
      method: 'DELETE',
    });
    expect(toExtensionResponse(httpStatus, envelope)).toEqual({ status: 204, body: null });
  });

  it("gives the extension the proxy's own error envelope for its refusals", () => {
    const envelope: ProxyEnvelope = {
      status: 'error',
      category: 'GATEWAY_TIMEOUT',
      message: 'Gateway took too long to respond',
      context: { correlationId: ['x'], httpMethod: ['GET'], portalId: ['1'], requestUri: ['u'] },
    };
    expect(toExtensionResponse(504, envelope)).toEqual({ status: 504, body: JSON.stringify(envelope) });
  });
});
