/**
 * The parts of a retry decision every API client shares. Each client decides with a pure function of
 * what came back and how many retries were already spent (Pipedrive: sources/pipedrive/decide-retry.ts; HubSpot: hubspot/decide-retry.ts),
 * so every branch is unit-tested and the reason is logged (the Nango `getProxyRetryFromErr` pattern).
 */

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface RetryDecision<Reason extends string = string> {
  retry: boolean;
  /** Before the next attempt; when `retry` is false, how long until trying again makes sense (0: unknown or never). */
  waitMs: number;
  reason: Reason;
}

/** Capped exponential backoff: base, 2×base, 4×base … never above the cap. */
export function backoffMs(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
}

/**
 * Node, undici (fetch) and axios codes for a connection that broke, timed out or was refused for a
 * moment. Others (an unknown host, a cancelled call) will not heal by waiting.
 */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ERR_NETWORK',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

export const isTransientNetworkCode = (code: string): boolean => TRANSIENT_NETWORK_CODES.has(code);
