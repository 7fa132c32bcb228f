import { existsSync } from 'node:fs';
import type { Logger } from 'pino';
import { resealLegacyTokens } from './auth/token-reseal.service.js';
import { systemClock } from './clock.js';
import { composeServices, type Services, startWorkers, WORKER_KINDS } from './compose.js';
import type { AppConfig } from './config/config.js';
import { localEncryptionKey, resolveDataDir } from './config/data-dir.js';
import { ConfigError, type Env, parseEnv } from './config/env.js';
import { requireRealConfiguration } from './config/start-mode.js';
import { openRuntimeDatabase, type RuntimeDatabase } from './database.js';
import { createPool, type Db } from './db/pool.js';
import { createJobQueue, type JobQueue } from './jobs/job-queue.js';
import { createLogger } from './logger.js';
import { SOURCES } from './sources/index.js';
import { readSourceConfigs } from './sources/source-configs.js';
import type { SelectSetup } from './transfer/setup/setup-input.js';

/** The environment (and `.env`); a bad value stops the process naming the variable. */
export function loadEnv(): Env {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return parseEnv(process.env);
  } catch (error) {
    exitOnConfigError(error);
    throw error;
  }
}

/** A configuration problem ends the process with its message (the variables named), not a stack trace. */
export function exitOnConfigError(error: unknown): void {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

export interface Runtime {
  env: Env;
  config: AppConfig;
  logger: Logger;
  db: Db;
  queue: JobQueue;
  services: Services;
  close(): Promise<void>;
}

/** What a composition root other than the production one changes (the demo: sandbox hosts, a fresh database). */
export interface RuntimeOverrides {
  hubspot?: Partial<AppConfig['hubspot']>;
  /** Source variables (PIPEDRIVE_…) that win over the environment's: the demo points the sources at its sandboxes. */
  sourceEnv?: Readonly<Record<string, string>>;
  /** A database of the embedded Postgres recreated at this start, instead of DATABASE_URL or the app's own. */
  freshDatabase?: string;
  /** What setup creates from a plan and settings (see composeServices). */
  setupSelection?: SelectSetup;
}

function buildConfig(env: Env, dataDir: string, overrides: RuntimeOverrides): AppConfig {
  return {
    publicApiOrigin: env.PUBLIC_API_ORIGIN ?? `http://localhost:${env.PORT}`,
    trustProxy: env.TRUST_PROXY,
    tokenEncryptionKey: env.TOKEN_ENCRYPTION_KEY
      ? Buffer.from(env.TOKEN_ENCRYPTION_KEY, 'base64')
      : localEncryptionKey(dataDir),
    hubspot: {
      clientId: env.HUBSPOT_CLIENT_ID ?? '',
      clientSecret: env.HUBSPOT_CLIENT_SECRET ?? '',
      ...(env.HUBSPOT_APP_ID === undefined ? {} : { appId: env.HUBSPOT_APP_ID }),
      appBaseUrl: env.HUBSPOT_APP_BASE_URL,
      apiBaseUrl: env.HUBSPOT_API_BASE_URL,
      requestsPer10s: env.HUBSPOT_REQUESTS_PER_10S,
      tier: { tier: env.HUBSPOT_TIER, limitIncrease: env.HUBSPOT_LIMIT_INCREASE },
      ...overrides.hubspot,
    },
    // Each source reads its own variables; the demo's sandboxes override them.
    sources: readSourceConfigs({ ...process.env, ...overrides.sourceEnv }, SOURCES),
  };
}

/**
 * Everything but the HTTP listener: env → data folder → database → queue → services, and the job
 * workers when this process runs them. Shared by `main.ts`, `worker.ts` and the demo's root, which passes
 * its overrides; without them the configuration must be real and complete.
 */
export async function bootRuntime(role: 'web' | 'worker', overrides?: RuntimeOverrides): Promise<Runtime> {
  const env = loadEnv();
  if (!overrides) requireRealConfiguration(process.env);
  const logger = createLogger(env.LOG_LEVEL);
  const dataDir = resolveDataDir(env.DATA_DIR);
  if (dataDir.fallbackFrom) {
    logger.warn(
      { wanted: dataDir.fallbackFrom, using: dataDir.dir },
      'data folder not reachable by the postgres user; using a temp folder',
    );
  }
  const databaseUrl = overrides?.freshDatabase === undefined ? env.DATABASE_URL : undefined;
  const database: RuntimeDatabase = await openRuntimeDatabase({
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    ...(overrides?.freshDatabase === undefined ? {} : { freshDatabase: overrides.freshDatabase }),
    dataDir: dataDir.dir,
    logger,
  });
  const db = createPool(database.url);
  const queue = createJobQueue({
    databaseUrl: database.url,
    logger,
    heartbeatSeconds: env.JOB_HEARTBEAT_SECONDS,
    superviseIntervalSeconds: env.JOB_SUPERVISE_SECONDS,
  });
  await queue.start(WORKER_KINDS);
  const config = buildConfig(env, dataDir.dir, overrides ?? {});
  const services = composeServices({
    config,
    db,
    logger,
    clock: systemClock,
    queue,
    ...(overrides?.setupSelection ? { setupSelection: overrides.setupSelection } : {}),
  });
  await resealLegacyTokens({ db, vault: services.vault, logger });
  const stopPurge = role === 'web' ? services.purge.schedule() : () => {};
  if (role === 'worker' || env.WORKERS_IN_WEB) await startWorkers(queue, services, env.WORKER_CONCURRENCY);
  return {
    env,
    config,
    logger,
    db,
    queue,
    services,
    async close() {
      stopPurge();
      await queue.stop();
      await db.end();
      await database.stop();
    },
  };
}

/** Stops cleanly on SIGINT/SIGTERM. */
export function stopOnSignals(stop: () => Promise<void>): void {
  const handler = () => {
    void stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
