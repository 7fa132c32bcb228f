import { createHmac, timingSafeEqual } from 'node:crypto';

/** HubSpot rejects (and so do we) requests whose timestamp is more than 5 minutes away from now. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000;

// HubSpot's request-validation page: these escapes are decoded in the URI before signing.
const DECODED_IN_SIGNED_URI: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

export function decodeUriForSignature(uri: string): string {
  return uri.replace(
    /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi,
    (match) => DECODED_IN_SIGNED_URI[match.toUpperCase()] ?? match,
  );
}

/** Signature v3: base64(HMAC-SHA256(clientSecret, method + uri + body + timestamp)). */
export function signatureV3(input: {
  clientSecret: string;
  method: string;
  uri: string;
  body: string;
  timestamp: string;
}): string {
  return createHmac('sha256', input.clientSecret)
    .update(`${input.method.toUpperCase()}${decodeUriForSignature(input.uri)}${input.body}${input.timestamp}`, 'utf8')
    .digest('base64');
}

export type SignatureVerdict = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'mismatch' };

export function verifySignatureV3(input: {
  clientSecret: string;
  method: string;
  uri: string;
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  nowMs: number;
}): SignatureVerdict {
  if (!input.signature || !input.timestamp) return { ok: false, reason: 'missing' };
  const timestampMs = Number(input.timestamp);
  if (!Number.isFinite(timestampMs) || Math.abs(input.nowMs - timestampMs) > MAX_SIGNATURE_AGE_MS) {
    return { ok: false, reason: 'stale' };
  }
  const expected = Buffer.from(signatureV3({ ...input, timestamp: input.timestamp }), 'utf8');
  const given = Buffer.from(input.signature, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'mismatch' };
  return { ok: true };
}
