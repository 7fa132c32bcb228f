/**
 * Pipedrive's OAuth server: /oauth/authorize (a consent page, or an automatic approval for tests),
 * /oauth/token (authorization_code and refresh_token grants, HTTP Basic client authentication,
 * `api_domain` in the answer) and /oauth/revoke (RFC 7009).
 */
import type { Request, Response } from 'express';
import type { RouteRegistry } from '../http/routes.js';
import { OAuthError, type OAuthTokens } from './tokens.js';

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  /** The callback registered in Developer Hub; undefined accepts any redirect_uri. */
  redirectUri: string | undefined;
}

export interface OAuthSettings {
  client: OAuthClient;
  tokens: OAuthTokens;
  /** true: /oauth/authorize approves at once (302 to the callback); false: it shows the consent page. */
  autoApprove(): boolean;
  /** The user who installs the app. */
  installingUserId(): number;
  /** Goes into every token response as api_domain. */
  apiDomain(): string;
}

/** Pipedrive's token endpoint errors: 400 with `{ success: false, message, error }`. */
function oauthError(res: Response, error: OAuthError): void {
  res.status(400).json({ success: false, message: error.message, error: error.error });
}

function clientCredentials(req: Request): { id: string; secret: string } | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  // Credentials in the body are accepted too (discouraged by the docs).
  const body: Record<string, unknown> = typeof req.body === 'object' && req.body !== null ? { ...req.body } : {};
  return typeof body.client_id === 'string' && typeof body.client_secret === 'string'
    ? { id: body.client_id, secret: body.client_secret }
    : undefined;
}

function authenticateClient(req: Request, client: OAuthClient): void {
  const credentials = clientCredentials(req);
  if (!credentials) throw new OAuthError('invalid_client', 'Invalid client: cannot retrieve client credentials');
  if (credentials.id !== client.clientId || credentials.secret !== client.clientSecret)
    throw new OAuthError('invalid_client', 'Invalid client: client is invalid');
}

/** The official client URI-encodes access tokens before form-encoding them, so they arrive encoded once more. */
function decodeOnce(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function registerOAuth(routes: RouteRegistry, settings: OAuthSettings): void {
  const { client, tokens } = settings;

  routes.add({
    method: 'get',
    path: '/oauth/authorize',
    operationId: 'authorize',
    spec: 'v1',
    cost: 0,
    public: true,
    handler: (req, res) => {
      const query = req.query;
      const clientId = typeof query.client_id === 'string' ? query.client_id : undefined;
      const redirectUri = typeof query.redirect_uri === 'string' ? query.redirect_uri : undefined;
      const state = typeof query.state === 'string' ? query.state : undefined;
      if (
        clientId !== client.clientId ||
        !redirectUri ||
        (client.redirectUri !== undefined && redirectUri !== client.redirectUri)
      ) {
        res
          .status(400)
          .type('html')
          .send('<!doctype html><title>Pipedrive</title><p>App cannot be installed for requested company</p>');
        return;
      }
      const decision =
        typeof query.decision === 'string' ? query.decision : settings.autoApprove() ? 'allow' : undefined;
      if (decision === undefined) {
        const here = new URL(req.originalUrl, 'http://sandbox');
        const link = (value: string): string => {
          here.searchParams.set('decision', value);
          return escapeHtml(`${here.pathname}${here.search}`);
        };
        res
          .status(200)
          .type('html')
          .send(
            `<!doctype html><title>Install app</title><h1>Install app</h1><p>The app asks for access to your Pipedrive data.</p><a href="${link('allow')}">Allow and install</a> <a href="${link('deny')}">Cancel</a>`,
          );
        return;
      }
      const callback = new URL(redirectUri);
      if (decision === 'allow')
        callback.searchParams.set('code', tokens.issueCode(settings.installingUserId(), redirectUri));
      else callback.searchParams.set('error', 'user_denied');
      if (state !== undefined) callback.searchParams.set('state', state);
      res.redirect(302, callback.toString());
    },
  });

  routes.add({
    method: 'post',
    path: '/oauth/token',
    operationId: 'get-tokens',
    spec: 'v1',
    cost: 0,
    public: true,
    handler: (req, res) => {
      try {
        if (!req.is('application/x-www-form-urlencoded'))
          throw new OAuthError('invalid_request', 'Invalid request: content must be application/x-www-form-urlencoded');
        authenticateClient(req, client);
        const body: Record<string, unknown> = { ...req.body };
        const grant = body.grant_type;
        if (typeof grant !== 'string' || grant === '')
          throw new OAuthError('invalid_request', 'Missing parameter: grant_type');
        let pair;
        if (grant === 'authorization_code') {
          if (typeof body.redirect_uri !== 'string')
            throw new OAuthError('invalid_request', 'Invalid request: redirect_uri is not a valid URI');
          pair = tokens.exchangeCode(typeof body.code === 'string' ? body.code : '', body.redirect_uri);
        } else if (grant === 'refresh_token') {
          pair = tokens.refresh(typeof body.refresh_token === 'string' ? body.refresh_token : '');
        } else {
          throw new OAuthError('unsupported_grant_type', 'Unsupported grant type: grant_type is invalid');
        }
        res.json({ ...pair, api_domain: settings.apiDomain() });
      } catch (error) {
        if (error instanceof OAuthError) oauthError(res, error);
        else throw error;
      }
    },
  });

  routes.add({
    method: 'post',
    path: '/oauth/revoke',
    operationId: 'revoke',
    spec: null,
    cost: 0,
    public: true,
    handler: (req, res) => {
      try {
        authenticateClient(req, client);
      } catch (error) {
        if (error instanceof OAuthError) {
          oauthError(res, error);
          return;
        }
        throw error;
      }
      const body: Record<string, unknown> = typeof req.body === 'object' && req.body !== null ? { ...req.body } : {};
      // The client puts token and hint in the form body; RFC 7009 answers 200 even for unknown tokens.
      const token =
        typeof body.token === 'string' ? body.token : typeof req.query.token === 'string' ? req.query.token : '';
      const hint = typeof body.token_type_hint === 'string' ? body.token_type_hint : undefined;
      tokens.revoke(decodeOnce(token), hint);
      res.status(200).json({ success: true });
    },
  });
}
