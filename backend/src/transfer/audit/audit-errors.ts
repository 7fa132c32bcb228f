import { HubSpotReconnectNeeded } from '../../auth/hubspot-tokens.service.js';
import { SourceReconnectNeeded } from '../../auth/source-tokens.service.js';
import { HubSpotApiError } from '../../hubspot/hubspot-errors.js';
import { FatalJobError, RetryableJobError } from '../../jobs/job-errors.js';
import {
  SourceAuthError,
  SourceRateLimitError,
  SourceRequestError,
  SourceUnavailableError,
} from '../../sources/connector.js';

/** Turns what went wrong talking to the source or HubSpot into a job outcome a user can act on. */
export function toJobError(error: unknown, sourceName: string): unknown {
  if (error instanceof SourceAuthError || error instanceof SourceReconnectNeeded) {
    return new FatalJobError(
      `${sourceName} no longer accepts Smart Transfer's access. Reconnect ${sourceName}, then run it again.`,
    );
  }
  if (error instanceof SourceRateLimitError) {
    return error.limit === 'daily'
      ? new RetryableJobError(
          `${sourceName}'s daily API budget for your account is used up. This continues automatically when it resets.`,
          error.retryAfterMs,
        )
      : new RetryableJobError(
          `${sourceName} is limiting how fast we can read. This continues in a moment.`,
          error.retryAfterMs,
        );
  }
  if (error instanceof SourceUnavailableError) {
    return new RetryableJobError(`${sourceName} is not responding right now. We keep retrying for a while.`);
  }
  if (error instanceof SourceRequestError) {
    return new FatalJobError(
      `${sourceName} refused one of our requests (HTTP ${error.status}). Contact support with the time this happened.`,
    );
  }
  if (error instanceof HubSpotReconnectNeeded) {
    return new FatalJobError(
      "HubSpot no longer accepts Smart Transfer's access. Reinstall the app from the HubSpot Marketplace.",
    );
  }
  if (error instanceof HubSpotApiError && error.reason === 'daily_limit') {
    return new RetryableJobError(
      "HubSpot's daily API limit for your account is used up. This continues automatically when it resets.",
      error.retryAfterMs,
    );
  }
  if (error instanceof HubSpotApiError) {
    return new RetryableJobError('HubSpot is not responding right now. We keep retrying for a while.');
  }
  return error;
}
