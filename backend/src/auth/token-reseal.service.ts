import type { Logger } from 'pino';
import { type Db, withTransaction } from '../db/pool.js';
import { connectionsRepository } from '../db/repositories/connections.repository.js';
import { hubspotTokensRepository } from '../db/repositories/hubspot-tokens.repository.js';
import { connectionTokenAad, portalTokenAad, type TokenVault } from './token-vault.js';

/**
 * Re-seals tokens stored before they were bound to their row (the key is not available to SQL
 * migrations, so this runs at start-up). Rows are locked, so concurrent starts re-seal each row once.
 */
export async function resealLegacyTokens(deps: { db: Db; vault: TokenVault; logger: Logger }): Promise<number> {
  const { vault } = deps;
  const reseal = <T extends string | null>(sealed: T, aad: string): T | string =>
    sealed !== null && vault.isLegacy(sealed) ? vault.encrypt(vault.decryptLegacy(sealed), aad) : sealed;
  const count = await withTransaction(deps.db, async (tx) => {
    const portals = await hubspotTokensRepository.listLegacySealed(tx);
    for (const row of portals) {
      const aad = portalTokenAad(row.portalId);
      await hubspotTokensRepository.replaceSealed(tx, {
        portalId: row.portalId,
        accessTokenSealed: reseal(row.accessTokenSealed, aad),
        refreshTokenSealed: reseal(row.refreshTokenSealed, aad),
      });
    }
    const connections = await connectionsRepository.listLegacySealed(tx);
    for (const row of connections) {
      const aad = connectionTokenAad(row.id);
      await connectionsRepository.replaceSealed(tx, row.id, {
        accessTokenSealed: reseal(row.accessTokenSealed, aad),
        refreshTokenSealed: reseal(row.refreshTokenSealed, aad),
      });
    }
    return portals.length + connections.length;
  });
  if (count > 0) deps.logger.info({ rows: count }, 'legacy sealed tokens re-sealed to their rows');
  return count;
}
