import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import { buildPreview, createPreviewRouter, PREVIEW_PAGES } from '../../preview/server/index.js';
import { DEMO_PORTAL_ID, installDemo } from './demo.js';
import { bootRuntime, stopOnSignals } from './runtime.js';

/** `npm start`: the HTTP backend (and, by default, job workers in the same process). */
async function main(): Promise<void> {
  const runtime = await bootRuntime('web');
  const { env, services } = runtime;
  // In demo mode the site also serves the local preview of the app's HubSpot pages, in front of the backend
  // (whose last handler answers 404); it is set up once the demo portal is installed.
  let preview: RequestHandler | null = null;
  const site = express();
  site.use((req, res, next) => (preview ? preview(req, res, next) : next()));
  site.use(services.app);
  const server: Server = await new Promise((resolve) => {
    const listening = site.listen(env.PORT, env.HOST, () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  if (runtime.demo) {
    const portal = await installDemo(runtime);
    await buildPreview();
    preview = createPreviewRouter({
      clientSecret: runtime.config.hubspot.clientSecret,
      publicApiOrigin: runtime.config.publicApiOrigin,
      backendBaseUrl: `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${port}`,
      portalId: DEMO_PORTAL_ID,
      userId: portal.installedByUserId ?? 1,
    });
  }

  const url = `http://${env.HOST === '0.0.0.0' || env.HOST === '127.0.0.1' ? 'localhost' : env.HOST}:${port}`;
  process.stdout.write(
    [
      '',
      `Smart Transfer is running${runtime.demo ? ' in demo mode (local HubSpot and Pipedrive sandboxes; the demo database is reset at each start)' : ''}`,
      ...(runtime.demo ? PREVIEW_PAGES.map((page) => `  Preview: ${url}${page.path}`) : []),
      `  API:     ${url}`,
      `  Health:  ${url}/healthz`,
      `  Install: ${url}/oauth/hubspot/install`,
      '',
    ].join('\n'),
  );
  stopOnSignals(async () => {
    server.close();
    await runtime.close();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`Smart Transfer failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
