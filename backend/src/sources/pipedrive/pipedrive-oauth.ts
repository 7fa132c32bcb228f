/**
 * Pipedrive's OAuth server as it works (docs/notes/pipedrive-api.md): an authorize URL without a scope
 * parameter (scopes are set on the app), and form-encoded POSTs to /oauth/token with HTTP Basic client
 * auth. The response names the account's own API host (`api_domain`), which may change on any refresh.
 *
 * A small form POST rather than the client's OAuth2Configuration: that class keeps the tokens in memory
 * and builds its authorize URL without `state`, while our grants live encrypted in Postgres.
 * Nothing here logs: the bodies carry codes and tokens.
 */
import { z } from 'zod';
import type { Clock } from '../../clock.js';
import type { RetryPolicy } from '../../http-client/retry.js';
import type { Sleep } from '../../sleep.js';
import { SourceAuthError, type SourceGrant, SourceUnavailableError } from '../connector.js';
import { type AttemptFailure, decideRetry, DEFAULT_RETRY_POLICY } from './decide-retry.js';
import { PipedriveRequestError, toSourceError } from './pipedrive-errors.js';
import { parseRateLimitHeaders } from './rate-limit-headers.js';

export interface PipedriveOAuthOptions {
  clientId: string;
  clientSecret: string;
  oauthBaseUrl: string;
  clock: Clock;
  sleep: Sleep;
  fetch?: typeof fetch;
  retryPolicy?: RetryPolicy;
}

const TokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number(),
  scope: z.string().default(''),
  api_domain: z.string().nullish(),
});

const OAuthErrorBody = z.object({ error: z.string().optional(), message: z.string().optional() }).catch({});

const TIMEOUT_MS = 30_000;

function toGrant(body: z.infer<typeof TokenResponse>): SourceGrant {
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    expiresInSeconds: body.expires_in,
    // Pipedrive sends a comma-separated list ("deals:read,contacts:read,base"); RFC 6749 uses spaces.
    scopes: body.scope.split(/[\s,]+/).filter((scope) => scope.length > 0),
    apiDomain: body.api_domain ? body.api_domain.replace(/\/+$/, '') : null,
  };
}

function networkCode(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'ETIMEDOUT';
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string')
    return cause.code;
  return 'ERR_NETWORK';
}

export function createPipedriveOAuth(options: PipedriveOAuthOptions) {
  const base = options.oauthBaseUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? fetch;
  const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');
  const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;

  async function post(
    form: Record<string, string>,
  ): Promise<{ grant: SourceGrant } | { failure: AttemptFailure; error?: string; message?: string }> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}/oauth/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      return { failure: { kind: 'network', code: networkCode(error) } };
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      const parsed = TokenResponse.safeParse(body);
      if (!parsed.success)
        throw new SourceUnavailableError('Pipedrive answered the token request with an unexpected body');
      return { grant: toGrant(parsed.data) };
    }
    const now = options.clock.now().getTime();
    const limits = parseRateLimitHeaders(Object.fromEntries(response.headers), now);
    return {
      failure: { kind: 'status', status: response.status, limits, tokenCost: 0, at: now },
      ...OAuthErrorBody.parse(body),
    };
  }

  /** `replayable`: a refresh may be sent again (Pipedrive does not rotate refresh tokens); a code is single-use. */
  async function tokenRequest(form: Record<string, string>, replayable: boolean): Promise<SourceGrant> {
    for (let retries = 0; ; retries += 1) {
      const outcome = await post(form);
      if ('grant' in outcome) return outcome.grant;
      const { failure } = outcome;
      // RFC 6749 `invalid_grant`: the code or refresh token is unknown, used, expired or revoked.
      if (outcome.error === 'invalid_grant')
        throw new SourceAuthError(`Pipedrive refused the ${form.grant_type} grant`);
      const decision = decideRetry(failure, retries, policy);
      // Any other refusal (invalid_client, a wrong redirect_uri) is our configuration, not the user's grant.
      if (failure.kind === 'status' && (decision.reason === 'unauthorized' || decision.reason === 'client_error')) {
        const detail = outcome.message ?? outcome.error ?? `HTTP ${failure.status}`;
        throw new PipedriveRequestError(failure.status, `Pipedrive rejected the token request: ${detail}`);
      }
      if (!decision.retry || !replayable) throw toSourceError(decision, failure, 'POST /oauth/token');
      await options.sleep(decision.waitMs);
    }
  }

  return {
    authorizeUrl(input: { state: string; redirectUri: string }): string {
      const query = new URLSearchParams({
        client_id: options.clientId,
        redirect_uri: input.redirectUri,
        state: input.state,
      });
      return `${base}/oauth/authorize?${query.toString()}`;
    },
    exchangeCode(input: { code: string; redirectUri: string }): Promise<SourceGrant> {
      return tokenRequest(
        { grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri },
        false,
      );
    },
    refresh(refreshToken: string): Promise<SourceGrant> {
      return tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }, true);
    },
  };
}
