import type { Clock } from '../clock.js';
import type { AppConfig } from '../config/config.js';
import type { Db } from '../db/pool.js';
import { withTransaction } from '../db/pool.js';
import { hubspotTokensRepository } from '../db/repositories/hubspot-tokens.repository.js';
import { type Portal, portalsRepository } from '../db/repositories/portals.repository.js';
import { forbidden, invalid, upstreamFailed } from '../domain-errors.js';
import type { AppManifest } from '../hubspot/app-manifest.js';
import { type HubSpotOAuthClient, HubSpotOAuthError } from '../hubspot/hubspot-oauth.client.js';
import type { OAuthStates } from './oauth-states.js';
import { portalTokenAad, type TokenVault } from './token-vault.js';

export const HUBSPOT_CALLBACK_PATH = '/oauth/hubspot/callback';

/** The marketplace install: authorize URL with a stored state, then code exchange and encrypted token storage. */
export function createHubSpotInstallService(deps: {
  db: Db;
  config: AppConfig;
  manifest: AppManifest;
  states: OAuthStates;
  oauth: HubSpotOAuthClient;
  vault: TokenVault;
  clock: Clock;
  /** After the grant is stored: what waited for the portal's access (jobs paused for a reconnect) goes on. */
  onInstalled?: (portalId: number) => Promise<void>;
}) {
  const redirectUri = `${deps.config.publicApiOrigin}${HUBSPOT_CALLBACK_PATH}`;

  return {
    /** HubSpot's authorize URL, and the nonce the browser must hold (cookie) to finish this install. */
    async authorizeUrl(): Promise<{ url: string; browserNonce: string }> {
      const { state, browserNonce } = await deps.states.issueForBrowser('hubspot_install');
      const url = new URL('/oauth/authorize', deps.config.hubspot.appBaseUrl);
      url.searchParams.set('client_id', deps.config.hubspot.clientId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('scope', deps.manifest.requiredScopes.join(' '));
      if (deps.manifest.optionalScopes.length > 0)
        url.searchParams.set('optional_scope', deps.manifest.optionalScopes.join(' '));
      url.searchParams.set('state', state);
      return { url: url.toString(), browserNonce };
    },

    async completeInstall(input: { code: string; state: string; browserNonce: string | undefined }): Promise<Portal> {
      const outcome = await deps.states.consumeInBrowser('hubspot_install', input.state, input.browserNonce);
      if (!outcome.ok && outcome.reason === 'unknown') {
        throw invalid(
          'invalid_state',
          'This install link has expired or was already used. Start the install again from HubSpot.',
        );
      }
      if (!outcome.ok) {
        throw forbidden(
          'other_browser',
          'This install was started in another browser (or its cookie is gone). Start the install again from HubSpot, in this browser.',
        );
      }
      try {
        const grant = await deps.oauth.exchangeCode(input.code, redirectUri);
        const info = await deps.oauth.tokenInfo(grant.accessToken);
        if (deps.config.hubspot.appId !== undefined && info.appId !== deps.config.hubspot.appId) {
          throw forbidden('wrong_app', 'The token HubSpot returned belongs to another app.');
        }
        const expiresAt = new Date(deps.clock.now().getTime() + grant.expiresInSeconds * 1000);
        const installed = await withTransaction(deps.db, async (tx) => {
          const portal = await portalsRepository.upsertInstalled(tx, {
            id: info.hubId,
            hubDomain: info.hubDomain,
            installedByUserId: info.userId,
            scopes: info.scopes,
          });
          await hubspotTokensRepository.save(tx, {
            portalId: info.hubId,
            accessTokenSealed: deps.vault.encrypt(grant.accessToken, portalTokenAad(info.hubId)),
            refreshTokenSealed: deps.vault.encrypt(grant.refreshToken, portalTokenAad(info.hubId)),
            expiresAt,
          });
          return portal;
        });
        await deps.onInstalled?.(installed.id);
        return installed;
      } catch (error) {
        if (error instanceof HubSpotOAuthError) {
          if (error.kind === 'invalid_grant') {
            throw invalid(
              'invalid_code',
              'HubSpot did not accept the authorization code. Start the install again from HubSpot.',
            );
          }
          throw upstreamFailed(
            'hubspot_oauth_failed',
            'HubSpot could not complete the install. Try again in a moment.',
          );
        }
        throw error;
      }
    },
  };
}
export type HubSpotInstallService = ReturnType<typeof createHubSpotInstallService>;
