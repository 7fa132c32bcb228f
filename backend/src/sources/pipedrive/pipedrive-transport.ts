/**
 * The one HTTP path of a Pipedrive session: an axios adapter installed under the official client. The
 * client's own interceptors strip the response down to its body, so everything that needs headers lives
 * here, below them: pacing to the burst limit, reading the limit and cost headers, retrying 429/5xx/
 * broken connections with capped backoff (decideRetry), counting requests and tokens, and turning final
 * failures into the typed errors of sources/connector.ts.
 */
import axios, { type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import type { Logger } from 'pino';
import type { Clock } from '../../clock.js';
import type { RetryPolicy } from '../../http-client/retry.js';
import type { Sleep } from '../../sleep.js';
import type { SourceUsage } from '../connector.js';
import { BurstLimiter } from './burst-limiter.js';
import { type AttemptFailure, decideRetry, DEFAULT_RETRY_POLICY } from './decide-retry.js';
import { toSourceError } from './pipedrive-errors.js';
import { findOperation } from './pipedrive-operations.js';
import { parseRateLimitHeaders, type RateLimitSnapshot } from './rate-limit-headers.js';

export interface PipedriveTransportOptions {
  clock: Clock;
  sleep: Sleep;
  logger: Logger;
  retryPolicy?: RetryPolicy;
}

export interface PipedriveTransport {
  /** Install as the client's axios adapter (Configuration.baseOptions.adapter). */
  adapter: AxiosAdapter;
  usage(): SourceUsage;
}

/** Per attempt; a call that outlives it counts as a broken connection and is retried. */
const ATTEMPT_TIMEOUT_MS = 60_000;

/**
 * Tokens a response cost: the server's own `x-token-cost` when sent, else the spec's price for a call
 * the API took in: answered, or refused on its merits (400, 404). Calls turned away at the door (401,
 * 429 over a limit) are not charged, and neither are outages (5xx), which never reached the API.
 */
function tokensCharged(status: number, limits: RateLimitSnapshot, specCost: number): number {
  if (limits.tokenCost !== null) return limits.tokenCost;
  return status < 500 && status !== 401 && status !== 429 ? specCost : 0;
}

function networkCode(error: unknown): string | null {
  if (!axios.isAxiosError(error)) return null;
  return error.code ?? 'ERR_NETWORK';
}

export function createPipedriveTransport(options: PipedriveTransportOptions): PipedriveTransport {
  const { clock, sleep, logger } = options;
  const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const send = axios.getAdapter(axios.defaults.adapter);
  const limiter = new BurstLimiter(clock, sleep);
  const usage: SourceUsage = { requests: 0, cost: 0 };

  /** One attempt: its response, or the failure the retry rules judge. */
  async function attempt(
    config: InternalAxiosRequestConfig,
    specCost: number,
  ): Promise<AxiosResponse | AttemptFailure> {
    await limiter.acquire();
    usage.requests += 1;
    let response: AxiosResponse;
    try {
      // Every status resolves here; this adapter, not axios, decides what a failure is.
      response = await send({ ...config, timeout: ATTEMPT_TIMEOUT_MS, validateStatus: null });
    } catch (error) {
      limiter.release(null);
      const code = networkCode(error);
      if (code === null) throw error;
      return { kind: 'network', code };
    }
    const at = clock.now().getTime();
    const limits = parseRateLimitHeaders(response.headers, at);
    limiter.release(limits);
    usage.cost += tokensCharged(response.status, limits, specCost);
    if (response.status < 400) return response;
    return { kind: 'status', status: response.status, limits, tokenCost: specCost, at };
  }

  const adapter: AxiosAdapter = async (config) => {
    const method = (config.method ?? 'get').toUpperCase();
    const url = new URL(config.url ?? '', config.baseURL);
    const operation = `${method} ${url.pathname}`;
    const specCost = findOperation(method, url.pathname)?.cost ?? 0;
    for (let retries = 0; ; retries += 1) {
      const outcome = await attempt(config, specCost);
      if (!('kind' in outcome)) return outcome;
      const decision = decideRetry(outcome, retries, policy);
      if (!decision.retry) throw toSourceError(decision, outcome, operation);
      logger.info({ operation, retries, reason: decision.reason, waitMs: decision.waitMs }, 'pipedrive call retried');
      await sleep(decision.waitMs);
    }
  };

  return { adapter, usage: () => ({ ...usage }) };
}
