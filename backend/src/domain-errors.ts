/**
 * The failures a service reports to its caller, in the domain's words: what went wrong, a stable
 * snake_case code and a message for the user. Only the HTTP error middleware turns them into statuses.
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict' | 'unauthorized' | 'forbidden' | 'upstream_failed';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The input breaks a rule (an unknown or unavailable source, a malformed value…). */
export const invalid = (code: string, message: string, details?: unknown) =>
  new DomainError('invalid', code, message, details);
/** No such thing for this caller (another portal's things do not exist for it). */
export const notFound = (code: string, message: string) => new DomainError('not_found', code, message);
/** The thing exists but its state forbids the change (a job already running, an audit not finished…). */
export const conflict = (code: string, message: string, details?: unknown) =>
  new DomainError('conflict', code, message, details);
/** The caller's credentials (a ticket, a code, a source's grant) were not accepted. */
export const unauthorized = (code: string, message: string) => new DomainError('unauthorized', code, message);
/** The caller is known but may not do this. */
export const forbidden = (code: string, message: string) => new DomainError('forbidden', code, message);
/**
 * A service we depend on (HubSpot, a source) failed or answered something we refuse to use, so nothing
 * was done; trying again later may work.
 */
export const upstreamFailed = (code: string, message: string) => new DomainError('upstream_failed', code, message);
