/**
 * The demo's composition root and launcher (`npm start` when nothing real is configured, or DEMO=1):
 * in-process HubSpot and Pipedrive sandboxes, the normal runtime pointed at them with a database
 * recreated at each start, the demo portal installed through the real OAuth flow, and the local preview
 * of the app's HubSpot pages in front of the backend. The only production-side code that imports
 * sandbox/ or preview/.
 */
import express, { type RequestHandler } from 'express';
import { buildPreview, createPreviewRouter, PREVIEW_PAGES } from '../../../preview/server/index.js';
import { listen, startBanner } from '../http/listen.js';
import { errorHandler } from '../http/middleware/errors.js';
import { bootRuntime, exitOnConfigError, stopOnSignals } from '../runtime.js';
import { installDemo } from './install.js';
import { DEMO_PORTAL_ID, startDemoSandboxes } from './sandboxes.js';

/** The demo's own database in the embedded Postgres (never DATABASE_URL: it is dropped at each start). */
const DEMO_DATABASE = 'smart_transfer_demo';

async function main(): Promise<void> {
  const sandboxes = await startDemoSandboxes();
  const runtime = await bootRuntime('web', { ...sandboxes.overrides, freshDatabase: DEMO_DATABASE });
  const { env, services } = runtime;
  // The preview answers /preview/* in front of the backend (whose last handler answers 404); it is set
  // up once the demo portal is installed and the server's port is known.
  let preview: RequestHandler | null = null;
  const site = express();
  site.disable('x-powered-by');
  site.use((req, res, next) => (preview ? preview(req, res, next) : next()));
  site.use(services.app);
  site.use(errorHandler(runtime.logger));
  const { server, localUrl, displayUrl } = await listen(site, env.HOST, env.PORT);
  const portal = await installDemo(runtime);
  await buildPreview();
  preview = createPreviewRouter({
    clientSecret: runtime.config.hubspot.clientSecret,
    publicApiOrigin: runtime.config.publicApiOrigin,
    backendBaseUrl: localUrl,
    portalId: DEMO_PORTAL_ID,
    userId: portal.installedByUserId ?? 1,
  });
  process.stdout.write(
    startBanner(
      displayUrl,
      'Smart Transfer is running in demo mode (local HubSpot and Pipedrive sandboxes; the demo database is reset at each start)',
      PREVIEW_PAGES.map((page) => `  Preview: ${displayUrl}${page.path}`),
    ),
  );
  stopOnSignals(async () => {
    server.close();
    await runtime.close();
    await sandboxes.close();
  });
}

main().catch((error: unknown) => {
  exitOnConfigError(error);
  process.stderr.write(
    `Smart Transfer (demo) failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
