import type { Queryable } from '../pool.js';

/** hubspot_install: the app install; connect_ticket: a UI-issued ticket to start a source connect; source_connect: the source OAuth state; download_link: a short-lived link to download a file (e.g. an audit CSV) in a browser tab. */
export type OAuthStatePurpose = 'hubspot_install' | 'connect_ticket' | 'source_connect' | 'download_link';

export interface ConsumedState {
  payload: Record<string, unknown>;
  /** Hash of the nonce the starting browser holds (null: the state is not bound to a browser). */
  browserHash: string | null;
}

export const oauthStatesRepository = {
  async insert(
    db: Queryable,
    state: {
      hash: string;
      purpose: OAuthStatePurpose;
      payload: Record<string, unknown>;
      expiresAt: Date;
      browserHash?: string;
    },
  ): Promise<void> {
    await db.query(
      'INSERT INTO oauth_states (state_hash, purpose, payload, expires_at, browser_hash) VALUES ($1, $2, $3, $4, $5)',
      [state.hash, state.purpose, JSON.stringify(state.payload), state.expiresAt, state.browserHash ?? null],
    );
  },

  /** Deletes and returns an unexpired state in one statement, so a state can be used once only. */
  async consume(db: Queryable, hash: string, purpose: OAuthStatePurpose, now: Date): Promise<ConsumedState | null> {
    const result = await db.query<{ payload: Record<string, unknown>; expires_at: Date; browser_hash: string | null }>(
      'DELETE FROM oauth_states WHERE state_hash = $1 AND purpose = $2 RETURNING payload, expires_at, browser_hash',
      [hash, purpose],
    );
    const row = result.rows[0];
    if (!row || row.expires_at <= now) return null;
    return { payload: row.payload, browserHash: row.browser_hash };
  },

  /** Removes expired states, connect tickets and download links (a purge on a schedule calls it). */
  async deleteExpired(db: Queryable, now: Date): Promise<number> {
    const result = await db.query('DELETE FROM oauth_states WHERE expires_at <= $1', [now]);
    return result.rowCount ?? 0;
  },
};
