import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { connectionsRepository } from '../../backend/src/db/repositories/connections.repository.js';
import { portalsRepository } from '../../backend/src/db/repositories/portals.repository.js';

/** An installed portal with a connected Pipedrive connection (tokens are opaque sealed strings here). */
export async function portalWithConnection(pool: pg.Pool, portalId: number) {
  await portalsRepository.upsertInstalled(pool, {
    id: portalId,
    hubDomain: null,
    installedByUserId: 1,
    scopes: ['oauth'],
  });
  return connectionsRepository.upsertConnected(pool, {
    id: randomUUID(),
    portalId,
    source: 'pipedrive',
    userId: 1,
    accountId: `company-${portalId}`,
    accountName: 'Test company',
    grant: {
      accessTokenSealed: 'sealed-a',
      refreshTokenSealed: 'sealed-r',
      expiresAt: new Date(Date.now() + 3600_000),
      scopes: ['base'],
      apiDomain: null,
    },
  });
}
