/**
 * The demo's composition root and launcher (`npm start` when nothing real is configured, or DEMO=1):
 * in-process HubSpot and Pipedrive sandboxes, the normal runtime pointed at them with a database
 * recreated at each start, the demo portal installed through the real OAuth flow, and the local preview
 * of the app's HubSpot pages in front of the backend. It then runs the whole job on the demo account —
 * connect, audit, default settings, setup, sync — with a progress bar, prints a summary and keeps
 * serving, so the result can be opened in the preview ("Start over" resets the demo portal). The only
 * production-side code that imports sandbox/ or preview/.
 */
import express, { type RequestHandler } from 'express';
import { buildPreview, createPreviewRouter, PREVIEW_PAGES } from '../../../preview/server/index.js';
import { listen, startBanner } from '../http/listen.js';
import { errorHandler } from '../http/middleware/errors.js';
import { bootRuntime, exitOnConfigError, loadEnv, stopOnSignals } from '../runtime.js';
import { installDemo } from './install.js';
import { runMainJob } from './main-job.js';
import { DEMO_PORTAL_ID, startDemoSandboxes } from './sandboxes.js';
import { createStartOverRouter, START_OVER_PATH } from './start-over.js';
import { progressPrinter, summaryLines } from './terminal.js';

/** The demo's own database in the embedded Postgres (never DATABASE_URL: it is dropped at each start). */
const DEMO_DATABASE = 'smart_transfer_demo';

async function main(): Promise<void> {
  const sandboxes = await startDemoSandboxes(loadEnv().DEMO_RECORDS);
  const runtime = await bootRuntime('web', {
    ...sandboxes.overrides,
    // The sandbox's demo portal is Professional: the limiter may use that tier's associations limit.
    hubspot: { ...sandboxes.overrides.hubspot, tier: { tier: 'professional', limitIncrease: false } },
    freshDatabase: DEMO_DATABASE,
  });
  const { env, services } = runtime;
  let running = true;
  // The preview answers /preview/* in front of the backend (whose last handler answers 404); it is set
  // up once the demo portal is installed and the server's port is known.
  let preview: RequestHandler | null = null;
  const site = express();
  site.disable('x-powered-by');
  site.use((req, res, next) => (preview ? preview(req, res, next) : next()));
  site.use(
    createStartOverRouter({
      db: runtime.db,
      logger: runtime.logger,
      services,
      portalId: DEMO_PORTAL_ID,
      resetHubSpot: sandboxes.resetHubSpot,
      busy: () => running,
    }),
  );
  site.use(services.app);
  site.use(errorHandler(runtime.logger));
  const { server, localUrl, displayUrl } = await listen(site, env.HOST, env.PORT);
  stopOnSignals(async () => {
    server.close();
    await runtime.close();
    await sandboxes.close();
  });
  const portal = await installDemo(runtime);
  await buildPreview();
  preview = createPreviewRouter({
    clientSecret: runtime.config.hubspot.clientSecret,
    publicApiOrigin: runtime.config.publicApiOrigin,
    backendBaseUrl: localUrl,
    portalId: DEMO_PORTAL_ID,
    userId: portal.installedByUserId ?? 1,
    startOverUrl: START_OVER_PATH,
  });
  const previewLines = PREVIEW_PAGES.map((page) => `  Preview: ${displayUrl}${page.path}`);
  process.stdout.write(
    startBanner(
      displayUrl,
      'Smart Transfer is running in demo mode (local HubSpot and Pipedrive sandboxes; the demo database is reset at each start)',
      [
        ...previewLines,
        `  HubSpot sandbox:   ${sandboxes.overrides.hubspot.apiBaseUrl} (inspection: /_sandbox/portals/${DEMO_PORTAL_ID}/state)`,
        `  Pipedrive sandbox: ${sandboxes.overrides.sourceEnv.PIPEDRIVE_API_BASE_URL}`,
      ],
    ),
  );
  process.stdout.write('Running the whole job on the demo Pipedrive account…\n');
  const progress = progressPrinter();
  try {
    const result = await runMainJob(
      services,
      { portalId: DEMO_PORTAL_ID, userId: portal.installedByUserId ?? 1, source: 'pipedrive' },
      { events: progress },
    );
    progress.end();
    process.stdout.write(`\n${summaryLines(result).join('\n')}\n`);
  } catch (error) {
    progress.end();
    process.stdout.write(`\nThe demo transfer stopped: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    running = false;
  }
  process.stdout.write(
    [
      'Open the result in the preview (the Smart Transfer tab; "Start over" there resets the demo portal to walk it yourself):',
      ...previewLines,
      'Still serving; stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  exitOnConfigError(error);
  process.stderr.write(
    `Smart Transfer (demo) failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
