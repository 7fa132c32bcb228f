import { startHubSpotSandbox } from '../../../sandbox/hubspot/index.js';
import { startPipedriveSandbox } from '../../../sandbox/pipedrive/index.js';
import type { RuntimeOverrides } from '../runtime.js';

/** The demo portal the preview and the demo are installed in. */
export const DEMO_PORTAL_ID = 12345678;

/** A realistic small Pipedrive account for the demo: every field type, several pipelines, currencies, users. */
const DEMO_DATASET = { records: 2000, seed: 2026 };

export interface DemoSandboxes {
  /** The configuration that points the runtime at these sandboxes. */
  overrides: Required<Pick<RuntimeOverrides, 'hubspot' | 'sourceEnv'>>;
  close(): Promise<void>;
}

/** In-process HubSpot and Pipedrive sandboxes, fresh at every start. */
export async function startDemoSandboxes(): Promise<DemoSandboxes> {
  const hubspot = await startHubSpotSandbox({ defaultPortalId: DEMO_PORTAL_ID });
  const pipedrive = await startPipedriveSandbox({ dataset: DEMO_DATASET, plan: 'growth', seats: 3 });
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
    close: async () => {
      await Promise.all([hubspot.close(), pipedrive.close()]);
    },
  };
}
