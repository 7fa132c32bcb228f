import { Client } from '@hubspot/api-client';
import Bottleneck from 'bottleneck';
import type { HubSpotTokens } from '../auth/hubspot-tokens.service.js';
import { realSleep, type Sleep } from '../sleep.js';
import { readProperties } from './hubspot-properties.js';

export interface HubSpotOwner {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
}

export interface HubSpotAccountCurrencies {
  companyCurrency: string | null;
  additionalCurrencies: string[];
  timeZone: string | null;
}

/** A HubSpot call failed after our retries; `status` is HubSpot's HTTP status (null: not reachable). */
export class HubSpotApiError extends Error {
  constructor(
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'HubSpotApiError';
  }
}

const MAX_ATTEMPTS = 4;

/**
 * HubSpot's API for one portal at a time, through the official client with its own limiter and retries
 * off: all of a portal's calls share one in-process limiter (requestsPer10s spread evenly, so no rolling
 * 10-second window ever exceeds it), and 429/5xx are retried here with backoff.
 */
export function createHubSpotApi(deps: {
  apiBaseUrl: string;
  requestsPer10s: number;
  tokens: HubSpotTokens;
  sleep?: Sleep;
}) {
  const limiters = new Map<number, Bottleneck>();
  const sleep = deps.sleep ?? realSleep;
  const limiterFor = (portalId: number) => {
    let limiter = limiters.get(portalId);
    if (!limiter) {
      limiter = new Bottleneck({ minTime: Math.ceil(10_000 / deps.requestsPer10s), maxConcurrent: 10 });
      limiters.set(portalId, limiter);
    }
    return limiter;
  };

  async function call<T>(portalId: number, work: (client: Client) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const client = new Client({ accessToken: await deps.tokens.accessToken(portalId), basePath: deps.apiBaseUrl, numberOfApiCallRetries: 0 });
      try {
        return await limiterFor(portalId).schedule(() => work(client));
      } catch (error) {
        const status = typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : null;
        const retryable = status === null || status === 429 || status >= 500;
        if (!retryable || attempt >= MAX_ATTEMPTS) {
          throw new HubSpotApiError(status, `HubSpot answered ${status ?? 'nothing'} after ${attempt} attempt(s)`);
        }
        // HubSpot's ten-second window: wait it out on 429; short growing backoff otherwise.
        await sleep(status === 429 ? 10_000 : 250 * 2 ** attempt);
      }
    }
  }

  return {
    forPortal(portalId: number) {
      return {
        properties: (objectType: string) => readProperties((work) => call(portalId, work), objectType),

        async owners(): Promise<HubSpotOwner[]> {
          const owners: HubSpotOwner[] = [];
          let after: string | undefined;
          do {
            const page = await call(portalId, (client) => client.crm.owners.ownersApi.getPage(undefined, after, 100, false));
            for (const owner of page.results) {
              owners.push({ id: owner.id, email: owner.email ?? null, firstName: owner.firstName ?? null, lastName: owner.lastName ?? null });
            }
            after = page.paging?.next?.after;
          } while (after);
          return owners;
        },

        async accountCurrencies(): Promise<HubSpotAccountCurrencies> {
          const details = await call(portalId, async (client) => {
            const response = await client.apiRequest({ method: 'GET', path: '/account-info/v3/details' });
            if (!response.ok) throw Object.assign(new Error('account details'), { code: response.status });
            return (await response.json()) as { companyCurrency?: string; additionalCurrencies?: string[]; timeZone?: string };
          });
          return {
            companyCurrency: details.companyCurrency ?? null,
            additionalCurrencies: details.additionalCurrencies ?? [],
            timeZone: details.timeZone ?? null,
          };
        },
      };
    },
  };
}
export type HubSpotApi = ReturnType<typeof createHubSpotApi>;
export type HubSpotPortalApi = ReturnType<HubSpotApi['forPortal']>;
