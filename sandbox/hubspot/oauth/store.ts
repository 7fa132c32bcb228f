/**
 * OAuth grants as HubSpot keeps them: single-use authorization codes, access tokens that expire
 * (30 min), refresh tokens that do not rotate and live until revoked.
 * https://developers.hubspot.com/docs/api-reference/legacy/authentication/manage-oauth-tokens
 */
import { randomBytes } from 'node:crypto';

/** HubSpot codes are "a temporary, single-use code … a short window to exchange it"; the window is not published. */
export const AUTH_CODE_TTL_MS = 5 * 60 * 1000;

export interface Grant {
  portalId: number;
  userId: number;
  userEmail: string;
  scopes: string[];
  clientId: string;
}

export interface AuthCodeRecord extends Grant {
  code: string;
  redirectUri: string;
  expiresAt: number;
  used: boolean;
}

export interface RefreshTokenRecord extends Grant {
  token: string;
  revoked: boolean;
  /** How many refresh_token grants spent this token: proves a client refreshes once under concurrency. */
  refreshGrants: number;
}

export interface AccessTokenRecord extends Grant {
  token: string;
  expiresAt: number;
  refreshToken: string;
}

const opaque = (bytes: number): string => randomBytes(bytes).toString('base64url');

export class OAuthStore {
  private readonly codes = new Map<string, AuthCodeRecord>();
  private readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  private readonly accessTokens = new Map<string, AccessTokenRecord>();

  issueCode(grant: Grant, redirectUri: string, now: number): AuthCodeRecord {
    const record: AuthCodeRecord = {
      ...grant,
      code: opaque(27),
      redirectUri,
      expiresAt: now + AUTH_CODE_TTL_MS,
      used: false,
    };
    this.codes.set(record.code, record);
    return record;
  }

  code(code: string): AuthCodeRecord | undefined {
    return this.codes.get(code);
  }

  /** HubSpot refresh tokens carry the data-centre prefix (`na1-…`). */
  issueRefreshToken(grant: Grant): RefreshTokenRecord {
    const hex = randomBytes(16).toString('hex');
    const token = `na1-${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16)}`;
    const record: RefreshTokenRecord = { ...grant, token, revoked: false, refreshGrants: 0 };
    this.refreshTokens.set(token, record);
    return record;
  }

  refreshToken(token: string): RefreshTokenRecord | undefined {
    return this.refreshTokens.get(token);
  }

  issueAccessToken(refresh: RefreshTokenRecord, now: number, ttlSeconds: number): AccessTokenRecord {
    const { token: refreshToken, revoked: _revoked, refreshGrants: _grants, ...grant } = refresh;
    const record: AccessTokenRecord = {
      ...grant,
      token: `CN${opaque(48)}`,
      expiresAt: now + ttlSeconds * 1000,
      refreshToken,
    };
    this.accessTokens.set(record.token, record);
    return record;
  }

  accessToken(token: string): AccessTokenRecord | undefined {
    return this.accessTokens.get(token);
  }

  /** Revoking a portal's refresh tokens also ends its access tokens, as an uninstall does. */
  revokePortal(portalId: number): number {
    let revoked = 0;
    for (const record of this.refreshTokens.values()) {
      if (record.portalId === portalId && !record.revoked) {
        record.revoked = true;
        revoked += 1;
      }
    }
    for (const [token, record] of this.accessTokens) if (record.portalId === portalId) this.accessTokens.delete(token);
    return revoked;
  }

  revokeRefreshToken(token: string): void {
    const record = this.refreshTokens.get(token);
    if (!record) return;
    record.revoked = true;
    for (const [access, accessRecord] of this.accessTokens)
      if (accessRecord.refreshToken === token) this.accessTokens.delete(access);
  }

  refreshTokenStats(): Array<{ refreshToken: string; portalId: number; refreshGrants: number; revoked: boolean }> {
    return [...this.refreshTokens.values()].map((r) => ({
      refreshToken: r.token,
      portalId: r.portalId,
      refreshGrants: r.refreshGrants,
      revoked: r.revoked,
    }));
  }

  clear(): void {
    this.codes.clear();
    this.refreshTokens.clear();
    this.accessTokens.clear();
  }
}
