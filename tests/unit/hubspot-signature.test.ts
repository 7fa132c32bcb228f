import { describe, expect, it } from '@jest/globals';
import { decodeUriForSignature, signatureV3, verifySignatureV3 } from '../../backend/src/auth/hubspot-signature.js';

// The four published vectors (docs/notes/hubspot-platform.md, from HubSpot's dev-server tests).
const VECTORS = [
  {
    secret: 'f6e94c08-85d0-4608-bcc6-e1850176e7b8',
    method: 'POST',
    uri: 'https://www.hubspot.com/webhook',
    body: 'REQUEST_BODY',
    timestamp: '1632188626483',
    expected: 'jf872r5vscVcxCiDRHA4rGrqe/8BPLNVkdJSHdMnGTU=',
  },
  {
    secret: 'f6e94c08-85d0-4608-bcc6-e1850176e7b8',
    method: 'POST',
    uri: 'https://www.hubspot.com/webhook',
    body: '',
    timestamp: '1632188626483',
    expected: 'csXgk7UbrE9F8ZmMvbpuKBxqIvTSqU1EX9pI/SJtxSE=',
  },
  {
    secret: '12345678-aaaa-bbbb-cccc-ddddeeeeffff',
    method: 'GET',
    uri: 'https://hubspot.com/?appId=1&portalId=2&userId=3',
    body: '',
    timestamp: '1111111111',
    expected: 'zTfXjo07jfzGouo4wvyAj3qEMUTVJ0PPYPACrluQtQI=',
  },
  {
    secret: '12345678-aaaa-bbbb-cccc-ddddeeeeffff',
    method: 'GET',
    uri: 'https://hubspot.com/?appId=1&portalId=2&userId=3',
    body: '{"a":1,"b":2}',
    timestamp: '1111111111',
    expected: 'aaknaCGCYJ4yqzuf1UKGqAWUfdcilJtm5nc/ZCudR9k=',
  },
];

describe('HubSpot signature v3', () => {
  it.each(VECTORS)('reproduces the published vector for $method $uri body=$body', (vector) => {
    expect(
      signatureV3({
        clientSecret: vector.secret,
        method: vector.method,
        uri: vector.uri,
        body: vector.body,
        timestamp: vector.timestamp,
      }),
    ).toBe(vector.expected);
    expect(
      verifySignatureV3({
        clientSecret: vector.secret,
        method: vector.method,
        uri: vector.uri,
        body: vector.body,
        timestamp: vector.timestamp,
        signature: vector.expected,
        nowMs: Number(vector.timestamp) + 1000,
      }),
    ).toEqual({ ok: true });
  });

  const base = VECTORS[0] as (typeof VECTORS)[number];
  const verify = (overrides: Partial<Parameters<typeof verifySignatureV3>[0]>) =>
    verifySignatureV3({
      clientSecret: base.secret,
      method: base.method,
      uri: base.uri,
      body: base.body,
      timestamp: base.timestamp,
      signature: base.expected,
      nowMs: Number(base.timestamp),
      ...overrides,
    });

  it('rejects a timestamp older or newer than 5 minutes', () => {
    expect(verify({ nowMs: Number(base.timestamp) + 5 * 60 * 1000 + 1 })).toEqual({ ok: false, reason: 'stale' });
    expect(verify({ nowMs: Number(base.timestamp) - 5 * 60 * 1000 - 1 })).toEqual({ ok: false, reason: 'stale' });
    expect(verify({ nowMs: Number(base.timestamp) + 5 * 60 * 1000 })).toEqual({ ok: true });
  });

  it('rejects a changed body, method, URL, timestamp or secret', () => {
    expect(verify({ body: 'REQUEST_BODY!' })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify({ method: 'PUT' })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify({ uri: 'https://www.hubspot.com/webhook?x=1' })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify({ timestamp: String(Number(base.timestamp) + 1) })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify({ clientSecret: 'another-secret' })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('rejects missing headers and garbage signatures without throwing', () => {
    expect(verify({ signature: undefined })).toEqual({ ok: false, reason: 'missing' });
    expect(verify({ timestamp: undefined })).toEqual({ ok: false, reason: 'missing' });
    expect(verify({ timestamp: 'yesterday' })).toEqual({ ok: false, reason: 'stale' });
    expect(verify({ signature: 'short' })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('decodes the escapes HubSpot decodes before signing, and nothing else', () => {
    expect(decodeUriForSignature('https://a.example/x?email=a%40b.example&next=%2Fhome%3Fa%3Ab&q=%20')).toBe(
      'https://a.example/x?email=a@b.example&next=/home?a:b&q=%20',
    );
  });
});
