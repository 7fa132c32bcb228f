import type { Queryable } from '../pool.js';

/** Accepted signatures of signed non-GET calls, kept while a replay of them would still verify. */
export const signedRequestsRepository = {
  /** Records a signature; false when it was already recorded (the call is a replay). */
  async recordOnce(db: Queryable, signatureHash: string, expiresAt: Date): Promise<boolean> {
    const result = await db.query(
      'INSERT INTO signed_request_replays (signature_hash, expires_at) VALUES ($1, $2) ON CONFLICT (signature_hash) DO NOTHING',
      [signatureHash, expiresAt],
    );
    return result.rowCount === 1;
  },

  async deleteExpired(db: Queryable, now: Date): Promise<number> {
    const result = await db.query('DELETE FROM signed_request_replays WHERE expires_at <= $1', [now]);
    return result.rowCount ?? 0;
  },
};
