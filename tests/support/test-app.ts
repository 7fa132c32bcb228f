import { randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';
import type { Clock } from '../../backend/src/clock.js';
import { composeServices, startWorkers, WORKER_KINDS } from '../../backend/src/compose.js';
import type { AppConfig } from '../../backend/src/config/config.js';
import { createJobQueue } from '../../backend/src/jobs/job-queue.js';
import type { PipedriveConfig } from '../../backend/src/sources/pipedrive/pipedrive-config.js';
import type { SourceEntry } from '../../backend/src/sources/source-module.js';
import type { SelectSetup } from '../../backend/src/transfer/setup/setup-input.js';
import type { TestDatabase } from './database.js';

export const TEST_PUBLIC_ORIGIN = 'https://api.smart-transfer.test';
export const TEST_CLIENT_SECRET = 'test-hubspot-client-secret';

/** A clock tests move by hand, so expiry is tested without waiting. */
export function manualClock(
  start = new Date('2026-11-30T10:00:00Z'),
): Clock & { advance(ms: number): void; set(date: Date): void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (date) => {
      now = date.getTime();
    },
  };
}

type HubSpotAppSettings = Pick<AppConfig['hubspot'], 'clientId' | 'clientSecret' | 'appBaseUrl' | 'apiBaseUrl'>;

/** The app's HubSpot settings for a HubSpot sandbox: its app's credentials and its URLs. */
export const hubspotSandboxConfig = (sandbox: HubSpotAppSettings): HubSpotAppSettings => ({
  clientId: sandbox.clientId,
  clientSecret: sandbox.clientSecret,
  appBaseUrl: sandbox.appBaseUrl,
  apiBaseUrl: sandbox.apiBaseUrl,
});

export function testConfig(
  overrides: {
    hubspot?: Partial<AppConfig['hubspot']>;
    pipedrive?: Partial<PipedriveConfig>;
    sources?: Record<string, unknown>;
  } = {},
): AppConfig {
  return {
    publicApiOrigin: TEST_PUBLIC_ORIGIN,
    tokenEncryptionKey: randomBytes(32),
    hubspot: {
      clientId: 'test-hubspot-client-id',
      clientSecret: TEST_CLIENT_SECRET,
      appBaseUrl: 'http://127.0.0.1:9',
      apiBaseUrl: 'http://127.0.0.1:9',
      requestsPer10s: 110,
      ...overrides.hubspot,
    },
    sources: {
      pipedrive: {
        clientId: 'test-pipedrive-client-id',
        clientSecret: 'test-pipedrive-client-secret',
        oauthBaseUrl: 'http://127.0.0.1:9',
        apiBaseUrl: 'http://127.0.0.1:9',
        allowedApiDomains: ['https://*.pipedrive.com'],
        ...overrides.pipedrive,
      } satisfies PipedriveConfig,
      ...overrides.sources,
    },
  };
}

export interface TestServiceOptions {
  logger?: Logger;
  /** Run queued jobs in this process (default: jobs are only queued). */
  workers?: boolean;
  /** The source apps served (default: the product's list). */
  sources?: readonly SourceEntry[];
  /** What setup creates from a plan and settings (composeServices' `setupSelection`). */
  setupSelection?: SelectSetup;
  /** false: setup never starts the sync by itself (composeServices' `automaticSync`). */
  automaticSync?: boolean;
  /** Retries of a job before it fails (default 2, so failure tests end fast); set when the queue is created. */
  jobRetryLimit?: number;
}

/**
 * The real services over a test database with a real (pg-boss) job queue; logs go nowhere unless a
 * logger is given. Call close() in afterAll.
 */
export async function testServices(
  db: TestDatabase,
  config: AppConfig,
  clock: Clock,
  options: TestServiceOptions = {},
) {
  const logger = options.logger ?? pino({ level: 'silent' });
  const queue = createJobQueue({
    databaseUrl: db.url,
    logger,
    superviseIntervalSeconds: 1,
    pollingIntervalSeconds: 0.5,
    retryLimit: options.jobRetryLimit ?? 2,
    retryDelaySeconds: 1,
  });
  await queue.start(WORKER_KINDS);
  const services = composeServices({
    config,
    db: db.pool,
    clock,
    logger,
    queue,
    ...(options.sources ? { sources: options.sources } : {}),
    ...(options.setupSelection ? { setupSelection: options.setupSelection } : {}),
    ...(options.automaticSync === undefined ? {} : { automaticSync: options.automaticSync }),
  });
  if (options.workers) await startWorkers(queue, services);
  return { ...services, queue, close: () => queue.stop() };
}
