/**
 * The preview's stand-in for HubSpot's `hubspot.fetch` proxy. For each call the extension makes it:
 * checks the URL against app-hsmeta.json `permittedUrls.fetch`, refuses custom headers other than
 * Authorization, sends the JSON body (≤ 1 MB) to the local backend in place of the permitted origin,
 * with the identity HubSpot appends (portalId, userId, and appId when known) and HubSpot's signature
 * headers computed with the app's client secret (which never leaves this process), and answers with
 * HubSpot's proxy envelope: the app server's JSON, BAD_GATEWAY for its 3xx-5xx, GATEWAY_TIMEOUT after
 * the timeout (15 s default, 120 s max), and the proxy's own errors.
 *
 * Signed like HubSpot's local dev proxy does it (`@hubspot/api-client` Signature: v2 and v3 headers,
 * epoch-millisecond timestamp), over the URL the backend is reached at publicly.
 */
import { randomUUID } from 'node:crypto';
import { Signature } from '@hubspot/api-client';
import { z } from 'zod';
import { decodeUriForSignature } from '../../backend/src/auth/hubspot-signature.ts';
import {
  FETCH_DEFAULT_TIMEOUT_MS,
  FETCH_MAX_BYTES,
  FETCH_MAX_CONCURRENT,
  FETCH_MAX_TIMEOUT_MS,
  type ProxyContext,
  type ProxyEnvelope,
} from '../shared/protocol.ts';

export interface FetchProxyOptions {
  /** The app's client secret: the key of HubSpot's request signatures. */
  clientSecret: string;
  /** The origin the backend verifies signatures against (its PUBLIC_API_ORIGIN). */
  publicApiOrigin: string;
  /** Where the backend actually listens, e.g. http://127.0.0.1:3000 (the permitted origin maps here); a function is asked at each call. */
  backendBaseUrl: string | (() => string);
  /** app-hsmeta.json permittedUrls.fetch. */
  permittedOrigins: readonly string[];
  /** Who is logged in to "HubSpot": appended to each call as HubSpot does. */
  identity: { portalId: number; userId: number; appId?: number | string };
  /** For tests: the clock of the signature timestamp. */
  now?: () => number;
}

export interface ProxyAnswer {
  httpStatus: number;
  envelope: ProxyEnvelope;
}

const Method = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const Request = z.object({
  requestUri: z.string().min(1),
  method: z
    .string()
    .transform((method) => method.toUpperCase())
    .pipe(Method),
  requestTimeoutMillis: z.number().positive().optional(),
  requestBody: z.unknown().optional(),
  requestHeaders: z.record(z.string(), z.string()).optional(),
});

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The abort of AbortSignal.timeout (a DOMException, not always an `Error` of this realm). */
const timedOut = (error: unknown): boolean => {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
};

const trimSlash = (origin: string) => origin.replace(/\/+$/, '');

/** The headers HubSpot's proxy adds to a call: v2 and v3 signatures and the timestamp. */
export function hubspotSignatureHeaders(input: {
  clientSecret: string;
  method: string;
  url: string;
  body: string;
  timestamp: number;
}): Record<string, string> {
  const options = {
    clientSecret: input.clientSecret,
    requestBody: input.body,
    // The escapes HubSpot decodes in the signed URI: the backend's own list (HubSpot's request-validation page).
    url: decodeUriForSignature(input.url),
    timestamp: input.timestamp,
    signature: '',
  };
  return {
    'X-HubSpot-Signature': Signature.getSignature(input.method, 'v2', options),
    'X-HubSpot-Signature-Version': 'v2',
    'X-HubSpot-Request-Timestamp': String(input.timestamp),
    'X-HubSpot-Signature-v3': Signature.getSignature(input.method, 'v3', options),
  };
}

/** Reads at most `limit` bytes of a body; `null` when it is longer. */
async function readCapped(res: Response, limit: number): Promise<string | null> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function createFetchProxy(options: FetchProxyOptions) {
  const permitted = new Set(options.permittedOrigins.map((origin) => new URL(origin).origin));
  const publicOrigin = trimSlash(options.publicApiOrigin);
  const now = options.now ?? Date.now;
  let inFlight = 0;

  const context = (method: string, requestUri: string, appStatus?: number): ProxyContext => ({
    correlationId: [randomUUID()],
    httpMethod: [method],
    portalId: [String(options.identity.portalId)],
    requestUri: [requestUri],
    ...(appStatus === undefined ? {} : { appServerStatusCode: [String(appStatus)] as [string] }),
  });
  const proxyError = (
    httpStatus: number,
    category: string,
    message: string,
    method: string,
    uri: string,
    appStatus?: number,
  ): ProxyAnswer => ({
    httpStatus,
    envelope: { status: 'error', category, message, context: context(method, uri, appStatus) },
  });

  /** One `hubspot.fetch` call, as the host page posts it. */
  async function handle(raw: unknown): Promise<ProxyAnswer> {
    const parsed = Request.safeParse(raw);
    if (!parsed.success) {
      const uri =
        typeof (raw as { requestUri?: unknown } | null)?.requestUri === 'string'
          ? String((raw as { requestUri: string }).requestUri)
          : '';
      return proxyError(
        400,
        'VALIDATION_ERROR',
        'Invalid proxy request: requestUri and an HTTP method (GET, POST, PUT, PATCH, DELETE) are required',
        'UNKNOWN',
        uri,
      );
    }
    const { requestUri, method, requestBody, requestHeaders = {} } = parsed.data;

    let url: URL;
    try {
      url = new URL(requestUri);
    } catch {
      return proxyError(400, 'VALIDATION_ERROR', 'URL is malformed', method, requestUri);
    }
    if (!permitted.has(url.origin)) {
      return proxyError(
        403,
        'VALIDATION_ERROR',
        `'${url.origin}' is not in permittedUrls.fetch of app-hsmeta.json`,
        method,
        requestUri,
      );
    }
    // HubSpot's proxy (as its local dev proxy mirrors it): only an Authorization header may be sent.
    const headerNames = Object.keys(requestHeaders);
    if (headerNames.length > 1) {
      return proxyError(400, 'VALIDATION_ERROR', "Only 'Authorization' header is allowed", method, requestUri);
    }
    if (headerNames.some((name) => name.toLowerCase() !== 'authorization')) {
      return proxyError(
        400,
        'VALIDATION_ERROR',
        "Invalid Request Headers provided. Only 'Authorization' header is allowed from hubspot.fetch()",
        method,
        requestUri,
      );
    }

    const withBody = METHODS_WITH_BODY.has(method) && requestBody !== undefined && requestBody !== null;
    const body = withBody ? (JSON.stringify(requestBody) ?? '') : '';
    if (Buffer.byteLength(body, 'utf8') > FETCH_MAX_BYTES) {
      return proxyError(413, 'VALIDATION_ERROR', 'Request body is larger than 1 MB', method, requestUri);
    }
    const timeout = Math.min(parsed.data.requestTimeoutMillis ?? FETCH_DEFAULT_TIMEOUT_MS, FETCH_MAX_TIMEOUT_MS);

    if (inFlight >= FETCH_MAX_CONCURRENT) {
      return proxyError(
        429,
        'RATE_LIMITS',
        `Too many concurrent requests: at most ${FETCH_MAX_CONCURRENT} per app and account`,
        method,
        requestUri,
      );
    }

    // The identity HubSpot appends to the URL (covered by the signature).
    const identity = new URLSearchParams();
    if (options.identity.appId !== undefined) identity.append('appId', String(options.identity.appId));
    identity.append('portalId', String(options.identity.portalId));
    identity.append('userId', String(options.identity.userId));
    const pathAndQuery = `${url.pathname}${url.search === '' ? '?' : `${url.search}&`}${identity.toString()}`;

    const timestamp = now();
    const headers: Record<string, string> = {
      ...hubspotSignatureHeaders({
        clientSecret: options.clientSecret,
        method,
        url: `${publicOrigin}${pathAndQuery}`,
        body,
        timestamp,
      }),
      ...(withBody ? { 'content-type': 'application/json' } : {}),
      ...(headerNames[0] ? { authorization: requestHeaders[headerNames[0]] ?? '' } : {}),
    };

    inFlight += 1;
    try {
      let res: Response;
      try {
        const base = typeof options.backendBaseUrl === 'function' ? options.backendBaseUrl() : options.backendBaseUrl;
        res = await fetch(new URL(pathAndQuery, base), {
          method,
          headers,
          ...(withBody ? { body } : {}),
          redirect: 'manual',
          signal: AbortSignal.timeout(timeout),
        });
      } catch (error) {
        return timedOut(error)
          ? proxyError(504, 'GATEWAY_TIMEOUT', 'Gateway took too long to respond', method, requestUri)
          : proxyError(500, 'INTERNAL_SERVER_ERROR', 'Network error', method, requestUri);
      }
      let text: string | null;
      try {
        text = await readCapped(res, FETCH_MAX_BYTES);
      } catch (error) {
        return timedOut(error)
          ? proxyError(504, 'GATEWAY_TIMEOUT', 'Gateway took too long to respond', method, requestUri, res.status)
          : proxyError(500, 'INTERNAL_SERVER_ERROR', 'Network error', method, requestUri, res.status);
      }
      if (text === null) {
        return proxyError(
          502,
          'PAYLOAD_TOO_LARGE',
          'Response body is larger than 1 MB',
          method,
          requestUri,
          res.status,
        );
      }
      let responseBody: unknown;
      if (text.trim() !== '') {
        try {
          responseBody = JSON.parse(text) as unknown;
        } catch {
          return proxyError(400, 'VALIDATION_ERROR', 'Invalid JSON Response Body', method, requestUri, res.status);
        }
      }
      if (res.status >= 300) {
        return {
          httpStatus: 200,
          envelope: {
            status: 'error',
            message: 'Error returned from Request Uri',
            category: 'BAD_GATEWAY',
            context: context(method, requestUri, res.status),
            ...(responseBody === undefined ? {} : { responseBody }),
            errors: [{ message: `Unacceptable HTTP status ${res.status} calling ${requestUri}` }],
          },
        };
      }
      return {
        httpStatus: res.status,
        envelope: {
          status: 'success',
          ...(responseBody === undefined ? {} : { responseBody }),
          context: context(method, requestUri, res.status),
        },
      };
    } finally {
      inFlight -= 1;
    }
  }

  return { handle };
}
