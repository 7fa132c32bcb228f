import { createHash } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { decodeUriForSignature, MAX_SIGNATURE_AGE_MS, verifySignatureV3 } from '../../auth/hubspot-signature.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/pool.js';
import { type Portal, portalsRepository } from '../../db/repositories/portals.repository.js';
import { signedRequestsRepository } from '../../db/repositories/signed-requests.repository.js';
import { conflict, forbidden, invalid, unauthorized } from '../../domain-errors.js';

/** Who is calling: taken from the signed query string only, never from a body. */
export interface CallerIdentity {
  portalId: number;
  userId: number;
  portal: Portal;
}

const MAX_BODY = '1mb'; // hubspot.fetch's own request limit

/** The raw bytes are kept: the signature covers the body exactly as sent. */
export const rawBody = express.raw({ type: () => true, limit: MAX_BODY });

/** The single identity value of a query parameter; HubSpot may append its own copy, which must agree. */
function singleIdentity(params: URLSearchParams, name: string): number | null {
  const values = new Set(params.getAll(name));
  if (values.size !== 1) return null;
  const [value] = values;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** An encoded `?` before the query: signed as a query separator, routed as part of the path. */
const ENCODED_QUERY_MARK = /%3f/i;

/** Calls that change something: each signed one is accepted once (a replay within the window gets 409). */
const READ_ONLY_METHODS = new Set(['GET', 'HEAD']);

/**
 * Verifies `X-HubSpot-Signature-v3` over method + public URL + raw body + timestamp, then resolves the
 * calling portal. Nothing past this middleware runs for an unsigned, stale or tampered request.
 */
export function signedRequest(deps: {
  db: Db;
  clientSecret: string;
  publicApiOrigin: string;
  appId?: number;
  clock: Clock;
}) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const rawPath = req.originalUrl.split('?', 1)[0] ?? '';
    if (ENCODED_QUERY_MARK.test(rawPath)) {
      throw unauthorized(
        'ambiguous_url',
        'The request URL has an encoded "?" in its path, which makes its signature ambiguous.',
      );
    }
    const uri = `${deps.publicApiOrigin}${req.originalUrl}`;
    const signature = req.get('x-hubspot-signature-v3');
    const timestamp = req.get('x-hubspot-request-timestamp');
    const verdict = verifySignatureV3({
      clientSecret: deps.clientSecret,
      method: req.method,
      uri,
      body,
      timestamp,
      signature,
      nowMs: deps.clock.now().getTime(),
    });
    if (!verdict.ok) {
      const messages = {
        missing: 'This request is not signed by HubSpot.',
        stale: 'This request is too old (signed more than 5 minutes ago).',
        mismatch: 'The HubSpot signature of this request does not match.',
      } as const;
      throw unauthorized(`signature_${verdict.reason}`, messages[verdict.reason]);
    }
    // The identity is read from exactly the string the signature covers.
    const params = new URL(decodeUriForSignature(uri)).searchParams;
    const portalId = singleIdentity(params, 'portalId');
    const userId = singleIdentity(params, 'userId');
    if (portalId === null || userId === null) {
      throw unauthorized('identity_missing', 'The request must carry exactly one portalId and one userId.');
    }
    if (deps.appId !== undefined && params.has('appId') && singleIdentity(params, 'appId') !== deps.appId) {
      throw forbidden('wrong_app', 'This request was made for another app.');
    }
    const portal = await portalsRepository.find(deps.db, portalId);
    if (!portal) throw forbidden('portal_not_installed', 'Smart Transfer is not installed in this HubSpot account.');
    if (portal.status === 'uninstalled')
      throw forbidden('portal_uninstalled', 'Smart Transfer was uninstalled from this HubSpot account.');
    if (!READ_ONLY_METHODS.has(req.method)) {
      const signatureHash = createHash('sha256').update(String(signature)).digest('hex');
      const expiresAt = new Date(Number(timestamp) + MAX_SIGNATURE_AGE_MS);
      if (!(await signedRequestsRepository.recordOnce(deps.db, signatureHash, expiresAt))) {
        throw conflict('replayed_request', 'This exact signed request was already received; it is not run twice.');
      }
    }
    res.locals.identity = { portalId, userId, portal } satisfies CallerIdentity;
    if (body.length > 0) {
      try {
        req.body = JSON.parse(body) as unknown;
      } catch {
        throw invalid('invalid_json', 'The request body is not valid JSON.');
      }
    } else {
      req.body = undefined;
    }
    next();
  };
}

export function callerIdentity(res: Response): CallerIdentity {
  const identity = res.locals.identity as CallerIdentity | undefined;
  if (!identity) throw new Error('callerIdentity used on a route outside the signed /api tree');
  return identity;
}
