/** Pipedrive as a source: its OAuth, and sessions on the accounts it grants us. */
import type { Logger } from 'pino';
import type { Clock } from '../../clock.js';
import type { RetryPolicy } from '../../http-client/retry.js';
import type { Sleep } from '../../sleep.js';
import type { SourceConnector } from '../connector.js';
import type { PipedriveConfig } from './pipedrive-config.js';
import { createPipedriveOAuth } from './pipedrive-oauth.js';
import { createPipedriveSession } from './pipedrive-session.js';
import { createPipedriveTransport } from './pipedrive-transport.js';

export interface PipedriveConnectorDeps {
  config: PipedriveConfig;
  logger: Logger;
  clock: Clock;
  sleep: Sleep;
  retryPolicy?: RetryPolicy;
  /** The OAuth token endpoint's HTTP (tests replace it). */
  fetch?: typeof fetch;
}

export function createPipedriveConnector(deps: PipedriveConnectorDeps): SourceConnector {
  const { config, logger, clock, sleep, retryPolicy } = deps;
  const oauth = createPipedriveOAuth({
    ...config,
    clock,
    sleep,
    ...(retryPolicy ? { retryPolicy } : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  return {
    id: 'pipedrive',
    authorizeUrl: oauth.authorizeUrl,
    exchangeCode: oauth.exchangeCode,
    refresh: oauth.refresh,
    session: ({ apiDomain, accessToken }) =>
      createPipedriveSession({
        // The grant's own host wins: Pipedrive may move an account and says so in api_domain.
        apiBaseUrl: apiDomain ?? config.apiBaseUrl,
        accessToken,
        transport: createPipedriveTransport({
          clock,
          sleep,
          logger: logger.child({ source: 'pipedrive' }),
          ...(retryPolicy ? { retryPolicy } : {}),
        }),
      }),
  };
}
