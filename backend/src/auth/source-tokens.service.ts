import type { Logger } from 'pino';
import type { SourceId } from '../../../shared/src/contracts/index.js';
import type { Clock } from '../clock.js';
import type { Db, Queryable } from '../db/pool.js';
import { connectionsRepository } from '../db/repositories/connections.repository.js';
import { SourceAuthError, type SourceConnector, type SourceGrant } from '../sources/connector.js';
import type { ApiDomainCheck } from './api-domain.js';
import { createTokenKeeper, type GrantStore } from './token-keeper.service.js';
import { connectionTokenAad, type TokenVault } from './token-vault.js';

/** The source no longer accepts our grant: the user must reconnect it. */
export class SourceReconnectNeeded extends Error {
  constructor(readonly connectionId: string) {
    super(`connection ${connectionId} must be reconnected`);
    this.name = 'SourceReconnectNeeded';
  }
}

/** Valid source access tokens per connection; a refused refresh marks the connection "reconnect needed". */
export function createSourceTokens(deps: {
  db: Db;
  vault: TokenVault;
  clock: Clock;
  logger: Logger;
  connector: (source: SourceId) => SourceConnector;
  apiDomainAllowed: ApiDomainCheck;
}) {
  const usable = async (db: Queryable, connectionId: string, lock: boolean) => {
    const connection = lock
      ? await connectionsRepository.findForUpdate(db, connectionId)
      : await connectionsRepository.find(db, connectionId);
    if (
      connection?.status !== 'connected' ||
      !connection.accessTokenSealed ||
      !connection.refreshTokenSealed ||
      !connection.expiresAt
    ) {
      return null;
    }
    return {
      accessTokenSealed: connection.accessTokenSealed,
      refreshTokenSealed: connection.refreshTokenSealed,
      expiresAt: connection.expiresAt,
    };
  };
  const store: GrantStore<string, SourceGrant> = {
    aad: connectionTokenAad,
    read: (db, id) => usable(db, id, false),
    readForUpdate: (db, id) => usable(db, id, true),
    refresh: async (db, id, refreshToken) => {
      const connection = await connectionsRepository.find(db, id);
      if (!connection) throw new SourceReconnectNeeded(id);
      return deps.connector(connection.source).refresh(refreshToken);
    },
    save: async (db, id, sealed, grant) => {
      const connection = await connectionsRepository.find(db, id);
      // An untrusted host is refused (the connection keeps its host) and recorded; the fresh tokens are kept.
      const trusted = connection !== null && deps.apiDomainAllowed(connection.source, grant.apiDomain);
      if (!trusted)
        deps.logger.warn(
          { connectionId: id, apiDomain: grant.apiDomain },
          'refresh named an untrusted API host: ignored',
        );
      await connectionsRepository.saveRefreshed(db, id, {
        ...sealed,
        scopes: grant.scopes,
        apiDomain: trusted ? grant.apiDomain : null,
      });
    },
    isRevocation: (error) => error instanceof SourceAuthError,
    markRevoked: (db, id) =>
      connectionsRepository.markReconnectNeeded(db, id, 'The source refused our access (revoked or uninstalled).'),
    revokedError: (id) => new SourceReconnectNeeded(id),
  };
  return createTokenKeeper({ ...deps, store, name: 'source' });
}
export type SourceTokens = ReturnType<typeof createSourceTokens>;
