/**
 * What an API client's limiter offers its transport: wait for a slot before sending, give it back with
 * what the answer said about the limit (rate-limit headers; null when no answer came). Pipedrive's burst
 * limiter implements it; HubSpot's per-portal limiter can too.
 */
export interface RequestLimiter<Feedback> {
  /** Resolves when a request may be sent; pair every acquire with one `release`. */
  acquire(): Promise<void>;
  release(feedback: Feedback | null): void;
}
