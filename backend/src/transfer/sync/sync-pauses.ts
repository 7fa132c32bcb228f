/**
 * Why a sync stops before its end without failing, and what the user sees meanwhile.
 * - A refused token: HubSpot or the source answered 401, so the access token is replaced from the
 *   refresh token and the job tries again (RETRYING) from its cursors; when the refresh is refused too,
 *   the grant is dead and the sync pauses as "reconnect needed" until the user reconnects that app (the
 *   connect flow or a reinstall resumes it: job.service.ts resumeAfterReconnect).
 * - A long wait (a spent daily budget): RETRYING until then, with the time of the next try in the reason.
 */
import { HubSpotReconnectNeeded, type HubSpotTokens } from '../../auth/hubspot-tokens.service.js';
import { SourceReconnectNeeded, type SourceTokens } from '../../auth/source-tokens.service.js';
import type { Db } from '../../db/pool.js';
import { connectionsRepository } from '../../db/repositories/connections.repository.js';
import { HubSpotApiError } from '../../hubspot/hubspot-errors.js';
import { ReconnectNeededError, RetryableJobError } from '../../jobs/job-errors.js';
import { SourceAuthError } from '../../sources/connector.js';

export const HUBSPOT_APP = 'hubspot';

export interface AccessScope {
  db: Db;
  portalId: number;
  connection: { id: string; source: string };
  sourceName: string;
  sourceTokens: Pick<SourceTokens, 'refreshRefused'>;
  hubspotTokens: Pick<HubSpotTokens, 'refreshRefused'>;
}

/** Waits shorter than this are not worth a time in the reason ("continues in a moment"). */
const LONG_WAIT_MS = 60_000;

/** A RetryableJobError waiting long (a spent daily budget) says when the sync tries again, in UTC. */
export function withNextTry(error: unknown, now: Date): unknown {
  if (!(error instanceof RetryableJobError) || error.retryAfterMs === undefined || error.retryAfterMs < LONG_WAIT_MS)
    return error;
  const at = new Date(now.getTime() + error.retryAfterMs).toISOString().slice(0, 16).replace('T', ' ');
  return new RetryableJobError(`${error.reason} Next try: ${at} UTC.`, error.retryAfterMs);
}

/** Tries `refresh`; true when a new token was issued, false when the grant is dead (`dead` errors). */
async function refreshed(refresh: () => Promise<string>, dead: (error: unknown) => boolean): Promise<boolean> {
  try {
    await refresh();
    return true;
  } catch (error) {
    if (dead(error)) return false;
    throw error;
  }
}

/**
 * What the job does about `error` when it is a refused token: retry with a fresh token, or pause until
 * the user reconnects; null when `error` is something else.
 */
export async function accessRefusal(error: unknown, scope: AccessScope): Promise<Error | null> {
  const { sourceName } = scope;
  const isSourceDead = (e: unknown) => e instanceof SourceReconnectNeeded;
  const isHubSpotDead = (e: unknown) => e instanceof HubSpotReconnectNeeded;
  const retry = (app: string) =>
    new RetryableJobError(`${app} refused our access token; the sync continues with a new one.`);

  if (error instanceof SourceAuthError || error instanceof SourceReconnectNeeded) {
    if (
      error instanceof SourceAuthError &&
      (await refreshed(() => scope.sourceTokens.refreshRefused(scope.connection.id), isSourceDead))
    )
      return retry(sourceName);
    await connectionsRepository.markReconnectNeeded(
      scope.db,
      scope.connection.id,
      'The source refused our access token.',
    );
    return new ReconnectNeededError(
      scope.connection.source,
      `${sourceName} no longer accepts Smart Transfer's access. Reconnect ${sourceName}: the sync then continues where it stopped.`,
    );
  }
  const hubspotRefused = error instanceof HubSpotApiError && error.status === 401;
  if (hubspotRefused || isHubSpotDead(error)) {
    if (hubspotRefused && (await refreshed(() => scope.hubspotTokens.refreshRefused(scope.portalId), isHubSpotDead)))
      return retry('HubSpot');
    return new ReconnectNeededError(
      HUBSPOT_APP,
      "HubSpot no longer accepts Smart Transfer's access. Install the app again from the HubSpot Marketplace: the sync then continues where it stopped.",
    );
  }
  return null;
}
