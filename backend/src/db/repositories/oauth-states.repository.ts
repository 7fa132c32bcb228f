import type { Queryable } from '../pool.js';

/** hubspot_install: the app install; connect_ticket: a UI-issued ticket to start a source connect; source_connect: the source OAuth state; download_link: a short-lived link to download a file (e.g. an audit CSV) in a browser tab. */
export type OAuthStatePurpose = 'hubspot_install' | 'connect_ticket' | 'source_connect' | 'download_link';

export const oauthStatesRepository = {
  async insert(
    db: Queryable,
    state: { hash: string; purpose: OAuthStatePurpose; payload: Record<string, unknown>; expiresAt: Date },
  ): Promise<void> {
    await db.query('INSERT INTO oauth_states (state_hash, purpose, payload, expires_at) VALUES ($1, $2, $3, $4)', [
      state.hash,
      state.purpose,
      JSON.stringify(state.payload),
      state.expiresAt,
    ]);
  },

  /** Deletes and returns an unexpired state in one statement, so a state can be used once only. */
  async consume(db: Queryable, hash: string, purpose: OAuthStatePurpose, now: Date): Promise<Record<string, unknown> | null> {
    const result = await db.query<{ payload: Record<string, unknown>; expires_at: Date }>(
      'DELETE FROM oauth_states WHERE state_hash = $1 AND purpose = $2 RETURNING payload, expires_at',
      [hash, purpose],
    );
    const row = result.rows[0];
    if (!row || row.expires_at <= now) return null;
    return row.payload;
  },

  async deleteExpired(db: Queryable, now: Date): Promise<number> {
    const result = await db.query('DELETE FROM oauth_states WHERE expires_at <= $1', [now]);
    return result.rowCount ?? 0;
  },
};
