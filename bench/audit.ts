/**
 * `npm run bench:audit -- --records 1000000 [--plan lite|growth|premium|ultimate] [--seats 1]`: audits a generated Pipedrive
 * account of that size end to end (real job queue, real Postgres, the Pipedrive and HubSpot sandboxes
 * with their limits on) and prints figures; the last line is a JSON object.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { systemClock } from '../backend/src/clock.js';
import { composeServices, startWorkers } from '../backend/src/compose.js';
import { createDatabase } from '../backend/src/db/create-database.js';
import { startEmbeddedServer } from '../backend/src/db/embedded-server.js';
import { migrateUp } from '../backend/src/db/migrate.js';
import { createPool } from '../backend/src/db/pool.js';
import { jobsRepository } from '../backend/src/db/repositories/jobs.repository.js';
import { installDemo } from '../backend/src/demo/install.js';
import { createJobQueue } from '../backend/src/jobs/job-queue.js';
import { startHubSpotSandbox } from '../sandbox/hubspot/index.js';
import { type Plan, startPipedriveSandbox } from '../sandbox/pipedrive/index.js';
import { waitForNoSessions } from '../tests/support/postgres-cleanup.js';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    plan: { type: 'string', default: 'lite' },
    seats: { type: 'string', default: '1' },
  },
});
const records = Number(values.records);
const plan = values.plan as Plan;
const seats = Number(values.seats);
const PORTAL = 424242;
const logger = pino({ level: 'warn' });
let peakRssMb = 0;
const sampler = setInterval(() => {
  peakRssMb = Math.max(peakRssMb, Math.round(process.memoryUsage().rss / 1024 / 1024));
}, 200);

const say = (line: string) => process.stdout.write(`${line}\n`);

/** The lists read by the audit's completeness counts (issue 11), as the sandbox names its endpoints. */
const NEW_COUNT_ENDPOINTS = [
  '/api/v2/deals',
  '/api/v2/deals/archived',
  '/v1/leads',
  '/v1/leads/archived',
  '/v1/files',
  '/v1/filters',
  '/v1/organizationRelationships',
];

async function main(): Promise<void> {
  const generatedAt = Date.now();
  const pipedrive = await startPipedriveSandbox({ dataset: { records, seed: 1 }, plan, seats });
  const settings = pipedrive.state.settings();
  say(
    `Pipedrive sandbox: ${records.toLocaleString('en')} records generated in ${((Date.now() - generatedAt) / 1000).toFixed(1)} s`,
  );
  say(
    `Pipedrive plan: ${settings.plan}, ${settings.seats} seat(s); daily token budget ${pipedrive.state.limits.dailyBudget().toLocaleString('en')} tokens`,
  );
  const hubspot = await startHubSpotSandbox({ defaultPortalId: PORTAL });
  const dataDir = join(tmpdir(), `bench-pg-${process.pid}`);
  const postgres = await startEmbeddedServer({ dataDir, persistent: false, durable: false });
  await createDatabase(postgres.adminUrl, 'bench');
  const databaseUrl = postgres.urlFor('bench');
  await migrateUp(databaseUrl);
  const db = createPool(databaseUrl);
  const queue = createJobQueue({ databaseUrl, logger, pollingIntervalSeconds: 0.5 });
  await queue.start(['audit']);
  const services = composeServices({
    db,
    logger,
    clock: systemClock,
    queue,
    config: {
      publicApiOrigin: 'http://127.0.0.1:9',
      tokenEncryptionKey: randomBytes(32),
      hubspot: {
        clientId: hubspot.clientId,
        clientSecret: hubspot.clientSecret,
        appBaseUrl: hubspot.appBaseUrl,
        apiBaseUrl: hubspot.apiBaseUrl,
        requestsPer10s: 110,
      },
      sources: {
        pipedrive: {
          clientId: pipedrive.clientId,
          clientSecret: pipedrive.clientSecret,
          oauthBaseUrl: pipedrive.oauthBaseUrl,
          apiBaseUrl: pipedrive.apiBaseUrl,
          // The sandbox's token names its own host, which is the API base URL: no other host is trusted.
          allowedApiDomains: [],
        },
      },
    },
  });
  await startWorkers(queue, services, 1);
  await installDemo({ services, logger });

  // Connect Pipedrive through the same steps as the browser tab: ticket → start → authorize → callback.
  const { connectUrl } = await services.tickets.issue({ portalId: PORTAL, userId: 1, source: 'pipedrive' });
  const { url: authorizeUrl, browserNonce } = await services.sourceConnect.start(
    'pipedrive',
    new URL(connectUrl).searchParams.get('ticket') ?? '',
  );
  const approved = new URL((await fetch(authorizeUrl, { redirect: 'manual' })).headers.get('location') ?? '');
  await services.sourceConnect.complete('pipedrive', {
    code: approved.searchParams.get('code') ?? '',
    state: approved.searchParams.get('state') ?? '',
    browserNonce,
  });
  await fetch(`${pipedrive.apiBaseUrl}/_sandbox/requests`, { method: 'DELETE' });

  const started = Date.now();
  const audit = await services.audits.start({ portalId: PORTAL, userId: 1, source: 'pipedrive' });
  let job = await jobsRepository.find(db, audit.id);
  while (job && !['COMPLETE', 'FAILED', 'CANCELED'].includes(job.status)) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    job = await jobsRepository.find(db, audit.id);
  }
  const seconds = Number(((Date.now() - started) / 1000).toFixed(1));
  if (job?.status !== 'COMPLETE') throw new Error(`audit ended ${job?.status}: ${job?.statusReason}`);
  const result = (await services.audits.get(PORTAL, audit.id)).result;
  const stats = (await (await fetch(`${pipedrive.apiBaseUrl}/_sandbox/requests`)).json()) as {
    total: number;
    costs: { tokens?: number };
    endpoints: { endpoint: string; requests: number; costs: { tokens?: number } }[];
  };
  const counted = result?.objects.reduce((sum, row) => sum + row.records, 0) ?? 0;
  for (const row of result?.objects ?? [])
    say(
      `  ${row.sourceLabel.padEnd(24)} → ${row.hubspotLabel.padEnd(10)} ${row.records.toLocaleString('en').padStart(10)} records`,
    );
  // What the completeness counts add: the deal pages (which replaced 3 deal summaries, 120 tokens),
  // archived deals, leads, files, filters and relationships (one organizations page of 100 decides whether
  // those are counted; it is included in the organizations line, 10 tokens).
  const extra = stats.endpoints.filter((row) => NEW_COUNT_ENDPOINTS.some((path) => row.endpoint.endsWith(` ${path}`)));
  for (const row of extra)
    say(
      `  new count: ${row.endpoint.padEnd(40)} ${String(row.requests).padStart(6)} requests ${String(row.costs.tokens ?? 0).padStart(7)} tokens`,
    );
  const extraRequests = extra.reduce((sum, row) => sum + row.requests, 0) + 1 - 3;
  const extraTokens = extra.reduce((sum, row) => sum + (row.costs.tokens ?? 0), 0) + 10 - 120;
  say(
    `The new counts cost ${extraRequests} requests and ${extraTokens} tokens more than the deal summaries they replaced`,
  );
  say(
    `Audited ${counted.toLocaleString('en')} records in ${seconds} s: ${stats.total} Pipedrive requests, ${stats.costs.tokens ?? 0} tokens (the audit's own count: ${result?.usage.requests} requests, ${result?.usage.tokens} tokens)`,
  );

  clearInterval(sampler);
  await queue.stop();
  await db.end();
  await Promise.all([pipedrive.close(), hubspot.close()]);
  await waitForNoSessions(postgres.adminUrl, 'bench');
  await postgres.stop();
  rmSync(dataDir, { recursive: true, force: true });
  // records: the account's size as generated (deleted records, files, deal products… included);
  // auditedRecords: what the audit found to transfer.
  say(
    JSON.stringify({
      records,
      auditedRecords: counted,
      seconds,
      pipedriveRequests: stats.total,
      pipedriveTokens: stats.costs.tokens ?? 0,
      newCountRequests: extraRequests,
      newCountTokens: extraTokens,
      plan,
      seats,
      peakRssMb,
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:audit failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
