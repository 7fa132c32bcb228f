import { startHubSpotSandbox } from '../../sandbox/hubspot/index.js';
import { startPipedriveSandbox } from '../../sandbox/pipedrive/index.js';
import type { Portal } from './db/repositories/portals.repository.js';
import type { Runtime } from './runtime.js';

/** The demo portal the preview and the demo are installed in. */
export const DEMO_PORTAL_ID = 12345678;

export interface DemoSandboxes {
  /** The variables the backend would read to use these sandboxes (as `npm run sandbox` prints them). */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** A realistic small Pipedrive account for the demo: every field type, several pipelines, currencies, users. */
const DEMO_DATASET = { records: 2000, seed: 2026 };

/** Demo mode: with no real credentials, the app talks to in-process sandboxes, fresh at every start. */
export async function startDemoSandboxes(): Promise<DemoSandboxes> {
  const hubspot = await startHubSpotSandbox({ defaultPortalId: DEMO_PORTAL_ID });
  const pipedrive = await startPipedriveSandbox({ dataset: DEMO_DATASET, plan: 'growth', seats: 3 });
  return {
    env: { ...hubspot.env(), ...pipedrive.env() },
    close: async () => {
      await Promise.all([hubspot.close(), pipedrive.close()]);
    },
  };
}

/**
 * Installs the app in the demo portal through the real OAuth flow: authorize (the sandbox approves),
 * then the same callback handling a real install gets.
 */
export async function installDemo(runtime: Pick<Runtime, 'services' | 'logger'>): Promise<Portal> {
  const { install } = runtime.services;
  const authorize = await fetch(await install.authorizeUrl(), { redirect: 'manual' });
  const location = authorize.headers.get('location');
  if (authorize.status !== 302 || !location) throw new Error(`demo install: authorize answered ${authorize.status}`);
  const callback = new URL(location);
  const code = callback.searchParams.get('code');
  const state = callback.searchParams.get('state');
  if (!code || !state) throw new Error('demo install: authorize gave no code');
  const portal = await install.completeInstall({ code, state });
  runtime.logger.info({ portalId: portal.id }, 'demo portal installed');
  return portal;
}
