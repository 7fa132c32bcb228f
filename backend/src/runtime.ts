import { existsSync } from 'node:fs';
import type { Logger } from 'pino';
import { systemClock } from './clock.js';
import { composeServices, type Services, startWorkers } from './compose.js';
import type { AppConfig } from './config/config.js';
import { localEncryptionKey, resolveDataDir } from './config/data-dir.js';
import { ConfigError, type Env, parseEnv } from './config/env.js';
import { openRuntimeDatabase, type RuntimeDatabase } from './database.js';
import { createPool, type Db } from './db/pool.js';
import { type DemoSandboxes, startDemoSandboxes } from './demo.js';
import { createJobQueue, type JobQueue } from './jobs/job-queue.js';
import { createLogger } from './logger.js';
import { SOURCES } from './sources/index.js';
import { readSourceConfigs } from './sources/source-configs.js';

export function loadEnv(): Env {
  if (existsSync('.env')) process.loadEnvFile('.env');
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

export interface Runtime {
  env: Env;
  config: AppConfig;
  logger: Logger;
  demo: DemoSandboxes | null;
  db: Db;
  queue: JobQueue;
  services: Services;
  close(): Promise<void>;
}

function buildConfig(env: Env, dataDir: string, demo: DemoSandboxes | null): AppConfig {
  const sandboxEnv = demo?.env;
  return {
    publicApiOrigin: env.PUBLIC_API_ORIGIN ?? `http://localhost:${env.PORT}`,
    tokenEncryptionKey: env.TOKEN_ENCRYPTION_KEY ? Buffer.from(env.TOKEN_ENCRYPTION_KEY, 'base64') : localEncryptionKey(dataDir),
    hubspot: {
      clientId: sandboxEnv?.HUBSPOT_CLIENT_ID ?? env.HUBSPOT_CLIENT_ID ?? '',
      clientSecret: sandboxEnv?.HUBSPOT_CLIENT_SECRET ?? env.HUBSPOT_CLIENT_SECRET ?? '',
      ...(env.HUBSPOT_APP_ID === undefined ? {} : { appId: env.HUBSPOT_APP_ID }),
      appBaseUrl: sandboxEnv?.HUBSPOT_APP_BASE_URL ?? env.HUBSPOT_APP_BASE_URL,
      apiBaseUrl: sandboxEnv?.HUBSPOT_API_BASE_URL ?? env.HUBSPOT_API_BASE_URL,
      requestsPer10s: env.HUBSPOT_REQUESTS_PER_10S,
    },
    // Each source reads its own variables; the demo's sandboxes override them.
    sources: readSourceConfigs({ ...process.env, ...sandboxEnv }, SOURCES),
  };
}

/**
 * Everything but the HTTP listener: env → data folder → (demo sandboxes) → database → queue → services,
 * and the job workers when this process runs them. Shared by `npm start` and `npm run worker`.
 */
export async function bootRuntime(role: 'web' | 'worker'): Promise<Runtime> {
  const env = loadEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const demoMode = env.HUBSPOT_CLIENT_ID === undefined || env.HUBSPOT_CLIENT_SECRET === undefined;
  if (demoMode && role === 'worker') {
    throw new ConfigError(['HUBSPOT_CLIENT_ID: a separate worker needs the real configuration; in demo mode `npm start` runs the jobs itself']);
  }
  const dataDir = resolveDataDir(env.DATA_DIR);
  if (dataDir.fallbackFrom) {
    logger.warn({ wanted: dataDir.fallbackFrom, using: dataDir.dir }, 'data folder not reachable by the postgres user; using a temp folder');
  }
  const demo = demoMode ? await startDemoSandboxes() : null;
  const database: RuntimeDatabase = await openRuntimeDatabase({
    ...(env.DATABASE_URL === undefined ? {} : { databaseUrl: env.DATABASE_URL }),
    dataDir: dataDir.dir,
    demo: demoMode,
    logger,
  });
  const db = createPool(database.url);
  const queue = createJobQueue({
    databaseUrl: database.url,
    logger,
    heartbeatSeconds: env.JOB_HEARTBEAT_SECONDS,
    superviseIntervalSeconds: env.JOB_SUPERVISE_SECONDS,
  });
  await queue.start(['audit']);
  const config = buildConfig(env, dataDir.dir, demo);
  const services = composeServices({ config, db, logger, clock: systemClock, queue });
  if (role === 'worker' || env.WORKERS_IN_WEB) await startWorkers(queue, services, env.WORKER_CONCURRENCY);
  return {
    env,
    config,
    logger,
    demo,
    db,
    queue,
    services,
    async close() {
      await queue.stop();
      await db.end();
      await demo?.close();
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
