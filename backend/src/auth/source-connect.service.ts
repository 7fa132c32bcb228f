import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ConnectionResponse, SourceId } from '../../../shared/src/contracts/index.js';
import type { Clock } from '../clock.js';
import { type Db, withTransaction } from '../db/pool.js';
import { connectionsRepository } from '../db/repositories/connections.repository.js';
import { jobsRepository } from '../db/repositories/jobs.repository.js';
import { forbidden, invalid, notFound, upstreamFailed } from '../domain-errors.js';
import { type SourceAccess, SourceAuthError, type SourceConnector } from '../sources/connector.js';
import type { ApiDomainCheck } from './api-domain.js';
import type { ConnectTickets } from './connect-tickets.service.js';
import type { OAuthStates } from './oauth-states.js';
import { connectionTokenAad, type TokenVault } from './token-vault.js';

class UntrustedApiDomain extends Error {
  constructor(readonly apiDomain: string | null) {
    super('untrusted api domain');
  }
}

/** Connecting a source from inside HubSpot: ticket → source OAuth → encrypted grant bound to the portal. */
export function createSourceConnectService(deps: {
  db: Db;
  logger: Logger;
  clock: Clock;
  publicApiOrigin: string;
  tickets: ConnectTickets;
  states: OAuthStates;
  vault: TokenVault;
  connector: (source: SourceId) => SourceConnector;
  apiDomainAllowed: ApiDomainCheck;
  /** After the grant is stored: what waited for this connection (jobs paused for a reconnect) goes on. */
  onConnected?: (input: { portalId: number; source: SourceId; connectionId: string }) => Promise<void>;
}) {
  const redirectUri = (source: SourceId) => `${deps.publicApiOrigin}/oauth/${source}/callback`;

  return {
    /**
     * The source's authorize URL for the holder of a valid ticket, and the nonce the browser must hold
     * (cookie) for the callback: the flow is finished only in the browser that started it.
     */
    async start(source: SourceId, ticket: string): Promise<{ url: string; browserNonce: string }> {
      const holder = await deps.tickets.redeem(ticket, source);
      if (!holder)
        throw invalid('invalid_ticket', 'This connect link has expired or was already used. Start again from HubSpot.');
      const { state, browserNonce } = await deps.states.issueForBrowser('source_connect', {
        portalId: holder.portalId,
        userId: holder.userId,
        source,
      });
      return { url: deps.connector(source).authorizeUrl({ state, redirectUri: redirectUri(source) }), browserNonce };
    },

    /** Connects the account; returns who connected (admin or not) and the scopes the grant lacks, to say so at once. */
    async complete(
      source: SourceId,
      input: { code: string; state: string; browserNonce: string | undefined },
    ): Promise<SourceAccess> {
      const outcome = await deps.states.consumeInBrowser('source_connect', input.state, input.browserNonce);
      if (!outcome.ok && outcome.reason === 'other_browser') {
        throw forbidden(
          'other_browser',
          'This connection was started in another browser (or its cookie is gone), so nothing was connected. Start again from HubSpot, in this browser.',
        );
      }
      const payload = outcome.ok ? outcome.payload : null;
      if (!payload || payload.source !== source) {
        throw invalid('invalid_state', 'This connect link has expired or was already used. Start again from HubSpot.');
      }
      const connector = deps.connector(source);
      let grant;
      let account;
      let access: SourceAccess;
      try {
        grant = await connector.exchangeCode({ code: input.code, redirectUri: redirectUri(source) });
        if (!deps.apiDomainAllowed(source, grant.apiDomain)) throw new UntrustedApiDomain(grant.apiDomain);
        const accessToken = grant.accessToken;
        const session = connector.session({ apiDomain: grant.apiDomain, accessToken: async () => accessToken });
        // Who connected and what the grant lacks, said at once: every list answers with what this user may see.
        [account, access] = await Promise.all([session.account(), session.access(grant.scopes)]);
      } catch (error) {
        if (error instanceof UntrustedApiDomain) {
          deps.logger.warn(
            { source, apiDomain: error.apiDomain },
            'source named an untrusted API host: connect refused',
          );
          throw upstreamFailed(
            'source_api_domain_refused',
            'The app named an API host we do not trust, so nothing was connected. Contact support.',
          );
        }
        if (error instanceof SourceAuthError)
          throw invalid('invalid_code', 'The app did not accept the authorization. Start again from HubSpot.');
        deps.logger.warn({ source, err: error }, 'source connect failed');
        throw upstreamFailed(
          'source_unavailable',
          'We could not reach the app to finish connecting. Try again in a moment.',
        );
      }
      const portalId = Number(payload.portalId);
      const connectionId = await withTransaction(deps.db, async (tx) => {
        // The tokens are sealed to the row they go to: the live connection, or the new one's id.
        const id = (await connectionsRepository.findLiveForUpdate(tx, portalId, source))?.id ?? randomUUID();
        await connectionsRepository.upsertConnected(tx, {
          id,
          portalId,
          source,
          userId: Number(payload.userId),
          accountId: account.accountId,
          accountName: account.accountName,
          grant: {
            accessTokenSealed: deps.vault.encrypt(grant.accessToken, connectionTokenAad(id)),
            refreshTokenSealed: deps.vault.encrypt(grant.refreshToken, connectionTokenAad(id)),
            expiresAt: new Date(deps.clock.now().getTime() + grant.expiresInSeconds * 1000),
            scopes: grant.scopes,
            apiDomain: grant.apiDomain,
          },
        });
        return id;
      });
      await deps.onConnected?.({ portalId, source, connectionId });
      return access;
    },

    async status(portalId: number, source: SourceId): Promise<ConnectionResponse> {
      const connection = await connectionsRepository.findLive(deps.db, portalId, source);
      if (!connection) return { source, status: 'not_connected', accountName: null, reason: null, connectedAt: null };
      return {
        source,
        status: connection.status === 'connected' ? 'connected' : 'reconnect_needed',
        accountName: connection.sourceAccountName,
        reason:
          connection.status === 'connected' ? null : 'The app no longer accepts our access. Reconnect to continue.',
        connectedAt: connection.updatedAt.toISOString(),
      };
    },

    /** Forgets the grant and cancels the connection's unfinished job. */
    async disconnect(portalId: number, source: SourceId): Promise<void> {
      const connection = await connectionsRepository.findLive(deps.db, portalId, source);
      if (!connection) throw notFound('not_connected', 'This app is not connected.');
      await withTransaction(deps.db, async (tx) => {
        await jobsRepository.cancelActive(tx, connection.id, 'The app was disconnected.');
        await connectionsRepository.disconnect(tx, connection.id);
      });
    },
  };
}
export type SourceConnectService = ReturnType<typeof createSourceConnectService>;
