import type { Express } from 'express';
import request from 'supertest';
import { signatureV3 } from '../../backend/src/auth/hubspot-signature.js';
import { TEST_CLIENT_SECRET, TEST_PUBLIC_ORIGIN } from './test-app.js';

export interface SignedCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path with its query string, as hubspot.fetch would call it (portalId and userId appended by our wrapper). */
  path: string;
  body?: unknown;
  /** Signed and sent exactly as given, instead of a JSON-encoded body. */
  rawBody?: string;
  timestampMs?: number;
  secret?: string;
  /** Sent instead of the signed body, to model tampering in transit. */
  sentBody?: string;
}

/** Calls the app the way HubSpot's proxy does: JSON body, v3 signature over the public URL. */
export function signedCall(app: Express, call: SignedCall) {
  const body = call.rawBody ?? (call.body === undefined ? '' : JSON.stringify(call.body));
  const timestamp = String(call.timestampMs ?? Date.now());
  const signature = signatureV3({
    clientSecret: call.secret ?? TEST_CLIENT_SECRET,
    method: call.method,
    uri: `${TEST_PUBLIC_ORIGIN}${call.path}`,
    body,
    timestamp,
  });
  const sent = call.sentBody ?? body;
  const pending = request(app)
    [call.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](call.path)
    .set('X-HubSpot-Signature-v3', signature)
    .set('X-HubSpot-Request-Timestamp', timestamp)
    .set('Content-Type', 'application/json');
  return sent === '' ? pending : pending.send(sent);
}

export const withIdentity = (path: string, portalId: number, userId = 7) =>
  `${path}${path.includes('?') ? '&' : '?'}portalId=${portalId}&userId=${userId}`;
