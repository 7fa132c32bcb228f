import type { Express } from 'express';
import type { Logger } from 'pino';
import { createApiDomainCheck } from './auth/api-domain.js';
import { createConnectTickets } from './auth/connect-tickets.service.js';
import { createExpiryPurge } from './auth/expiry-purge.service.js';
import { createHubSpotInstallService } from './auth/hubspot-install.service.js';
import { createHubSpotTokens } from './auth/hubspot-tokens.service.js';
import { createOAuthStates } from './auth/oauth-states.js';
import { createSourceConnectService } from './auth/source-connect.service.js';
import { createSourceTokens } from './auth/source-tokens.service.js';
import { createTokenVault } from './auth/token-vault.js';
import type { Clock } from './clock.js';
import type { AppConfig } from './config/config.js';
import type { Db } from './db/pool.js';
import { connectionsRepository } from './db/repositories/connections.repository.js';
import { createApp } from './http/app.js';
import { type AppManifest, readAppManifest } from './hubspot/app-manifest.js';
import { createHubSpotApi } from './hubspot/hubspot-api.js';
import { createHubSpotOAuthClient } from './hubspot/hubspot-oauth.client.js';
import { createPortalLimiter, type PortalLimiter } from './hubspot/portal-limiter.js';
import { LOWEST_TIER } from './hubspot/portal-limits.js';
import { createJobService } from './jobs/job.service.js';
import type { JobQueue } from './jobs/job-queue.js';
import { createJobRunner } from './jobs/job-runner.js';
import { realSleep } from './sleep.js';
import { SOURCES } from './sources/index.js';
import type { SourceEntry } from './sources/source-module.js';
import { createSourceRegistry } from './sources/source-registry.js';
import { createAuditService } from './transfer/audit/audit.service.js';
import { createAuditHandler } from './transfer/audit/audit-handler.js';
import { createRecordPreviewService } from './transfer/preview/record-preview.service.js';
import { createProgressService } from './transfer/progress.service.js';
import { createFilterCounts } from './transfer/settings/filter-counts.js';
import { createPortalProperties } from './transfer/settings/portal-properties.js';
import { createSettingsService } from './transfer/settings/settings.service.js';
import { setupSelection } from './transfer/settings/setup-selection.js';
import { createSetupService } from './transfer/setup/setup.service.js';
import { createSetupHandler } from './transfer/setup/setup-handler.js';
import type { LoadSettings, SelectSetup } from './transfer/setup/setup-input.js';
import { thenAutomaticSync } from './transfer/sync/automatic-sync.js';
import { createSyncService } from './transfer/sync/sync.service.js';
import { createSyncHandler } from './transfer/sync/sync-handler.js';
import { HUBSPOT_APP } from './transfer/sync/sync-pauses.js';
import { createTransferService } from './transfer/transfer.service.js';

export interface CompositionInput {
  config: AppConfig;
  db: Db;
  logger: Logger;
  clock: Clock;
  queue: JobQueue;
  manifest?: AppManifest;
  /** The source apps served (default: sources/index.ts's list); tests add a source or inject timing here. */
  sources?: readonly SourceEntry[];
  /** What setup creates from a plan and settings, and where stored settings come from (see setup-input.ts). */
  setupSelection?: SelectSetup;
  loadSettings?: LoadSettings;
  /** false: a completed setup never starts the sync by itself (tests of setup alone); default: the settings decide. */
  automaticSync?: boolean;
  /** The per-portal HubSpot limiter (default: the shared Postgres one from config); the benchmark observes or disables it. */
  portalLimiter?: PortalLimiter;
}

/** Wires clients, services, job handlers and the HTTP app: the one place that knows every part. */
export function composeServices(input: CompositionInput) {
  const { config, db, logger, clock, queue } = input;
  const vault = createTokenVault(config.tokenEncryptionKey);
  const states = createOAuthStates({ db, clock });
  const hubspotOAuth = createHubSpotOAuthClient(config.hubspot);
  const jobs = createJobService({ db, queue });
  const install = createHubSpotInstallService({
    db,
    config,
    manifest: input.manifest ?? readAppManifest(),
    states,
    oauth: hubspotOAuth,
    vault,
    clock,
    onInstalled: (portalId) => jobs.resumeAfterReconnect({ portalId, app: HUBSPOT_APP }),
  });
  const hubspotTokens = createHubSpotTokens({ db, oauth: hubspotOAuth, vault, clock, logger });
  const hubspot = createHubSpotApi({
    apiBaseUrl: config.hubspot.apiBaseUrl,
    limiter:
      input.portalLimiter ??
      createPortalLimiter({
        db,
        requestsPer10s: config.hubspot.requestsPer10s,
        tierOf: () => config.hubspot.tier ?? LOWEST_TIER,
      }),
    tokens: hubspotTokens,
    logger,
  });
  const sources = createSourceRegistry(input.sources ?? SOURCES, config.sources, { logger, clock, sleep: realSleep });
  const apiDomainAllowed = createApiDomainCheck(sources.trustedApiDomains);
  const sourceTokens = createSourceTokens({ db, vault, clock, logger, connector: sources.connector, apiDomainAllowed });
  const tickets = createConnectTickets({ states, publicApiOrigin: config.publicApiOrigin, sources });
  const sourceConnect = createSourceConnectService({
    db,
    logger,
    clock,
    publicApiOrigin: config.publicApiOrigin,
    tickets,
    states,
    vault,
    connector: sources.connector,
    apiDomainAllowed,
    onConnected: ({ portalId, source, connectionId }) =>
      jobs.resumeAfterReconnect({ portalId, app: source, connectionId }),
  });
  const audits = createAuditService({ db, jobs, states, publicApiOrigin: config.publicApiOrigin, sources });
  const settings = createSettingsService({ db, hubspot, sources });
  // Setup creates what the settings in force (saved, carried over to the latest audit, or the defaults) select.
  const settingsInForce: LoadSettings = async (db, connectionId) => {
    const connection = await connectionsRepository.find(db, connectionId);
    return connection ? settings.inForce(connection.portalId, connection.source) : null;
  };
  const setupInput = {
    db,
    sources,
    select: input.setupSelection ?? setupSelection,
    loadSettings: input.loadSettings ?? settingsInForce,
  };
  const runner = createJobRunner({
    db,
    logger,
    queue,
    handlers: {
      audit: createAuditHandler({ db, clock, sources, sourceTokens, hubspot }),
      setup:
        input.automaticSync === false
          ? createSetupHandler({ ...setupInput, hubspot })
          : thenAutomaticSync(createSetupHandler({ ...setupInput, hubspot }), {
              db,
              jobs,
              readSettings: settings.inForce,
            }),
      sync: createSyncHandler({ db, hubspot, sources, sourceTokens, hubspotTokens, readSettings: settings.inForce }),
    },
  });
  const progress = createProgressService({ db, sources });
  const transfers = createTransferService({ db, jobs });
  const sync = createSyncService({ db, jobs, transfers, sources });
  const filterCounts = createFilterCounts({ settings, sources, sourceTokens });
  const setup = createSetupService({
    ...setupInput,
    jobs,
    transfers,
    states,
    hubspot,
    publicApiOrigin: config.publicApiOrigin,
  });
  const purge = createExpiryPurge({ db, clock, logger });
  const app: Express = createApp({
    db,
    logger,
    clock,
    config,
    sources,
    install,
    tickets,
    sourceConnect,
    jobs,
    audits,
    progress,
    transfers,
    setup,
    sync,
    recordPreviews: createRecordPreviewService({ db, sources, sourceTokens, readSettings: settings.inForce }),
    settings,
    filterCounts,
    portalProperties: createPortalProperties({ hubspot }),
  });
  return {
    app,
    sources,
    vault,
    install,
    hubspotTokens,
    sourceTokens,
    tickets,
    sourceConnect,
    jobs,
    audits,
    settings,
    setup,
    sync,
    runner,
    purge,
  };
}
export type Services = ReturnType<typeof composeServices>;

/** The job kinds this product runs (the queues runtime.ts starts). */
export const WORKER_KINDS = ['audit', 'setup', 'sync'] as const;

/** Makes this process a worker: it runs queued jobs, and records as failed those the queue gave up on. */
export async function startWorkers(
  queue: JobQueue,
  services: Pick<Services, 'runner'>,
  concurrency = 2,
): Promise<void> {
  for (const kind of WORKER_KINDS)
    await queue.work(kind, (jobId, attempt) => services.runner.run(jobId, attempt), concurrency);
  await queue.workDeadLetters((jobId) => services.runner.markAbandoned(jobId));
}
