import { Client } from '@hubspot/api-client';

export interface HubSpotTokenGrant {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

export interface HubSpotTokenInfo {
  hubId: number;
  userId: number;
  hubDomain: string | null;
  scopes: string[];
  appId: number;
}

/**
 * `invalid_grant` (RFC 6749): the code or refresh token is unknown, expired, used or revoked — for a refresh,
 * the app was uninstalled or the grant revoked. Anything else is `oauth_failed`.
 */
export class HubSpotOAuthError extends Error {
  constructor(
    readonly kind: 'invalid_grant' | 'oauth_failed',
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'HubSpotOAuthError';
  }
}

interface OAuthErrorBody {
  error?: string;
  status?: string;
  message?: string;
}

function parseBody(body: unknown): OAuthErrorBody {
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as OAuthErrorBody;
    } catch {
      return {};
    }
  }
  return typeof body === 'object' && body !== null ? (body as OAuthErrorBody) : {};
}

function toOAuthError(error: unknown): HubSpotOAuthError {
  const candidate = error as { code?: unknown; body?: unknown };
  if (typeof candidate.code !== 'number') {
    return new HubSpotOAuthError('oauth_failed', null, 'HubSpot could not be reached');
  }
  const body = parseBody(candidate.body);
  if (body.error === 'invalid_grant') {
    return new HubSpotOAuthError(
      'invalid_grant',
      candidate.code,
      `HubSpot refused the grant (${body.status ?? 'invalid_grant'})`,
    );
  }
  return new HubSpotOAuthError('oauth_failed', candidate.code, `HubSpot OAuth failed with status ${candidate.code}`);
}

/** HubSpot's OAuth endpoints through the official client, against the configured API base URL. */
export function createHubSpotOAuthClient(config: { apiBaseUrl: string; clientId: string; clientSecret: string }) {
  // No limiter and no retries: a code exchange must not be replayed, and refreshes are serialised by us.
  const client = new Client({ basePath: config.apiBaseUrl, numberOfApiCallRetries: 0 });
  /** One call to the token endpoint (authorization code or refresh token grant). */
  const token = async (grant: {
    grantType: 'authorization_code' | 'refresh_token';
    code?: string;
    redirectUri?: string;
    refreshToken?: string;
  }): Promise<HubSpotTokenGrant> => {
    try {
      const answer = await client.oauth.tokensApi.create(
        grant.grantType,
        grant.code,
        grant.redirectUri,
        config.clientId,
        config.clientSecret,
        grant.refreshToken,
      );
      return { accessToken: answer.accessToken, refreshToken: answer.refreshToken, expiresInSeconds: answer.expiresIn };
    } catch (error) {
      throw toOAuthError(error);
    }
  };
  return {
    exchangeCode: (code: string, redirectUri: string) => token({ grantType: 'authorization_code', code, redirectUri }),

    refresh: (refreshToken: string) => token({ grantType: 'refresh_token', refreshToken }),

    /** Which portal and user a token belongs to (the token response itself may not say). */
    async tokenInfo(accessToken: string): Promise<HubSpotTokenInfo> {
      try {
        const info = await client.oauth.accessTokensApi.get(accessToken);
        return {
          hubId: info.hubId,
          userId: info.userId,
          hubDomain: info.hubDomain ?? null,
          scopes: info.scopes,
          appId: info.appId,
        };
      } catch (error) {
        throw toOAuthError(error);
      }
    },
  };
}
export type HubSpotOAuthClient = ReturnType<typeof createHubSpotOAuthClient>;
