import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { ConnectTickets } from '../auth/connect-tickets.service.js';
import type { HubSpotInstallService } from '../auth/hubspot-install.service.js';
import type { SourceConnectService } from '../auth/source-connect.service.js';
import type { Clock } from '../clock.js';
import type { AppConfig } from '../config/config.js';
import type { Db } from '../db/pool.js';
import type { JobService } from '../jobs/job.service.js';
import type { SourceRegistry } from '../sources/source-registry.js';
import type { AuditService } from '../transfer/audit/audit.service.js';
import type { RecordPreviewService } from '../transfer/preview/record-preview.service.js';
import type { ProgressService } from '../transfer/progress.service.js';
import type { FilterCounts } from '../transfer/settings/filter-counts.js';
import type { PortalProperties } from '../transfer/settings/portal-properties.js';
import type { SettingsService } from '../transfer/settings/settings.service.js';
import type { SetupService } from '../transfer/setup/setup.service.js';
import type { SyncService } from '../transfer/sync/sync.service.js';
import type { TransferService } from '../transfer/transfer.service.js';
import { errorHandler, notFoundHandler } from './middleware/errors.js';
import { publicRateLimit } from './middleware/rate-limit.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { rawBody, signedRequest } from './middleware/signed-request.js';
import { auditRoutes, downloadRoutes } from './routes/audit.routes.js';
import { connectRoutes } from './routes/connect.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { hubspotInstallRoutes } from './routes/hubspot-install.routes.js';
import { hubspotPropertiesRoutes } from './routes/hubspot-properties.routes.js';
import { portalRoutes } from './routes/portal.routes.js';
import { recordPreviewRoutes } from './routes/record-preview.routes.js';
import { settingsRoutes } from './routes/settings.routes.js';
import { errorDownloadRoutes, setupRoutes } from './routes/setup.routes.js';
import { sourceOAuthRoutes } from './routes/source-oauth.routes.js';
import { syncRoutes } from './routes/sync.routes.js';
import { transferRoutes } from './routes/transfer.routes.js';

export interface AppServices {
  db: Db;
  logger: Logger;
  clock: Clock;
  config: AppConfig;
  sources: SourceRegistry;
  install: HubSpotInstallService;
  tickets: ConnectTickets;
  sourceConnect: SourceConnectService;
  jobs: JobService;
  audits: AuditService;
  progress: ProgressService;
  transfers: TransferService;
  setup: SetupService;
  sync: SyncService;
  recordPreviews: RecordPreviewService;
  settings: SettingsService;
  filterCounts: FilterCounts;
  portalProperties: PortalProperties;
}

/** The HTTP app: public OAuth and download routes, and the /api tree where every call is signed by HubSpot. */
export function createApp(services: AppServices): Express {
  const { config } = services;
  const app = express();
  app.disable('x-powered-by');
  // The client address is the socket's, unless TRUST_PROXY says how many proxy hops set X-Forwarded-For.
  app.set('trust proxy', config.trustProxy ?? 0);
  app.use(requestLog(services.logger));
  app.use(securityHeaders());

  app.use(healthRoutes(services));
  // Unauthenticated routes that write (states, tickets spent, links spent): limited per client address.
  app.use(['/oauth', '/downloads'], publicRateLimit());
  app.use('/oauth', cookieParser());
  app.use(hubspotInstallRoutes({ install: services.install, publicApiOrigin: config.publicApiOrigin }));
  app.use(
    sourceOAuthRoutes({
      sourceConnect: services.sourceConnect,
      sources: services.sources,
      publicApiOrigin: config.publicApiOrigin,
    }),
  );
  app.use(errorDownloadRoutes(services));
  app.use(downloadRoutes(services));

  // Everything under /api is a UI call: raw body kept, HubSpot signature checked, portal resolved.
  const api = express.Router();
  api.use(
    '/api',
    rawBody,
    signedRequest({
      db: services.db,
      clock: services.clock,
      clientSecret: config.hubspot.clientSecret,
      publicApiOrigin: config.publicApiOrigin,
      ...(config.hubspot.appId === undefined ? {} : { appId: config.hubspot.appId }),
    }),
  );
  api.use(portalRoutes(services));
  api.use(connectRoutes(services));
  api.use(auditRoutes(services));
  api.use(transferRoutes(services));
  api.use(setupRoutes(services));
  api.use(syncRoutes(services));
  api.use(recordPreviewRoutes(services));
  api.use(settingsRoutes(services));
  api.use(hubspotPropertiesRoutes(services));
  app.use(api);

  app.use(notFoundHandler);
  app.use(errorHandler(services.logger));
  return app;
}
