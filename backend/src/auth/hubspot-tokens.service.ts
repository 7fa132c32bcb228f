import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/pool.js';
import { withTransaction } from '../db/pool.js';
import { hubspotTokensRepository } from '../db/repositories/hubspot-tokens.repository.js';
import { portalsRepository } from '../db/repositories/portals.repository.js';
import { HubSpotOAuthError, type HubSpotOAuthClient } from '../hubspot/hubspot-oauth.client.js';
import type { TokenVault } from './token-vault.js';

/** Refresh this long before expiry, so a token never expires in the middle of a batch. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** The portal's grant is gone (uninstalled or revoked): the user must reinstall the app. */
export class HubSpotReconnectNeeded extends Error {
  constructor(readonly portalId: number) {
    super(`HubSpot portal ${portalId} must reinstall the app`);
    this.name = 'HubSpotReconnectNeeded';
  }
}

/**
 * Hands out a valid access token per portal. Refreshes are collapsed in-process and serialised across
 * processes by a row lock; the row is re-read under the lock so a refresh token is spent once.
 */
export function createHubSpotTokens(deps: { db: Db; oauth: HubSpotOAuthClient; vault: TokenVault; clock: Clock; logger: Logger }) {
  const inFlight = new Map<number, Promise<string>>();
  const fresh = (expiresAt: Date) => expiresAt.getTime() - deps.clock.now().getTime() > REFRESH_MARGIN_MS;

  async function refreshUnderLock(portalId: number): Promise<string> {
    const outcome = await withTransaction(deps.db, async (tx) => {
      const tokens = await hubspotTokensRepository.findForUpdate(tx, portalId);
      if (!tokens) return { kind: 'missing' as const };
      if (fresh(tokens.expiresAt)) return { kind: 'token' as const, token: deps.vault.decrypt(tokens.accessTokenSealed) };
      try {
        const grant = await deps.oauth.refresh(deps.vault.decrypt(tokens.refreshTokenSealed));
        await hubspotTokensRepository.saveRefreshed(tx, {
          portalId,
          accessTokenSealed: deps.vault.encrypt(grant.accessToken),
          refreshTokenSealed: deps.vault.encrypt(grant.refreshToken),
          expiresAt: new Date(deps.clock.now().getTime() + grant.expiresInSeconds * 1000),
        });
        deps.logger.info({ portalId }, 'hubspot access token refreshed');
        return { kind: 'token' as const, token: grant.accessToken };
      } catch (error) {
        if (error instanceof HubSpotOAuthError && error.kind === 'invalid_grant') {
          await portalsRepository.markDisconnected(tx, portalId, 'invalid_grant');
          deps.logger.warn({ portalId }, 'hubspot refresh token refused: portal marked disconnected');
          return { kind: 'disconnected' as const };
        }
        throw error;
      }
    });
    if (outcome.kind !== 'token') throw new HubSpotReconnectNeeded(portalId);
    return outcome.token;
  }

  return {
    async accessToken(portalId: number): Promise<string> {
      const portal = await portalsRepository.find(deps.db, portalId);
      if (!portal || portal.status !== 'installed') throw new HubSpotReconnectNeeded(portalId);
      const tokens = await hubspotTokensRepository.find(deps.db, portalId);
      if (!tokens) throw new HubSpotReconnectNeeded(portalId);
      if (fresh(tokens.expiresAt)) return deps.vault.decrypt(tokens.accessTokenSealed);
      const pending = inFlight.get(portalId);
      if (pending) return pending;
      const refresh = refreshUnderLock(portalId).finally(() => inFlight.delete(portalId));
      inFlight.set(portalId, refresh);
      return refresh;
    },
  };
}
export type HubSpotTokens = ReturnType<typeof createHubSpotTokens>;
