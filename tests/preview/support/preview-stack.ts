/**
 * The whole product on loopback, in this process, for the preview tests: the real backend (test
 * database, job workers), the HubSpot and Pipedrive sandboxes, the demo portal installed through the
 * real OAuth flow, and the preview router in front of the backend, on one HTTP server whose origin is
 * also the backend's public origin (so the connect links the browser opens lead back here).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { systemClock } from '../../../backend/src/clock.js';
import { installDemo } from '../../../backend/src/demo/install.js';
import { createPreviewRouter } from '../../../preview/server/index.ts';
import { type RunningHubSpotSandbox, startHubSpotSandbox } from '../../../sandbox/hubspot/index.js';
import { type RunningPipedriveSandbox, startPipedriveSandbox } from '../../../sandbox/pipedrive/index.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { hubspotSandboxConfig, testConfig, testServices } from '../../support/test-app.js';

export const PREVIEW_PORTAL_ID = 12345678;
export const PREVIEW_USER_ID = 501;

export interface PreviewStack {
  /** e.g. http://127.0.0.1:41234: the backend, its public origin, and the preview. */
  origin: string;
  clientSecret: string;
  db: TestDatabase;
  hubspot: RunningHubSpotSandbox;
  pipedrive: RunningPipedriveSandbox;
  close(): Promise<void>;
}

export interface PreviewStackOptions {
  /** The client secret the preview signs with (default: the backend's own, as in production). */
  previewSecret?: string;
  /** Records in the Pipedrive sandbox's generated dataset (default 200: quick audits). */
  records?: number;
}

export async function startPreviewStack(options: PreviewStackOptions = {}): Promise<PreviewStack> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const db = await createTestDatabase();
  const hubspot = await startHubSpotSandbox({ defaultPortalId: PREVIEW_PORTAL_ID });
  const pipedrive = await startPipedriveSandbox({ dataset: { records: options.records ?? 200, seed: 7 } });
  const config = {
    ...testConfig({
      hubspot: hubspotSandboxConfig(hubspot),
      pipedrive: {
        clientId: pipedrive.clientId,
        clientSecret: pipedrive.clientSecret,
        oauthBaseUrl: pipedrive.oauthBaseUrl,
        apiBaseUrl: pipedrive.apiBaseUrl,
      },
    }),
    publicApiOrigin: origin,
  };
  const logger = pino({ level: 'silent' });
  const services = await testServices(db, config, systemClock, { workers: true, logger });
  await installDemo({ services, logger });

  const site = express();
  site.use(
    createPreviewRouter({
      clientSecret: options.previewSecret ?? config.hubspot.clientSecret,
      publicApiOrigin: origin,
      backendBaseUrl: origin,
      portalId: PREVIEW_PORTAL_ID,
      userId: PREVIEW_USER_ID,
    }),
  );
  site.use(services.app);
  server.on('request', site);

  return {
    origin,
    clientSecret: config.hubspot.clientSecret,
    db,
    hubspot,
    pipedrive,
    async close() {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await services.close();
      await pipedrive.close();
      await hubspot.close();
      await db.drop();
    },
  };
}
