import type { Queryable } from '../pool.js';

/** Sealed (encrypted) tokens only: this repository never sees plaintext. */
export interface SealedHubSpotTokens {
  portalId: number;
  accessTokenSealed: string;
  refreshTokenSealed: string;
  expiresAt: Date;
}

interface TokenRow {
  portal_id: string;
  access_token_enc: string;
  refresh_token_enc: string;
  expires_at: Date;
}

const fromRow = (row: TokenRow): SealedHubSpotTokens => ({
  portalId: Number(row.portal_id),
  accessTokenSealed: row.access_token_enc,
  refreshTokenSealed: row.refresh_token_enc,
  expiresAt: row.expires_at,
});

export const hubspotTokensRepository = {
  async find(db: Queryable, portalId: number): Promise<SealedHubSpotTokens | null> {
    const result = await db.query<TokenRow>('SELECT * FROM hubspot_tokens WHERE portal_id = $1', [portalId]);
    return result.rows[0] ? fromRow(result.rows[0]) : null;
  },

  /** The tokens of a portal that is installed (null: no tokens, or the portal is not installed), in one query. */
  async findInstalled(db: Queryable, portalId: number): Promise<SealedHubSpotTokens | null> {
    const result = await db.query<TokenRow>(
      `SELECT t.* FROM hubspot_tokens t JOIN portals p ON p.id = t.portal_id WHERE t.portal_id = $1 AND p.status = 'installed'`,
      [portalId],
    );
    return result.rows[0] ? fromRow(result.rows[0]) : null;
  },

  /** Locks the portal's token row until the transaction ends: the per-portal refresh lock. */
  async findForUpdate(db: Queryable, portalId: number): Promise<SealedHubSpotTokens | null> {
    const result = await db.query<TokenRow>('SELECT * FROM hubspot_tokens WHERE portal_id = $1 FOR UPDATE', [portalId]);
    return result.rows[0] ? fromRow(result.rows[0]) : null;
  },

  async save(db: Queryable, tokens: SealedHubSpotTokens): Promise<void> {
    await db.query(
      `INSERT INTO hubspot_tokens (portal_id, access_token_enc, refresh_token_enc, expires_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (portal_id) DO UPDATE SET access_token_enc = EXCLUDED.access_token_enc,
         refresh_token_enc = EXCLUDED.refresh_token_enc, expires_at = EXCLUDED.expires_at, updated_at = now()`,
      [tokens.portalId, tokens.accessTokenSealed, tokens.refreshTokenSealed, tokens.expiresAt],
    );
  },

  /** Token rows still sealed the legacy way (not bound to the portal), locked until the transaction ends. */
  async listLegacySealed(db: Queryable): Promise<SealedHubSpotTokens[]> {
    const result = await db.query<TokenRow>(
      `SELECT * FROM hubspot_tokens WHERE access_token_enc LIKE 'v1.%' OR refresh_token_enc LIKE 'v1.%' FOR UPDATE`,
    );
    return result.rows.map(fromRow);
  },

  async replaceSealed(db: Queryable, tokens: Omit<SealedHubSpotTokens, 'expiresAt'>): Promise<void> {
    await db.query('UPDATE hubspot_tokens SET access_token_enc = $2, refresh_token_enc = $3 WHERE portal_id = $1', [
      tokens.portalId,
      tokens.accessTokenSealed,
      tokens.refreshTokenSealed,
    ]);
  },

  async saveRefreshed(db: Queryable, tokens: SealedHubSpotTokens): Promise<void> {
    await db.query(
      `UPDATE hubspot_tokens SET access_token_enc = $2, refresh_token_enc = $3, expires_at = $4,
         refreshed_at = now(), refresh_count = refresh_count + 1, updated_at = now()
       WHERE portal_id = $1`,
      [tokens.portalId, tokens.accessTokenSealed, tokens.refreshTokenSealed, tokens.expiresAt],
    );
  },
};
