/**
 * OAuth grants and API tokens, as Pipedrive's OAuth server keeps them:
 * - authorization codes live 5 minutes and are single-use;
 * - access tokens live 60 minutes (the token response says 3599 s);
 * - refresh tokens are not rotated: a refresh returns the same refresh token and extends its expiry
 *   to 60 days from now; unused for 60 days, it expires;
 * - revoking the refresh token ends the grant (its access tokens too); revoking an access token
 *   ends only that token.
 * Each user also has one API token (`x-api-token`).
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../common/clock.js';

const CODE_TTL_MS = 5 * 60 * 1000;
export const ACCESS_TTL_S = 3599;
const REFRESH_TTL_MS = 60 * 24 * 60 * 60 * 1000;

export interface TokenPair {
  access_token: string;
  token_type: 'Bearer';
  refresh_token: string;
  scope: string;
  expires_in: number;
}

interface Grant {
  id: number;
  userId: number;
  /** The app's scopes when the user installed it. */
  scope: string;
  refreshToken: string;
  refreshExpiresAt: number;
  revoked: boolean;
}

interface AccessToken {
  grantId: number;
  expiresAt: number;
  revoked: boolean;
}

interface AuthorizationCode {
  userId: number;
  scope: string;
  redirectUri: string;
  expiresAt: number;
  used: boolean;
}

export type Credential =
  | { ok: true; userId: number; kind: 'oauth'; token: string; scope: string }
  | { ok: true; userId: number; kind: 'api_token'; token: string }
  | { ok: false; reason: 'missing' | 'invalid' | 'expired' | 'revoked' };

/** `error` is the RFC 6749 code, `message` Pipedrive's text (marketplace OAuth status codes page). */
export class OAuthError extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type',
    message: string,
  ) {
    super(message);
  }
}

export class OAuthTokens {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly grants = new Map<string, Grant>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly grantsById = new Map<number, Grant>();
  private readonly apiTokens = new Map<string, number>();
  private nextGrantId = 1;

  /**
   * @param scope the scopes the app is configured with (Developer Hub); a grant keeps the scopes it
   *   was installed with, so changing this affects only later installs
   */
  constructor(
    private readonly clock: Clock,
    public scope: string,
  ) {}

  issueCode(userId: number, redirectUri: string): string {
    const code = `${userId}.${this.nextGrantId}.${randomBytes(21).toString('hex')}`;
    this.codes.set(code, { userId, scope: this.scope, redirectUri, expiresAt: this.now() + CODE_TTL_MS, used: false });
    return code;
  }

  exchangeCode(code: string, redirectUri: string | undefined): TokenPair {
    const entry = this.codes.get(code);
    if (!entry || entry.used) throw new OAuthError('invalid_grant', 'Invalid grant: authorization_code is invalid');
    if (this.now() > entry.expiresAt)
      throw new OAuthError('invalid_grant', 'Invalid grant: authorization_code has expired');
    if (redirectUri !== entry.redirectUri)
      throw new OAuthError('invalid_request', 'Invalid request: redirect_uri is invalid');
    entry.used = true;
    const grant: Grant = {
      id: this.nextGrantId,
      userId: entry.userId,
      scope: entry.scope,
      refreshToken: `${this.nextGrantId}:${entry.userId}:${randomBytes(20).toString('hex')}`,
      refreshExpiresAt: this.now() + REFRESH_TTL_MS,
      revoked: false,
    };
    this.nextGrantId += 1;
    this.grants.set(grant.refreshToken, grant);
    this.grantsById.set(grant.id, grant);
    return this.issueAccess(grant);
  }

  refresh(refreshToken: string): TokenPair {
    const grant = this.grants.get(refreshToken);
    if (!grant || grant.revoked || this.now() > grant.refreshExpiresAt) {
      throw new OAuthError('invalid_grant', 'Invalid grant: refresh_token is invalid');
    }
    grant.refreshExpiresAt = this.now() + REFRESH_TTL_MS;
    return this.issueAccess(grant);
  }

  /** RFC 7009: unknown tokens are not an error. */
  revoke(token: string, hint: string | undefined): void {
    const grant = this.grants.get(token);
    if (grant && hint !== 'access_token') {
      grant.revoked = true;
      return;
    }
    const access = this.accessTokens.get(token);
    if (access) access.revoked = true;
  }

  /** Every grant revoked, as when the user uninstalls the app: its access tokens stop, refreshes get invalid_grant. */
  revokeAll(): number {
    const live = [...this.grants.values()].filter((grant) => !grant.revoked);
    for (const grant of live) grant.revoked = true;
    return live.length;
  }

  /** Ends access tokens now (all, or one), as if their hour had passed; the fault hook and inspection use it. */
  expireAccess(token?: string): number {
    let count = 0;
    for (const [value, access] of this.accessTokens) {
      if (token !== undefined && value !== token) continue;
      access.expiresAt = Math.min(access.expiresAt, this.now() - 1);
      count += 1;
    }
    return count;
  }

  setApiToken(userId: number, token: string): void {
    for (const [value, owner] of this.apiTokens) if (owner === userId) this.apiTokens.delete(value);
    this.apiTokens.set(token, userId);
  }

  apiTokenOf(userId: number): string | undefined {
    for (const [value, owner] of this.apiTokens) if (owner === userId) return value;
    return undefined;
  }

  /** Checks an `Authorization: Bearer` token or an `x-api-token`. */
  verify(bearer: string | undefined, apiToken: string | undefined): Credential {
    if (bearer !== undefined) {
      const access = this.accessTokens.get(bearer);
      const grant = access ? this.grantsById.get(access.grantId) : undefined;
      if (!access || !grant) return { ok: false, reason: 'invalid' };
      if (access.revoked || grant.revoked) return { ok: false, reason: 'revoked' };
      if (this.now() >= access.expiresAt) return { ok: false, reason: 'expired' };
      return { ok: true, userId: grant.userId, kind: 'oauth', token: bearer, scope: grant.scope };
    }
    if (apiToken !== undefined) {
      const userId = this.apiTokens.get(apiToken);
      return userId === undefined
        ? { ok: false, reason: 'invalid' }
        : { ok: true, userId, kind: 'api_token', token: apiToken };
    }
    return { ok: false, reason: 'missing' };
  }

  summary(): { grants: number; activeAccessTokens: number } {
    const now = this.now();
    const active = [...this.accessTokens.values()].filter((access) => !access.revoked && now < access.expiresAt);
    return {
      grants: [...this.grants.values()].filter((grant) => !grant.revoked).length,
      activeAccessTokens: active.length,
    };
  }

  /** Forgets every grant and code (API tokens stay: they belong to the users). */
  clearGrants(): void {
    this.codes.clear();
    this.grants.clear();
    this.grantsById.clear();
    this.accessTokens.clear();
  }

  private issueAccess(grant: Grant): TokenPair {
    const token = `v1u:${randomBytes(48).toString('base64')}`;
    this.accessTokens.set(token, { grantId: grant.id, expiresAt: this.now() + ACCESS_TTL_S * 1000, revoked: false });
    return {
      access_token: token,
      token_type: 'Bearer',
      refresh_token: grant.refreshToken,
      scope: grant.scope,
      expires_in: ACCESS_TTL_S,
    };
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
