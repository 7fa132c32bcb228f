/**
 * A failure worth retrying later: a rate limit, a spent budget, an outage. `reason` is shown to the user.
 * With `retryAfterMs` (a known wait, e.g. until a daily budget resets) the job is rescheduled for then
 * without spending a retry; without it the queue's backoff and retry limit apply.
 */
export class RetryableJobError extends Error {
  constructor(
    readonly reason: string,
    readonly retryAfterMs?: number,
  ) {
    super(reason);
    this.name = 'RetryableJobError';
  }
}

/** A failure retrying cannot fix (e.g. the source revoked our access). `reason` is shown to the user. */
export class FatalJobError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'FatalJobError';
  }
}

/**
 * HubSpot or the source refused our access even after a token refresh: the job is PAUSED until the user
 * reconnects `app` (`hubspot` or the source id), then resumes where it stopped. `reason` is shown to the user.
 */
export class ReconnectNeededError extends Error {
  constructor(
    readonly app: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'ReconnectNeededError';
  }
}

/**
 * Another attempt of the job took its task over (this worker was presumed dead): this worker's batch is
 * rolled back and it stops without touching the job's state, which now belongs to the other attempt.
 */
export class StaleTaskError extends Error {
  constructor(
    readonly transferId: string,
    readonly object: string,
  ) {
    super(`task "${object}" of transfer ${transferId} was taken over by another attempt`);
    this.name = 'StaleTaskError';
  }
}
