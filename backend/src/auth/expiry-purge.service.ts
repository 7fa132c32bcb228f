import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/pool.js';
import { oauthStatesRepository } from '../db/repositories/oauth-states.repository.js';
import { signedRequestsRepository } from '../db/repositories/signed-requests.repository.js';

/** How often the web process removes what has expired. */
const EXPIRY_PURGE_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Removes expired OAuth states, connect tickets, download links and replay records: unauthenticated
 * routes write them, so they must not pile up. Any number of processes may run it (deletes only).
 */
export function createExpiryPurge(deps: { db: Db; clock: Clock; logger: Logger }) {
  const run = async (): Promise<number> => {
    const now = deps.clock.now();
    const removed =
      (await oauthStatesRepository.deleteExpired(deps.db, now)) +
      (await signedRequestsRepository.deleteExpired(deps.db, now));
    if (removed > 0) deps.logger.debug({ removed }, 'expired states, links and replay records purged');
    return removed;
  };
  return {
    run,
    /** Runs `run` every `intervalMs` until the returned stop function is called. */
    schedule(intervalMs = EXPIRY_PURGE_INTERVAL_MS): () => void {
      const timer = setInterval(() => {
        run().catch((error: unknown) => deps.logger.warn({ err: error }, 'expiry purge failed'));
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
