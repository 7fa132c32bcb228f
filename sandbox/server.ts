/**
 * `npm run sandbox`: the Pipedrive and HubSpot sandboxes on loopback ports, printing each
 * environment variable the backend reads on a line of its own, serving until SIGINT/SIGTERM.
 *
 * Flags: --pipedrive-port N, --hubspot-port N, --records N (generated dataset size), --seed N,
 * --dataset FILE (a dataset JSON instead), --plan lite|growth|premium|ultimate, --seats N,
 * --hubspot-tier free|starter|professional|enterprise (the HubSpot portal's tier; default starter).
 */
import { parseArgs } from 'node:util';
import { startHubSpotSandbox } from './hubspot/index.js';
import { parseTier } from './hubspot/tier.js';
import { startPipedriveSandbox } from './pipedrive/index.js';
import { type Plan, PLANS } from './pipedrive/limits.js';

const { values } = parseArgs({
  options: {
    'pipedrive-port': { type: 'string', default: '0' },
    'hubspot-port': { type: 'string', default: '0' },
    records: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    dataset: { type: 'string' },
    plan: { type: 'string', default: 'growth' },
    seats: { type: 'string', default: '5' },
    'hubspot-tier': { type: 'string', default: 'starter' },
  },
});

function integer(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`--${name} must be a non-negative integer, got ${raw}`);
  return value;
}

function plan(raw: string): Plan {
  const match = PLANS.find((candidate) => candidate === raw);
  if (!match) throw new Error(`--plan must be one of ${PLANS.join(', ')}`);
  return match;
}

const seed = integer('seed', values.seed);
const pipedrive = await startPipedriveSandbox({
  port: integer('pipedrive-port', values['pipedrive-port']),
  plan: plan(values.plan),
  seats: integer('seats', values.seats),
  seed,
  dataset: values.dataset ? { file: values.dataset } : { records: integer('records', values.records), seed },
});
const hubspot = await startHubSpotSandbox({
  port: integer('hubspot-port', values['hubspot-port']),
  seed,
  tier: parseTier(values['hubspot-tier']),
});

for (const [name, value] of [...Object.entries(pipedrive.env()), ...Object.entries(hubspot.env())])
  console.log(`${name}=${value}`);
const settings = pipedrive.state.settings();
console.log(
  `Pipedrive plan: ${settings.plan}, seats: ${settings.seats} (daily budget ${pipedrive.state.limits.dailyBudget()} tokens)`,
);
console.log(`Pipedrive API token (user ${pipedrive.state.store.defaultUserId}): ${pipedrive.state.apiToken()}`);
console.log(`Inspection: ${pipedrive.apiBaseUrl}/_sandbox and ${hubspot.apiBaseUrl}/_sandbox`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all([pipedrive.close(), hubspot.close()]);
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
