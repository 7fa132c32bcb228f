/**
 * API authentication: `Authorization: Bearer <access token>` (OAuth) or `x-api-token` (API token;
 * the legacy `api_token` query parameter is accepted too). Every failure gets the gateway's 401.
 */
import type { Request, RequestHandler } from 'express';
import { UNAUTHORIZED } from '../http/errors.js';
import { setCaller } from '../http/context.js';
import type { Credential, OAuthTokens } from './tokens.js';

export function credentialOf(tokens: OAuthTokens, req: Request): Credential {
  const header = req.headers.authorization;
  const bearer = header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : undefined;
  const headerToken = req.headers['x-api-token'];
  const apiToken = typeof headerToken === 'string' ? headerToken : typeof req.query.api_token === 'string' ? req.query.api_token : undefined;
  return tokens.verify(bearer, apiToken);
}

export function authenticate(tokens: OAuthTokens): RequestHandler {
  return (req, res, next) => {
    const credential = credentialOf(tokens, req);
    if (!credential.ok) {
      res.status(UNAUTHORIZED.status).set(UNAUTHORIZED.headers).json(UNAUTHORIZED.body);
      return;
    }
    setCaller(res, { userId: credential.userId, kind: credential.kind, token: credential.token });
    next();
  };
}
