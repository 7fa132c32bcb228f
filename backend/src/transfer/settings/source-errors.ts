import { HubSpotReconnectNeeded } from '../../auth/hubspot-tokens.service.js';
import { SourceReconnectNeeded } from '../../auth/source-tokens.service.js';
import { conflict, DomainError } from '../../domain-errors.js';
import { HubSpotApiError } from '../../hubspot/hubspot-errors.js';
import {
  SourceAuthError,
  SourceRateLimitError,
  SourceRequestError,
  SourceUnavailableError,
} from '../../sources/connector.js';

/** Turns a failure talking to the source or HubSpot during a settings call into a 4xx the user can act on. */
export function toSettingsError(error: unknown, sourceName: string): unknown {
  if (error instanceof DomainError) return error;
  if (error instanceof SourceAuthError || error instanceof SourceReconnectNeeded)
    return conflict('reconnect_needed', `${sourceName} no longer accepts our access. Reconnect it, then try again.`);
  if (error instanceof SourceRateLimitError)
    return conflict(
      'source_rate_limited',
      error.limit === 'daily'
        ? `${sourceName}'s daily API budget for your account is used up. Try again after it resets.`
        : `${sourceName} is limiting how fast we can read. Try again in a moment.`,
      { retryAfterMs: error.retryAfterMs },
    );
  if (error instanceof SourceUnavailableError)
    return conflict('source_unavailable', `${sourceName} is not responding right now. Try again later.`);
  if (error instanceof SourceRequestError)
    return conflict('source_refused', `${sourceName} refused the request (HTTP ${error.status}): ${error.message}`);
  return toHubSpotReadError(error, 'its properties and owners');
}

/** Turns a failure reading `what` from the portal's HubSpot into a 4xx the user can act on. */
export function toHubSpotReadError(error: unknown, what: string): unknown {
  if (error instanceof HubSpotReconnectNeeded)
    return conflict('hubspot_reconnect_needed', 'HubSpot no longer accepts our access. Reinstall the app.');
  if (error instanceof HubSpotApiError)
    return conflict('hubspot_unavailable', `HubSpot did not answer reading ${what}. Try again.`);
  return error;
}
