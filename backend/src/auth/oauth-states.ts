import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Db } from '../db/pool.js';
import { type OAuthStatePurpose, oauthStatesRepository } from '../db/repositories/oauth-states.repository.js';

const STATE_TTL_MS = 10 * 60 * 1000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A browser-bound state is used by the browser that started the flow, or not at all. */
export type BoundStateOutcome =
  { ok: true; payload: Record<string, unknown> } | { ok: false; reason: 'unknown' | 'other_browser' };

function sameHash(expected: string, nonce: string | undefined): boolean {
  if (!nonce) return false;
  const given = Buffer.from(sha256(nonce), 'utf8');
  const stored = Buffer.from(expected, 'utf8');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/**
 * Random, single-use, expiring OAuth `state` values; only their hash is stored. A state may be bound to
 * the browser that started the flow: the browser keeps a random nonce (in a cookie), the row its hash.
 */
export function createOAuthStates(deps: { db: Db; clock: Clock }) {
  const insert = async (
    purpose: OAuthStatePurpose,
    payload: Record<string, unknown>,
    ttlMs: number,
    browserNonce?: string,
  ) => {
    const state = randomBytes(32).toString('base64url');
    const expiresAt = new Date(deps.clock.now().getTime() + ttlMs);
    await oauthStatesRepository.insert(deps.db, {
      hash: sha256(state),
      purpose,
      payload,
      expiresAt,
      ...(browserNonce === undefined ? {} : { browserHash: sha256(browserNonce) }),
    });
    return { state, expiresAt };
  };

  return {
    async issue(
      purpose: OAuthStatePurpose,
      payload: Record<string, unknown> = {},
      ttlMs = STATE_TTL_MS,
    ): Promise<{ state: string; expiresAt: Date }> {
      return insert(purpose, payload, ttlMs);
    },

    /** A state bound to the browser that will hold `browserNonce` (returned, to be set as a cookie). */
    async issueForBrowser(
      purpose: OAuthStatePurpose,
      payload: Record<string, unknown> = {},
    ): Promise<{ state: string; browserNonce: string }> {
      const browserNonce = randomBytes(32).toString('base64url');
      const { state } = await insert(purpose, payload, STATE_TTL_MS, browserNonce);
      return { state, browserNonce };
    },

    /** The payload when the state is known, unexpired and unused; null otherwise (and it is used up either way). */
    async consume(purpose: OAuthStatePurpose, state: string): Promise<Record<string, unknown> | null> {
      return (await oauthStatesRepository.consume(deps.db, sha256(state), purpose, deps.clock.now()))?.payload ?? null;
    },

    /** As consume, and the browser must hold the nonce the state was bound to (used up either way). */
    async consumeInBrowser(
      purpose: OAuthStatePurpose,
      state: string,
      browserNonce: string | undefined,
    ): Promise<BoundStateOutcome> {
      const consumed = await oauthStatesRepository.consume(deps.db, sha256(state), purpose, deps.clock.now());
      if (!consumed) return { ok: false, reason: 'unknown' };
      if (consumed.browserHash === null || !sameHash(consumed.browserHash, browserNonce))
        return { ok: false, reason: 'other_browser' };
      return { ok: true, payload: consumed.payload };
    },
  };
}
export type OAuthStates = ReturnType<typeof createOAuthStates>;
