import { startHubSpotSandbox } from '../../../sandbox/hubspot/index.js';
import { startPipedriveSandbox } from '../../../sandbox/pipedrive/index.js';
import type { RuntimeOverrides } from '../runtime.js';

/** The demo portal the preview and the demo are installed in. */
export const DEMO_PORTAL_ID = 12345678;

/**
 * A realistic small Pipedrive account for the demo: every kind of record, every field type, several
 * pipelines, currencies, users. DEMO_RECORDS makes it smaller or larger (the start test uses a small one).
 */
export function demoDataset(env: NodeJS.ProcessEnv = process.env): { records: number; seed: number } {
  const records = Number(env['DEMO_RECORDS'] ?? 3000);
  if (!Number.isSafeInteger(records) || records < 1) throw new Error('DEMO_RECORDS must be a positive integer');
  return { records, seed: 2026 };
}

export interface DemoSandboxes {
  /** The configuration that points the runtime at these sandboxes. */
  overrides: Required<Pick<RuntimeOverrides, 'hubspot' | 'sourceEnv'>>;
  /** Back to a fresh demo portal in HubSpot (no records, no settings, the app not installed). */
  resetHubSpot(): void;
  close(): Promise<void>;
}

/** In-process HubSpot and Pipedrive sandboxes, fresh at every start; the demo portal is Professional. */
export async function startDemoSandboxes(): Promise<DemoSandboxes> {
  const hubspot = await startHubSpotSandbox({ defaultPortalId: DEMO_PORTAL_ID, tier: 'professional' });
  const pipedrive = await startPipedriveSandbox({ dataset: demoDataset(), plan: 'growth', seats: 3 });
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
