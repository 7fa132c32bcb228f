import { startHubSpotSandbox } from '../../../sandbox/hubspot/index.js';
import { startPipedriveSandbox } from '../../../sandbox/pipedrive/index.js';
import type { RuntimeOverrides } from '../runtime.js';

/** The demo portal the preview and the demo are installed in. */
export const DEMO_PORTAL_ID = 12345678;

/** The demo's Pipedrive account is generated from this seed: the same account at every start. */
const DEMO_SEED = 2026;

export interface DemoSandboxes {
  /** The configuration that points the runtime at these sandboxes. */
  overrides: Required<Pick<RuntimeOverrides, 'hubspot' | 'sourceEnv'>>;
  /** Back to a fresh demo portal in HubSpot (no records, no settings, the app not installed). */
  resetHubSpot(): void;
  close(): Promise<void>;
}

/**
 * In-process HubSpot and Pipedrive sandboxes, fresh at every start; the demo portal is Professional. The
 * Pipedrive account is a realistic one of `records` records (DEMO_RECORDS): every kind of record, every
 * field type, several pipelines, currencies, users.
 */
export async function startDemoSandboxes(records: number): Promise<DemoSandboxes> {
  const hubspot = await startHubSpotSandbox({ defaultPortalId: DEMO_PORTAL_ID, tier: 'professional' });
  const pipedrive = await startPipedriveSandbox({ dataset: { records, seed: DEMO_SEED }, plan: 'growth', seats: 3 });
  return {
    overrides: {
      hubspot: {
        clientId: hubspot.clientId,
        clientSecret: hubspot.clientSecret,
        appBaseUrl: hubspot.appBaseUrl,
        apiBaseUrl: hubspot.apiBaseUrl,
      },
      sourceEnv: {
        PIPEDRIVE_CLIENT_ID: pipedrive.clientId,
        PIPEDRIVE_CLIENT_SECRET: pipedrive.clientSecret,
        PIPEDRIVE_OAUTH_BASE_URL: pipedrive.oauthBaseUrl,
        PIPEDRIVE_API_BASE_URL: pipedrive.apiBaseUrl,
      },
    },
    resetHubSpot: () => hubspot.state.reset(),
    close: async () => {
      await Promise.all([hubspot.close(), pipedrive.close()]);
    },
  };
}
