import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Db } from '../db/pool.js';
import { type OAuthStatePurpose, oauthStatesRepository } from '../db/repositories/oauth-states.repository.js';

const STATE_TTL_MS = 10 * 60 * 1000;

const hashState = (state: string) => createHash('sha256').update(state).digest('hex');

/** Random, single-use, expiring OAuth `state` values; only their hash is stored. */
export function createOAuthStates(deps: { db: Db; clock: Clock }) {
  return {
    async issue(purpose: OAuthStatePurpose, payload: Record<string, unknown> = {}, ttlMs = STATE_TTL_MS): Promise<{ state: string; expiresAt: Date }> {
      const state = randomBytes(32).toString('base64url');
      const expiresAt = new Date(deps.clock.now().getTime() + ttlMs);
      await oauthStatesRepository.insert(deps.db, { hash: hashState(state), purpose, payload, expiresAt });
      return { state, expiresAt };
    },

    /** The payload when the state is known, unexpired and unused; null otherwise (and it is used up either way). */
    async consume(purpose: OAuthStatePurpose, state: string): Promise<Record<string, unknown> | null> {
      return oauthStatesRepository.consume(deps.db, hashState(state), purpose, deps.clock.now());
    },
  };
}
export type OAuthStates = ReturnType<typeof createOAuthStates>;
