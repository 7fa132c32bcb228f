import { SourceAuthError, SourceRateLimitError, SourceRequestError, SourceUnavailableError } from '../connector.js';
import type { AttemptFailure, RetryDecision } from './decide-retry.js';

/**
 * Pipedrive refused a request for a reason retrying cannot fix (400 bad parameters, 403 missing scope,
 * 404, 410): a bug on our side or an account that lacks a feature, never the user's to resolve by waiting.
 */
export class PipedriveRequestError extends SourceRequestError {
  constructor(status: number, message: string) {
    super(status, message);
    this.name = 'PipedriveRequestError';
  }
}

function describe(failure: AttemptFailure): string {
  return failure.kind === 'status' ? `HTTP ${failure.status}` : failure.code;
}

/** The typed error for a failure the retry rules gave up on; `operation` names the call, e.g. "GET /api/v2/persons". */
export function toSourceError(decision: RetryDecision, failure: AttemptFailure, operation: string): Error {
  switch (decision.reason) {
    case 'unauthorized':
      return new SourceAuthError(`Pipedrive refused the access token (${operation})`);
    case 'daily_budget':
      return new SourceRateLimitError(
        'daily',
        decision.waitMs,
        `Pipedrive's daily API token budget is spent (${operation})`,
      );
    case 'burst_limit':
      return new SourceRateLimitError(
        'burst',
        decision.waitMs,
        `Pipedrive kept answering "Request over limit" (${operation})`,
      );
    case 'server_error':
    case 'network_error':
      return new SourceUnavailableError(`Pipedrive did not answer ${operation} (${describe(failure)})`);
    case 'client_error':
      return new PipedriveRequestError(
        failure.kind === 'status' ? failure.status : 0,
        `Pipedrive rejected ${operation} (${describe(failure)})`,
      );
  }
}
