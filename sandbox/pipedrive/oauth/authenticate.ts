/**
 * API authentication: `Authorization: Bearer <access token>` (OAuth) or `x-api-token` (API token;
 * the legacy `api_token` query parameter is accepted too). Every failure gets the gateway's 401,
 * including a valid token of a user who has been deactivated (as Airbyte observes "API access
 * disabled for the user" as a 401). OAuth calls must hold one of the operation's scopes, else 403
 * "Scope and URL mismatch".
 */
import type { Request, RequestHandler } from 'express';
import { callerOf, setCaller } from '../http/context.js';
import { SCOPE_MISMATCH, UNAUTHORIZED } from '../http/errors.js';
import type { RouteDef } from '../http/routes.js';
import { operationScopes, scopeAllows } from './scopes.js';
import type { Credential, OAuthTokens } from './tokens.js';

export function credentialOf(tokens: OAuthTokens, req: Request): Credential {
  const header = req.headers.authorization;
  const bearer = header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : undefined;
  const headerToken = req.headers['x-api-token'];
  const apiToken =
    typeof headerToken === 'string'
      ? headerToken
      : typeof req.query.api_token === 'string'
        ? req.query.api_token
        : undefined;
  return tokens.verify(bearer, apiToken);
}

export function authenticate(tokens: OAuthTokens, userActive: (userId: number) => boolean): RequestHandler {
  return (req, res, next) => {
    const credential = credentialOf(tokens, req);
    if (!credential.ok || !userActive(credential.userId)) {
      res.status(UNAUTHORIZED.status).set(UNAUTHORIZED.headers).json(UNAUTHORIZED.body);
      return;
    }
    setCaller(res, {
      userId: credential.userId,
      kind: credential.kind,
      token: credential.token,
      scope: credential.kind === 'oauth' ? credential.scope : null,
    });
    next();
  };
}

/** OAuth tokens reach an operation only with one of the scopes its `security: oauth2` list names; API tokens are not scoped. */
export function requireScope(def: RouteDef): RequestHandler {
  return (_req, res, next) => {
    const caller = callerOf(res);
    if (
      caller.scope !== null &&
      def.spec !== null &&
      !scopeAllows(caller.scope, operationScopes(def.spec, def.operationId))
    ) {
      res.status(SCOPE_MISMATCH.status).json(SCOPE_MISMATCH.body);
      return;
    }
    next();
  };
}
