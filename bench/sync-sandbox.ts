/**
 * The sync benchmark's sandbox process (bench/sync.ts starts it, so its memory and CPU are measured
 * apart from the engine's): a generated Pipedrive account and a HubSpot sandbox whose default portal is
 * Professional. Prints one JSON line with the hosts and credentials, then serves until SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startHubSpotSandbox } from '../sandbox/hubspot/index.js';
import { type Plan, startPipedriveSandbox } from '../sandbox/pipedrive/index.js';

const { values } = parseArgs({
  options: {
    records: { type: 'string' },
    plan: { type: 'string' },
    seats: { type: 'string' },
    portal: { type: 'string' },
  },
});

const generatedAt = Date.now();
const pipedrive = await startPipedriveSandbox({
  dataset: { records: Number(values.records), seed: 1 },
  plan: values.plan as Plan,
  seats: Number(values.seats),
});
const generatedSeconds = (Date.now() - generatedAt) / 1000;
const hubspot = await startHubSpotSandbox({ defaultPortalId: Number(values.portal), tier: 'professional' });
const settings = pipedrive.state.settings();
process.stdout.write(
  `${JSON.stringify({
    generatedSeconds,
    plan: settings.plan,
    seats: settings.seats,
    dailyBudget: pipedrive.state.limits.dailyBudget(),
    pipedrive: {
      clientId: pipedrive.clientId,
      clientSecret: pipedrive.clientSecret,
      oauthBaseUrl: pipedrive.oauthBaseUrl,
      apiBaseUrl: pipedrive.apiBaseUrl,
    },
    hubspot: {
      clientId: hubspot.clientId,
      clientSecret: hubspot.clientSecret,
      appBaseUrl: hubspot.appBaseUrl,
      apiBaseUrl: hubspot.apiBaseUrl,
    },
  })}\n`,
);

process.once('SIGTERM', () => {
  void Promise.all([pipedrive.close(), hubspot.close()]).finally(() => process.exit(0));
});
