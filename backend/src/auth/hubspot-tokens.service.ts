import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/pool.js';
import { hubspotTokensRepository } from '../db/repositories/hubspot-tokens.repository.js';
import { portalsRepository } from '../db/repositories/portals.repository.js';
import { type HubSpotOAuthClient, HubSpotOAuthError, type HubSpotTokenGrant } from '../hubspot/hubspot-oauth.client.js';
import { createTokenKeeper, type GrantStore } from './token-keeper.service.js';
import { portalTokenAad, type TokenVault } from './token-vault.js';

/** The portal's grant is gone (uninstalled or revoked): the user must reinstall the app. */
export class HubSpotReconnectNeeded extends Error {
  constructor(readonly portalId: number) {
    super(`HubSpot portal ${portalId} must reinstall the app`);
    this.name = 'HubSpotReconnectNeeded';
  }
}

/** Valid HubSpot access tokens per portal; `invalid_grant` on refresh marks the portal disconnected. */
export function createHubSpotTokens(deps: {
  db: Db;
  oauth: HubSpotOAuthClient;
  vault: TokenVault;
  clock: Clock;
  logger: Logger;
}) {
  const store: GrantStore<number, HubSpotTokenGrant> = {
    aad: portalTokenAad,
    // Read before every HubSpot call: one query.
    read: (db, portalId) => hubspotTokensRepository.findInstalled(db, portalId),
    async readForUpdate(db, portalId) {
      const portal = await portalsRepository.find(db, portalId);
      return portal?.status === 'installed' ? hubspotTokensRepository.findForUpdate(db, portalId) : null;
    },
    refresh: (_db, _portalId, refreshToken) => deps.oauth.refresh(refreshToken),
    save: (db, portalId, sealed) => hubspotTokensRepository.saveRefreshed(db, { portalId, ...sealed }),
    isRevocation: (error) => error instanceof HubSpotOAuthError && error.kind === 'invalid_grant',
    markRevoked: (db, portalId) => portalsRepository.markDisconnected(db, portalId, 'invalid_grant'),
    revokedError: (portalId) => new HubSpotReconnectNeeded(portalId),
  };
  return createTokenKeeper({ ...deps, store, name: 'hubspot' });
}
export type HubSpotTokens = ReturnType<typeof createHubSpotTokens>;
