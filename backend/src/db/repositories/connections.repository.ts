import type { SourceId } from '../../../../shared/src/contracts/index.js';
import type { Queryable } from '../pool.js';

export type ConnectionStatus = 'connected' | 'reconnect_needed' | 'disconnected';

/** A connection row; token columns are sealed (encrypted) and never leave repositories/services unsealed. */
export interface Connection {
  id: string;
  portalId: number;
  source: SourceId;
  status: ConnectionStatus;
  sourceAccountId: string | null;
  sourceAccountName: string | null;
  apiDomain: string | null;
  accessTokenSealed: string | null;
  refreshTokenSealed: string | null;
  expiresAt: Date | null;
  scopes: string[];
  connectedByUserId: number | null;
  statusReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface ConnectionRow {
  id: string;
  portal_id: string;
  source: SourceId;
  status: ConnectionStatus;
  source_account_id: string | null;
  source_account_name: string | null;
  api_domain: string | null;
  access_token_enc: string | null;
  refresh_token_enc: string | null;
  expires_at: Date | null;
  scopes: string[];
  connected_by_user_id: string | null;
  status_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

const fromRow = (row: ConnectionRow): Connection => ({
  id: row.id,
  portalId: Number(row.portal_id),
  source: row.source,
  status: row.status,
  sourceAccountId: row.source_account_id,
  sourceAccountName: row.source_account_name,
  apiDomain: row.api_domain,
  accessTokenSealed: row.access_token_enc,
  refreshTokenSealed: row.refresh_token_enc,
  expiresAt: row.expires_at,
  scopes: row.scopes,
  connectedByUserId: row.connected_by_user_id === null ? null : Number(row.connected_by_user_id),
  statusReason: row.status_reason,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export interface SealedSourceGrant {
  accessTokenSealed: string;
  refreshTokenSealed: string;
  expiresAt: Date;
  scopes: string[];
  apiDomain: string | null;
}

export const connectionsRepository = {
  /** The portal's live (not disconnected) connection to a source. */
  async findLive(db: Queryable, portalId: number, source: SourceId): Promise<Connection | null> {
    const result = await db.query<ConnectionRow>(
      `SELECT * FROM connections WHERE portal_id = $1 AND source = $2 AND status <> 'disconnected'`,
      [portalId, source],
    );
    return result.rows[0] ? fromRow(result.rows[0]) : null;
  },

  async find(db: Queryable, id: string): Promise<Connection | null> {
    const result = await db.query<ConnectionRow>('SELECT * FROM connections WHERE id = $1', [id]);
    return result.rows[0] ? fromRow(result.rows[0]) : null;
  },

  async findForUpdate(db: Queryable, id: string): Promise<Connection | null> {
    const result = await db.query<ConnectionRow>('SELECT * FROM connections WHERE id = $1 FOR UPDATE', [id]);
    return result.rows[0] ? fromRow(result.rows[0]) : null;
  },

  /** The live connection, locked until the transaction ends (the id a reconnect's tokens are sealed to). */
  async findLiveForUpdate(db: Queryable, portalId: number, source: SourceId): Promise<Connection | null> {
    const result = await db.query<ConnectionRow>(
      `SELECT * FROM connections WHERE portal_id = $1 AND source = $2 AND status <> 'disconnected' FOR UPDATE`,
      [portalId, source],
    );
    return result.rows[0] ? fromRow(result.rows[0]) : null;
  },

  /**
   * Connects (or reconnects) the portal to a source account with a fresh grant: the live connection `id`
   * is updated, or a connection with that id is created.
   */
  async upsertConnected(
    db: Queryable,
    input: {
      id: string;
      portalId: number;
      source: SourceId;
      userId: number;
      accountId: string;
      accountName: string | null;
      grant: SealedSourceGrant;
    },
  ): Promise<Connection> {
    const { grant } = input;
    const result = await db.query<ConnectionRow>(
      `INSERT INTO connections (id, portal_id, source, status, source_account_id, source_account_name, api_domain,
         access_token_enc, refresh_token_enc, expires_at, scopes, connected_by_user_id)
       VALUES ($1, $2, $3, 'connected', $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (id) DO UPDATE SET status = 'connected', source_account_id = EXCLUDED.source_account_id,
         source_account_name = EXCLUDED.source_account_name, api_domain = EXCLUDED.api_domain,
         access_token_enc = EXCLUDED.access_token_enc, refresh_token_enc = EXCLUDED.refresh_token_enc,
         expires_at = EXCLUDED.expires_at, scopes = EXCLUDED.scopes, connected_by_user_id = EXCLUDED.connected_by_user_id,
         status_reason = NULL, updated_at = now()
       RETURNING *`,
      [
        input.id,
        input.portalId,
        input.source,
        input.accountId,
        input.accountName,
        grant.apiDomain,
        grant.accessTokenSealed,
        grant.refreshTokenSealed,
        grant.expiresAt,
        grant.scopes,
        input.userId,
      ],
    );
    return fromRow(result.rows[0] as ConnectionRow);
  },

  /** Connections whose tokens are still sealed the legacy way (not bound to the row). */
  async listLegacySealed(db: Queryable): Promise<Connection[]> {
    const result = await db.query<ConnectionRow>(
      `SELECT * FROM connections WHERE access_token_enc LIKE 'v1.%' OR refresh_token_enc LIKE 'v1.%' FOR UPDATE`,
    );
    return result.rows.map(fromRow);
  },

  async replaceSealed(
    db: Queryable,
    id: string,
    sealed: { accessTokenSealed: string | null; refreshTokenSealed: string | null },
  ): Promise<void> {
    await db.query('UPDATE connections SET access_token_enc = $2, refresh_token_enc = $3 WHERE id = $1', [
      id,
      sealed.accessTokenSealed,
      sealed.refreshTokenSealed,
    ]);
  },

  async saveRefreshed(db: Queryable, id: string, grant: SealedSourceGrant): Promise<void> {
    await db.query(
      `UPDATE connections SET access_token_enc = $2, refresh_token_enc = $3, expires_at = $4, scopes = $5,
         api_domain = coalesce($6, api_domain), updated_at = now() WHERE id = $1`,
      [id, grant.accessTokenSealed, grant.refreshTokenSealed, grant.expiresAt, grant.scopes, grant.apiDomain],
    );
  },

  async markReconnectNeeded(db: Queryable, id: string, reason: string): Promise<void> {
    await db.query(
      `UPDATE connections SET status = 'reconnect_needed', status_reason = $2, updated_at = now() WHERE id = $1 AND status = 'connected'`,
      [id, reason],
    );
  },

  /** Disconnect forgets the tokens; the row stays as the history audits and transfers point to. */
  async disconnect(db: Queryable, id: string): Promise<void> {
    await db.query(
      `UPDATE connections SET status = 'disconnected', access_token_enc = NULL, refresh_token_enc = NULL,
         expires_at = NULL, status_reason = 'disconnected by the user', updated_at = now() WHERE id = $1`,
      [id],
    );
  },
};
