import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { type Db, type Queryable, withTransaction } from '../db/pool.js';
import type { TokenVault } from './token-vault.js';

/** Refresh this long before expiry, so a token never expires in the middle of a batch. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

export interface SealedGrant {
  accessTokenSealed: string;
  refreshTokenSealed: string;
  expiresAt: Date;
}

export interface FreshGrant {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

/** Where one kind of grant (a portal's HubSpot grant, a connection's source grant) is stored and refreshed. */
export interface GrantStore<Key, Grant extends FreshGrant> {
  /** The additional authenticated data binding the row's sealed tokens to it. */
  aad(key: Key): string;
  /** The stored grant when it may be used (null: gone, revoked or disconnected). */
  read(db: Queryable, key: Key): Promise<SealedGrant | null>;
  /** The same, locking the row until the transaction ends. */
  readForUpdate(db: Queryable, key: Key): Promise<SealedGrant | null>;
  refresh(db: Queryable, key: Key, refreshToken: string): Promise<Grant>;
  save(db: Queryable, key: Key, sealed: SealedGrant, grant: Grant): Promise<void>;
  /** True when the refresh failure means the grant is dead (invalid_grant, revoked). */
  isRevocation(error: unknown): boolean;
  markRevoked(db: Queryable, key: Key): Promise<void>;
  revokedError(key: Key): Error;
}

/**
 * Hands out valid access tokens. Refreshes are collapsed in-process and serialised across processes by a
 * row lock; the row is re-read under the lock, so two workers never both spend a refresh token.
 */
export function createTokenKeeper<Key extends string | number, Grant extends FreshGrant>(deps: {
  db: Db;
  vault: TokenVault;
  clock: Clock;
  logger: Logger;
  store: GrantStore<Key, Grant>;
  name: string;
}) {
  const inFlight = new Map<Key, Promise<string>>();
  const fresh = (expiresAt: Date) => expiresAt.getTime() - deps.clock.now().getTime() > REFRESH_MARGIN_MS;

  /** `refused`: the API refused this access token before its expiry, so it is replaced unless already done. */
  async function refreshUnderLock(key: Key, refused?: string): Promise<string> {
    const outcome = await withTransaction(deps.db, async (tx) => {
      const stored = await deps.store.readForUpdate(tx, key);
      if (!stored) return null;
      const current = deps.vault.decrypt(stored.accessTokenSealed, deps.store.aad(key));
      if (fresh(stored.expiresAt) && (refused === undefined || current !== refused)) return current;
      try {
        const grant = await deps.store.refresh(
          tx,
          key,
          deps.vault.decrypt(stored.refreshTokenSealed, deps.store.aad(key)),
        );
        const sealed: SealedGrant = {
          accessTokenSealed: deps.vault.encrypt(grant.accessToken, deps.store.aad(key)),
          refreshTokenSealed: deps.vault.encrypt(grant.refreshToken, deps.store.aad(key)),
          expiresAt: new Date(deps.clock.now().getTime() + grant.expiresInSeconds * 1000),
        };
        await deps.store.save(tx, key, sealed, grant);
        deps.logger.info({ key }, `${deps.name} access token refreshed`);
        return grant.accessToken;
      } catch (error) {
        if (!deps.store.isRevocation(error)) throw error;
        await deps.store.markRevoked(tx, key);
        deps.logger.warn({ key }, `${deps.name} grant refused on refresh: reconnect needed`);
        return null;
      }
    });
    if (outcome === null) throw deps.store.revokedError(key);
    return outcome;
  }

  return {
    async accessToken(key: Key): Promise<string> {
      const stored = await deps.store.read(deps.db, key);
      if (!stored) throw deps.store.revokedError(key);
      if (fresh(stored.expiresAt)) return deps.vault.decrypt(stored.accessTokenSealed, deps.store.aad(key));
      const pending = inFlight.get(key);
      if (pending) return pending;
      const refresh = refreshUnderLock(key).finally(() => inFlight.delete(key));
      inFlight.set(key, refresh);
      return refresh;
    },

    /**
     * The API refused the current access token before it expired (401): a new one from the refresh token,
     * or the grant's revoked error (marked revoked) when the refresh is refused too.
     */
    async refreshRefused(key: Key): Promise<string> {
      const stored = await deps.store.read(deps.db, key);
      if (!stored) throw deps.store.revokedError(key);
      return refreshUnderLock(key, deps.vault.decrypt(stored.accessTokenSealed, deps.store.aad(key)));
    },
  };
}
