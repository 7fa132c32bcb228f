/**
 * OAuth endpoints: authorize (auto-approves, for tests and the demo), token (code and refresh),
 * token info, refresh-token info/delete, v3 introspection and revocation.
 * https://developers.hubspot.com/docs/api-reference/legacy/authentication/manage-oauth-tokens
 */
import type { Express, Request, Response } from 'express';
import { HubSpotError, newCorrelationId } from '../errors.js';
import type { SandboxState } from '../state.js';
import type { AccessTokenRecord, Grant, RefreshTokenRecord } from './store.js';

/** OAuth errors carry a HubSpot `status` code plus RFC 6749's `error`/`error_description`. */
function oauthError(
  httpStatus: number,
  status: string,
  message: string,
  error: string,
  description = message,
): HubSpotError {
  return new HubSpotError(httpStatus, {
    status,
    message,
    correlationId: newCorrelationId(),
    error,
    error_description: description,
  });
}

const hubDomain = (portalId: number): string => `hub-${portalId}.sandbox.invalid`;

function formField(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const splitScopes = (raw: unknown): string[] =>
  typeof raw === 'string' ? raw.split(/[\s+]+/).filter((scope) => scope !== '') : [];

/** HubSpot shows an HTML error page on a bad install link rather than redirecting back. */
function authorizeErrorPage(res: Response, message: string): void {
  res
    .status(400)
    .type('html')
    .send(`<!doctype html><title>Authorization failed</title><h1>Authorization failed</h1><p>${message}</p>`);
}

export function registerOAuthRoutes(app: Express, state: SandboxState): void {
  const { options } = state;

  app.get('/oauth/authorize', (req, res) => {
    const clientId = req.query['client_id'];
    const redirectUri = req.query['redirect_uri'];
    const scopes = splitScopes(req.query['scope']);
    if (clientId !== options.clientId)
      return authorizeErrorPage(res, 'The client_id is missing or does not belong to an app.');
    if (typeof redirectUri !== 'string' || !URL.canParse(redirectUri)) {
      return authorizeErrorPage(res, "The redirect_uri is missing or doesn't match the app's registered redirect URL.");
    }
    if (scopes.length === 0)
      return authorizeErrorPage(res, 'The scope parameter is required and must list the scopes the app needs.');
    const approval = state.takeApproval();
    const grant: Grant = {
      portalId: approval.portal.id,
      userId: Number(approval.user.id),
      userEmail: approval.user.email,
      scopes: [...new Set([...scopes, ...splitScopes(req.query['optional_scope'])])],
      clientId,
    };
    const { code } = state.oauth.issueCode(grant, redirectUri, state.nowMs());
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    if (typeof req.query['state'] === 'string') target.searchParams.set('state', req.query['state']);
    res.redirect(302, target.toString());
  });

  function checkClient(body: unknown): void {
    if (formField(body, 'client_id') !== options.clientId) {
      throw oauthError(400, 'BAD_CLIENT_ID', 'missing or unknown client id', 'invalid_client');
    }
    if (formField(body, 'client_secret') !== options.clientSecret) {
      throw oauthError(400, 'BAD_CLIENT_SECRET', 'missing or invalid client secret', 'invalid_client');
    }
  }

  function tokenResponse(access: AccessTokenRecord) {
    return {
      token_type: 'bearer',
      refresh_token: access.refreshToken,
      access_token: access.token,
      expires_in: options.accessTokenTtlSeconds,
      hub_id: access.portalId,
      user_id: access.userId,
      scopes: access.scopes,
      token_use: 'access_token',
    };
  }

  function exchangeCode(body: unknown): AccessTokenRecord {
    const code = state.oauth.code(formField(body, 'code') ?? '');
    if (!code || code.used) throw oauthError(400, 'BAD_AUTH_CODE', 'missing or unknown auth code', 'invalid_grant');
    if (code.expiresAt <= state.nowMs())
      throw oauthError(400, 'EXPIRED_AUTH_CODE', 'auth code is expired', 'invalid_grant');
    if (formField(body, 'redirect_uri') !== code.redirectUri) {
      throw oauthError(400, 'BAD_REDIRECT_URI', 'redirect_uri does not match initial auth code URL', 'invalid_grant');
    }
    code.used = true;
    const { code: _code, redirectUri: _uri, expiresAt: _exp, used: _used, ...grant } = code;
    return state.oauth.issueAccessToken(
      state.oauth.issueRefreshToken(grant),
      state.nowMs(),
      options.accessTokenTtlSeconds,
    );
  }

  function refresh(body: unknown): AccessTokenRecord {
    const record = state.oauth.refreshToken(formField(body, 'refresh_token') ?? '');
    if (!record || record.revoked) {
      throw oauthError(
        400,
        'BAD_REFRESH_TOKEN',
        'missing or unknown refresh token',
        'invalid_grant',
        'refresh token is invalid, expired or revoked',
      );
    }
    // Non-rotating: the same refresh token keeps working; every grant is counted for the stats.
    record.refreshGrants += 1;
    return state.oauth.issueAccessToken(record, state.nowMs(), options.accessTokenTtlSeconds);
  }

  const token = (req: Request, res: Response) => {
    checkClient(req.body);
    const grantType = formField(req.body, 'grant_type');
    if (grantType === 'authorization_code') return res.json(tokenResponse(exchangeCode(req.body)));
    if (grantType === 'refresh_token') return res.json(tokenResponse(refresh(req.body)));
    throw oauthError(
      400,
      'BAD_GRANT_TYPE',
      'grant_type must be authorization_code or refresh_token',
      'unsupported_grant_type',
    );
  };
  app.post('/oauth/v1/token', token);
  app.post('/oauth/v3/token', token);

  const liveAccessToken = (value: string): AccessTokenRecord | undefined => {
    const record = state.oauth.accessToken(value);
    return record && record.expiresAt > state.nowMs() ? record : undefined;
  };
  const liveRefreshToken = (value: string): RefreshTokenRecord | undefined => {
    const record = state.oauth.refreshToken(value);
    return record && !record.revoked ? record : undefined;
  };

  /** What HubSpot's token-info answers say of either kind of token. */
  const tokenInfo = (record: AccessTokenRecord | RefreshTokenRecord) => ({
    token: record.token,
    user: record.userEmail,
    hub_domain: hubDomain(record.portalId),
    scopes: record.scopes,
    hub_id: record.portalId,
    user_id: record.userId,
  });

  app.get('/oauth/v1/access-tokens/:token', (req, res) => {
    const record = liveAccessToken(req.params.token);
    if (!record) throw oauthError(404, 'NOT_FOUND', 'access token not found or expired', 'invalid_token');
    res.json({
      ...tokenInfo(record),
      app_id: options.appId,
      expires_in: Math.max(0, Math.floor((record.expiresAt - state.nowMs()) / 1000)),
      token_type: 'access',
    });
  });

  app.get('/oauth/v1/refresh-tokens/:token', (req, res) => {
    const record = liveRefreshToken(req.params.token);
    if (!record) throw oauthError(404, 'NOT_FOUND', 'refresh token not found', 'invalid_grant');
    res.json({ ...tokenInfo(record), client_id: record.clientId, token_type: 'refresh' });
  });

  app.delete('/oauth/v1/refresh-tokens/:token', (req, res) => {
    if (!liveRefreshToken(req.params.token))
      throw oauthError(404, 'NOT_FOUND', 'refresh token not found', 'invalid_grant');
    state.oauth.revokeRefreshToken(req.params.token);
    res.status(204).end();
  });

  // RFC 7662 introspection: an unknown or dead token is `{ active: false }`, not an error.
  app.post('/oauth/v3/token/introspect', (req, res) => {
    checkClient(req.body);
    const value = formField(req.body, 'token') ?? '';
    const access = liveAccessToken(value);
    const refreshRecord = access ? undefined : liveRefreshToken(value);
    const grant = access ?? refreshRecord;
    if (!grant) return res.json({ active: false });
    res.json({
      active: true,
      client_id: grant.clientId,
      hub_id: grant.portalId,
      user_id: grant.userId,
      scope: grant.scopes.join(' '),
      token_use: access ? 'access_token' : 'refresh_token',
      ...(access ? { exp: Math.floor(access.expiresAt / 1000) } : {}),
    });
  });

  app.post('/oauth/v3/token/revoke', (req, res) => {
    checkClient(req.body);
    state.oauth.revokeRefreshToken(formField(req.body, 'token') ?? '');
    res.status(200).end();
  });
}
