import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from './clock.js';
import { composeServices } from './compose.js';
import type { AppConfig } from './config/config.js';
import { localEncryptionKey, resolveDataDir } from './config/data-dir.js';
import { ConfigError, type Env, parseEnv } from './config/env.js';
import { openRuntimeDatabase } from './database.js';
import { createPool } from './db/pool.js';
import { type DemoSandboxes, installDemoPortal, startDemoSandboxes } from './demo.js';
import { createLogger } from './logger.js';

function loadEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Composition root: env → data folder → database → sandboxes (demo) → services → HTTP. */
async function main(): Promise<void> {
  const env = loadEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const demo = env.HUBSPOT_CLIENT_ID === undefined || env.HUBSPOT_CLIENT_SECRET === undefined;
  const dataDir = resolveDataDir(env.DATA_DIR);
  if (dataDir.fallbackFrom) {
    logger.warn({ wanted: dataDir.fallbackFrom, using: dataDir.dir }, 'data folder not reachable by the postgres user; using a temp folder');
  }
  const sandboxes: DemoSandboxes | null = demo ? await startDemoSandboxes() : null;
  const database = await openRuntimeDatabase({
    ...(env.DATABASE_URL === undefined ? {} : { databaseUrl: env.DATABASE_URL }),
    dataDir: dataDir.dir,
    demo,
    logger,
  });
  const publicApiOrigin = env.PUBLIC_API_ORIGIN ?? `http://localhost:${env.PORT}`;
  const hubspotEnv = sandboxes?.hubspot.env();
  const config: AppConfig = {
    publicApiOrigin,
    tokenEncryptionKey: env.TOKEN_ENCRYPTION_KEY ? Buffer.from(env.TOKEN_ENCRYPTION_KEY, 'base64') : localEncryptionKey(dataDir.dir),
    hubspot: {
      clientId: hubspotEnv?.HUBSPOT_CLIENT_ID ?? env.HUBSPOT_CLIENT_ID ?? '',
      clientSecret: hubspotEnv?.HUBSPOT_CLIENT_SECRET ?? env.HUBSPOT_CLIENT_SECRET ?? '',
      ...(env.HUBSPOT_APP_ID === undefined ? {} : { appId: env.HUBSPOT_APP_ID }),
      appBaseUrl: hubspotEnv?.HUBSPOT_APP_BASE_URL ?? env.HUBSPOT_APP_BASE_URL,
      apiBaseUrl: hubspotEnv?.HUBSPOT_API_BASE_URL ?? env.HUBSPOT_API_BASE_URL,
      requestsPer10s: env.HUBSPOT_REQUESTS_PER_10S,
    },
    pipedrive: {
      clientId: env.PIPEDRIVE_CLIENT_ID ?? '',
      clientSecret: env.PIPEDRIVE_CLIENT_SECRET ?? '',
      oauthBaseUrl: env.PIPEDRIVE_OAUTH_BASE_URL,
      apiBaseUrl: env.PIPEDRIVE_API_BASE_URL,
    },
  };
  const db = createPool(database.url);
  const services = composeServices({ config, db, logger, clock: systemClock });
  const server: Server = await new Promise((resolve) => {
    const listening = services.app.listen(env.PORT, env.HOST, () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  if (demo) await installDemoPortal(services.install, logger);

  const url = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${port}`;
  process.stdout.write(
    [
      '',
      `Smart Transfer is running ${demo ? 'in demo mode (local HubSpot sandbox, demo database reset at each start)' : ''}`,
      `  API:     ${url}`,
      `  Health:  ${url}/healthz`,
      `  Install: ${url}/oauth/hubspot/install`,
      '',
    ].join('\n'),
  );

  const shutdown = async () => {
    server.close();
    await db.end();
    await sandboxes?.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`Smart Transfer failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
