import type { Express } from 'express';
import type { Logger } from 'pino';
import { createConnectTickets } from './auth/connect-tickets.js';
import { createHubSpotInstallService } from './auth/hubspot-install.service.js';
import { createHubSpotTokens } from './auth/hubspot-tokens.service.js';
import { createOAuthStates } from './auth/oauth-states.js';
import { createTokenVault } from './auth/token-vault.js';
import type { Clock } from './clock.js';
import type { AppConfig } from './config/config.js';
import type { Db } from './db/pool.js';
import { type AppManifest, readAppManifest } from './hubspot/app-manifest.js';
import { createHubSpotOAuthClient } from './hubspot/hubspot-oauth.client.js';
import { createApp } from './http/app.js';

/** Wires clients, services and the HTTP app from a config and a pool: the one place that knows every part. */
export function composeServices(deps: { config: AppConfig; db: Db; logger: Logger; clock: Clock; manifest?: AppManifest }) {
  const { config, db, logger, clock } = deps;
  const vault = createTokenVault(config.tokenEncryptionKey);
  const states = createOAuthStates({ db, clock });
  const hubspotOAuth = createHubSpotOAuthClient(config.hubspot);
  const install = createHubSpotInstallService({
    db,
    config,
    manifest: deps.manifest ?? readAppManifest(),
    states,
    oauth: hubspotOAuth,
    vault,
    clock,
  });
  const hubspotTokens = createHubSpotTokens({ db, oauth: hubspotOAuth, vault, clock, logger });
  const tickets = createConnectTickets({ states, publicApiOrigin: config.publicApiOrigin });
  const app: Express = createApp({ db, logger, clock, config, install, tickets });
  return { app, vault, install, hubspotTokens, tickets };
}
export type Services = ReturnType<typeof composeServices>;
