import { pino } from 'pino';
import type { RetryPolicy } from '../../backend/src/http-client/retry.js';
import type { SourceConnector, SourceSession } from '../../backend/src/sources/connector.js';
import { createPipedriveConnector } from '../../backend/src/sources/pipedrive/pipedrive.connector.js';
import type { Clock } from '../../sandbox/common/clock.js';
import type { RunningPipedriveSandbox } from '../../sandbox/pipedrive/index.js';

export const PIPEDRIVE_REDIRECT_URI = 'https://smart-transfer.test/oauth/pipedrive/callback';

/**
 * The Pipedrive connector against a Pipedrive sandbox started with `clock`. The connector's waits move the
 * sandbox's clock, so limit windows pass without real waiting; its API base is unreachable, so every call
 * goes to the grant's api_domain (the sandbox).
 */
export function sandboxPipedriveConnector(
  sandbox: RunningPipedriveSandbox,
  clock: Clock,
  retryPolicy?: RetryPolicy,
): SourceConnector {
  return createPipedriveConnector({
    config: {
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      oauthBaseUrl: sandbox.oauthBaseUrl,
      apiBaseUrl: 'http://127.0.0.1:9',
      allowedApiDomains: [],
    },
    logger: pino({ level: 'silent' }),
    clock,
    sleep: async (ms) => sandbox.state.advanceClock(ms),
    ...(retryPolicy ? { retryPolicy } : {}),
  });
}

/** A session on a fresh grant through the user's side of the consent: the authorize URL's code, exchanged. */
export async function sandboxPipedriveSession(connector: SourceConnector, state = 'state'): Promise<SourceSession> {
  const authorized = await fetch(connector.authorizeUrl({ state, redirectUri: PIPEDRIVE_REDIRECT_URI }), {
    redirect: 'manual',
  });
  const code = new URL(authorized.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const grant = await connector.exchangeCode({ code, redirectUri: PIPEDRIVE_REDIRECT_URI });
  return connector.session({ apiDomain: grant.apiDomain, accessToken: async () => grant.accessToken });
}
