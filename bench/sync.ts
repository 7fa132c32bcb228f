/**
 * `npm run bench [-- --records N] [--plan premium] [--seats 1]`: the sync benchmark. The sandboxes run in
 * their own process (bench/sync-sandbox.ts) with a generated Pipedrive account of N records (default
 * 100,000; at most 1,000,000) and a Professional HubSpot portal; the engine (this process: the product's
 * services, job queue and worker, on an embedded Postgres) runs the main job — connect, audit, settings,
 * setup, initial sync — twice: with HubSpot's limits on (the product's limiter at Professional limits,
 * the sandbox enforcing them), then with them off (no limiter, the sandbox's limits off), each against a
 * sandbox process of its own (the same generated account, a fresh portal) and into a fresh database.
 * Prints the figures; the last line is one JSON object.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { systemClock } from '../backend/src/clock.js';
import { composeServices, startWorkers } from '../backend/src/compose.js';
import { createDatabase } from '../backend/src/db/create-database.js';
import { type EmbeddedServer, startEmbeddedServer } from '../backend/src/db/embedded-server.js';
import { migrateUp } from '../backend/src/db/migrate.js';
import { createPool } from '../backend/src/db/pool.js';
import { mappingPlansRepository } from '../backend/src/db/repositories/mapping-plans.repository.js';
import { installDemo } from '../backend/src/demo/install.js';
import { runMainJob } from '../backend/src/demo/main-job.js';
import { createPortalLimiter } from '../backend/src/hubspot/portal-limiter.js';
import { associationsPer10s, type PortalTierSetting } from '../backend/src/hubspot/portal-limits.js';
import { createJobQueue } from '../backend/src/jobs/job-queue.js';
import type { SyncResponse } from '../shared/src/contracts/index.js';
import { waitForNoSessions } from '../tests/support/postgres-cleanup.js';
import { observeLimiter, unlimited, type Utilisation } from './limit-utilisation.js';
import { cpuSecondsOf, peakRssMbOf, resetPeakRss, watchOwnHeap, watchPostgres } from './proc-stats.js';

const MAX_RECORDS = 1_000_000;
const GENERAL_PER_10S = 110;
const TIER: PortalTierSetting = { tier: 'professional', limitIncrease: false };
const BATCH = 100;
const ASSOCIATION_BATCH = 2000;
const PORTAL_ID = 424242;
const SANDBOX_HEAP_MB = 8192;

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    plan: { type: 'string', default: 'premium' },
    seats: { type: 'string', default: '1' },
  },
});
const records = Number(values.records);
if (!Number.isSafeInteger(records) || records < 1 || records > MAX_RECORDS)
  throw new Error(`--records must be an integer from 1 to ${MAX_RECORDS.toLocaleString('en')}`);

const say = (line: string) => process.stdout.write(`${line}\n`);
const logger = pino({ level: 'warn' });
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

interface SandboxInfo {
  generatedSeconds: number;
  plan: string;
  seats: number;
  dailyBudget: number;
  pipedrive: { clientId: string; clientSecret: string; oauthBaseUrl: string; apiBaseUrl: string };
  hubspot: { clientId: string; clientSecret: string; appBaseUrl: string; apiBaseUrl: string };
}

interface PortalStats {
  total: number;
  byEndpoint: Record<string, number>;
  inputsByEndpoint: Record<string, number>;
}

/** The sandbox process of the run under way, stopped by Ctrl-C too. */
let sandboxProcess: ChildProcess | undefined;

/** Starts a sandbox process and reads the line it prints once it listens. */
async function startSandboxProcess(): Promise<{ child: ChildProcess; info: SandboxInfo }> {
  // This process's own node with tsx's loader, so the child's pid is the sandbox's (no launcher between).
  // The sandbox keeps the whole account in memory (about 3 GB at 1,000,000 records): above V8's default heap.
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${SANDBOX_HEAP_MB}`,
      '--import',
      'tsx',
      'bench/sync-sandbox.ts',
      '--records',
      String(records),
      '--plan',
      values.plan,
      '--seats',
      values.seats,
      '--portal',
      String(PORTAL_ID),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the sandbox process exited with ${code}`)));
  });
  lines.close();
  sandboxProcess = child;
  return { child, info: JSON.parse(first) as SandboxInfo };
}

async function stopSandboxProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  if (sandboxProcess === child) sandboxProcess = undefined;
}

/**
 * One run against a sandbox process of its own, stopped after it: the sandbox keeps every record written
 * to HubSpot in memory, so one process for both runs would hold both portals at once.
 */
async function runInOwnSandbox(
  label: 'throttled' | 'unthrottled',
  context: { postgres: EmbeddedServer; dataDir: string },
): Promise<{ run: RunFigures; info: SandboxInfo }> {
  const { child, info } = await startSandboxProcess();
  try {
    const sandboxPid = child.pid ?? 0;
    say(
      `\nSandbox process ${sandboxPid}: ${records.toLocaleString('en')} Pipedrive records generated in ${info.generatedSeconds.toFixed(1)} s`,
    );
    say(
      `Pipedrive plan: ${info.plan}, ${info.seats} seat(s), daily budget ${info.dailyBudget.toLocaleString('en')} tokens; HubSpot portal: Professional`,
    );
    return { run: await runOnce(label, { ...context, info, sandboxPid }), info };
  } finally {
    await stopSandboxProcess(child);
  }
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? null : await res.json()) as T;
}
const sandboxCall = (base: string, method: string, path: string, body?: unknown) =>
  json(`${base}/_sandbox${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const portalStats = async (base: string, portalId: number): Promise<PortalStats> => {
  const stats = await json<{ byPortal: Record<string, PortalStats> }>(`${base}/_sandbox/stats`);
  return stats.byPortal[String(portalId)] ?? { total: 0, byEndpoint: {}, inputsByEndpoint: {} };
};
const pipedriveTokens = async (base: string) =>
  (await json<{ costs: { tokens?: number } }>(`${base}/_sandbox/requests`)).costs.tokens ?? 0;

function difference(after: PortalStats, before: PortalStats): PortalStats {
  const minus = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(a)
        .map(([key, value]) => [key, value - (b[key] ?? 0)] as const)
        .filter(([, value]) => value > 0),
    );
  return {
    total: after.total - before.total,
    byEndpoint: minus(after.byEndpoint, before.byEndpoint),
    inputsByEndpoint: minus(after.inputsByEndpoint, before.inputsByEndpoint),
  };
}

/** An association write: `from` and `to` object, `create` (typed) or `associate/default`. */
const ASSOCIATION_WRITE = /^POST \/crm\/v4\/associations\/([^/]+)\/([^/]+)\/batch\/(?:create|associate\/default)$/;
/** One line per endpoint: the secondary-e-mail API names the address in its path. */
const SECONDARY_EMAIL = /^(PUT \/contacts\/v1\/secondary-email\/\{id\}\/email\/).+$/;

/** The calls per endpoint with variable path segments (an e-mail address) under one name. */
function byNormalisedEndpoint(stats: PortalStats): PortalStats {
  const merge = (counts: Record<string, number>) => {
    const merged: Record<string, number> = {};
    for (const [endpoint, count] of Object.entries(counts)) {
      const name = endpoint.replace(SECONDARY_EMAIL, '$1{address}');
      merged[name] = (merged[name] ?? 0) + count;
    }
    return merged;
  };
  return { total: stats.total, byEndpoint: merge(stats.byEndpoint), inputsByEndpoint: merge(stats.inputsByEndpoint) };
}

interface MinimumCalls {
  total: number;
  /** ceil(records / 100) per HubSpot object (the tasks writing into it summed). */
  writes: number;
  /** The contacts' batch reads by e-mail that adopt existing contacts: one per 100 contacts. */
  adoptionReads: number;
  /**
   * Per pair of object types, ceil(pairs / 2,000): one v4 `batch/create` takes 2,000 inputs, each with its
   * own association types (a custom label, the Primary company and the default type in one call).
   */
  associations: number;
}

/** The fewest calls the sync could make (issue 15): setup calls excluded, retries included in the count. */
function minimumCalls(
  sync: SyncResponse,
  hubspotObjectOf: ReadonlyMap<string, string>,
  calls: PortalStats,
): MinimumCalls {
  const records = new Map<string, number>();
  for (const task of sync.tasks) {
    const object = hubspotObjectOf.get(task.object);
    if (object !== undefined) records.set(object, (records.get(object) ?? 0) + task.counts.read - task.counts.skipped);
  }
  const batches = (count: number, size: number) => Math.ceil(count / size);
  const writes = [...records.values()].reduce((sum, count) => sum + batches(count, BATCH), 0);
  const adoptionReads = batches(records.get('contacts') ?? 0, BATCH);
  const pairs = new Map<string, number>();
  for (const [endpoint, inputs] of Object.entries(calls.inputsByEndpoint)) {
    const match = ASSOCIATION_WRITE.exec(endpoint);
    if (match) pairs.set(`${match[1]}>${match[2]}`, (pairs.get(`${match[1]}>${match[2]}`) ?? 0) + inputs);
  }
  const associations = [...pairs.values()].reduce((sum, count) => sum + batches(count, ASSOCIATION_BATCH), 0);
  return { total: writes + adoptionReads + associations, writes, adoptionReads, associations };
}

interface RunFigures {
  label: string;
  syncedRecords: number;
  associations: number;
  failed: number;
  seconds: { audit: number; setup: number; sync: number };
  recordsPerSecond: number;
  calls: PortalStats;
  minimumCalls: MinimumCalls;
  callsPerRecord: number;
  minimumCallsPerRecord: number;
  callsPerRecordVsMinimum: number;
  utilisation: { general: Utilisation; associations: Utilisation } | null;
  pipedriveTokens: { run: number; sync: number };
  cpuSeconds: { engine: number; sandbox: number; postgres: number };
  engineCpuSecondsPer1000: number;
  peakRssMb: { engine: number; sandbox: number; postgres: number };
  engineHeapPeakMb: number;
}

async function runOnce(
  label: 'throttled' | 'unthrottled',
  context: { info: SandboxInfo; sandboxPid: number; postgres: EmbeddedServer; dataDir: string },
): Promise<RunFigures> {
  const { info, sandboxPid, postgres } = context;
  const portalId = PORTAL_ID;
  const throttled = label === 'throttled';
  const hubspotBase = info.hubspot.apiBaseUrl;
  await sandboxCall(hubspotBase, 'PUT', '/limits', {
    rateLimitPer10s: throttled ? GENERAL_PER_10S : 0,
    searchRateLimitPerSecond: throttled ? 5 : 0,
  });
  await sandboxCall(hubspotBase, 'POST', '/oauth/next-approval', { portalId });

  const name = `bench_${label}`;
  await createDatabase(postgres.adminUrl, name);
  const databaseUrl = postgres.urlFor(name);
  await migrateUp(databaseUrl);
  const db = createPool(databaseUrl);
  // The product's own polling (runtime.ts): the bench measures the engine as it runs in production.
  const queue = createJobQueue({ databaseUrl, logger });
  await queue.start(['audit', 'setup', 'sync']);
  const observer = observeLimiter((sleep) =>
    throttled ? createPortalLimiter({ db, requestsPer10s: GENERAL_PER_10S, tierOf: () => TIER, sleep }) : unlimited,
  );
  const services = composeServices({
    db,
    logger,
    clock: systemClock,
    queue,
    portalLimiter: observer.limiter,
    config: {
      publicApiOrigin: 'http://127.0.0.1:9',
      tokenEncryptionKey: randomBytes(32),
      hubspot: { ...info.hubspot, requestsPer10s: GENERAL_PER_10S, tier: TIER },
      sources: { pipedrive: { ...info.pipedrive, allowedApiDomains: [] } },
    },
  });
  await startWorkers(queue, services);
  const pg = watchPostgres(context.dataDir);
  const heap = watchOwnHeap();
  resetPeakRss(process.pid);
  resetPeakRss(sandboxPid);
  const tokensAtStart = await pipedriveTokens(info.pipedrive.apiBaseUrl);
  const portal = await installDemo({ services, logger });
  let atSync = {
    stats: await portalStats(hubspotBase, portalId),
    tokens: 0,
    engine: 0,
    sandbox: 0,
    postgres: 0,
  };
  let lastReport = 0;
  say(`\n${label}: limits ${throttled ? 'on (Professional: 110 / 10 s, associations 150 / 10 s)' : 'off'}`);
  const result = await runMainJob(
    services,
    { portalId, userId: portal.installedByUserId ?? 1, source: 'pipedrive' },
    {
      automaticSync: false,
      events: {
        step: (step) => say(`  ${step}…`),
        async setupDone() {
          observer.reset();
          atSync = {
            stats: await portalStats(hubspotBase, portalId),
            tokens: await pipedriveTokens(info.pipedrive.apiBaseUrl),
            engine: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
            sandbox: cpuSecondsOf(sandboxPid),
            postgres: pg.cpuSeconds(),
          };
        },
        syncProgress(done, total) {
          if (Date.now() - lastReport < 10_000) return;
          lastReport = Date.now();
          say(`  sync: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} records`);
        },
      },
    },
  );
  const usage = process.cpuUsage();
  const cpuSeconds = {
    engine: round(usage.user / 1e6 + usage.system / 1e6 - atSync.engine),
    sandbox: round(cpuSecondsOf(sandboxPid) - atSync.sandbox),
    postgres: round(pg.cpuSeconds() - atSync.postgres),
  };
  const tokensAtEnd = await pipedriveTokens(info.pipedrive.apiBaseUrl);
  const calls = byNormalisedEndpoint(difference(await portalStats(hubspotBase, portalId), atSync.stats));
  const planned = await mappingPlansRepository.latestForConnection(db, result.sync.connectionId);
  const hubspotObjectOf = new Map(planned?.plan.objects.map((row) => [row.key, row.hubspotObject]));
  const peakRssMb = { engine: peakRssMbOf(process.pid), sandbox: peakRssMbOf(sandboxPid), postgres: pg.peakMb() };
  const engineHeapPeakMb = heap.peakMb();
  pg.stop();
  heap.stop();
  await queue.stop();
  await db.end();

  const { sync } = result;
  const associations = sync.tasks.find((task) => task.object === 'associations')?.counts.read ?? 0;
  const syncedRecords = sync.summary.read;
  const minimum = minimumCalls(sync, hubspotObjectOf, calls);
  return {
    label,
    syncedRecords,
    associations,
    failed: sync.summary.failed,
    seconds: { audit: result.seconds.audit, setup: result.seconds.setup, sync: result.seconds.sync },
    recordsPerSecond: round(syncedRecords / result.seconds.sync, 1),
    calls,
    minimumCalls: minimum,
    callsPerRecord: round(calls.total / syncedRecords, 4),
    minimumCallsPerRecord: round(minimum.total / syncedRecords, 4),
    callsPerRecordVsMinimum: round(calls.total / minimum.total, 3),
    utilisation: throttled
      ? {
          general: observer.utilisation('general', GENERAL_PER_10S),
          associations: observer.utilisation('associations', associationsPer10s(TIER)),
        }
      : null,
    pipedriveTokens: { run: tokensAtEnd - tokensAtStart, sync: tokensAtEnd - atSync.tokens },
    cpuSeconds,
    engineCpuSecondsPer1000: round((cpuSeconds.engine / syncedRecords) * 1000, 3),
    peakRssMb,
    engineHeapPeakMb,
  };
}

function report(run: RunFigures): void {
  say(
    `  ${run.syncedRecords.toLocaleString('en')} records read by the sync (${run.failed} failed), ${run.associations.toLocaleString('en')} associations`,
  );
  say(`  audit ${run.seconds.audit} s, setup ${run.seconds.setup} s, sync ${run.seconds.sync} s`);
  say(`  ${run.recordsPerSecond} records/s`);
  say(`  HubSpot calls of the sync (setup excluded, retries included): ${run.calls.total}`);
  for (const [endpoint, count] of Object.entries(run.calls.byEndpoint).sort(([, a], [, b]) => b - a)) {
    const inputs = run.calls.inputsByEndpoint[endpoint];
    say(`    ${endpoint.padEnd(62)} ${String(count).padStart(7)}${inputs ? ` calls, ${inputs} inputs` : ' calls'}`);
  }
  say(
    `  calls per record ${run.callsPerRecord} vs minimum ${run.minimumCallsPerRecord} (${run.minimumCalls.total} calls: ${run.minimumCalls.writes} writes, ${run.minimumCalls.adoptionReads} e-mail reads, ${run.minimumCalls.associations} association calls): ${run.callsPerRecordVsMinimum} × the minimum`,
  );
  if (run.utilisation)
    for (const [limit, figures] of Object.entries(run.utilisation))
      say(
        `  utilisation ${limit}: ${figures.utilisation ?? 'never the bottleneck'} (${figures.callsInBottleneck} calls / ${figures.allowed} allowed in ${figures.bottleneckSeconds} s as the bottleneck; ${figures.calls} calls in all)`,
      );
  say(`  Pipedrive tokens: ${run.pipedriveTokens.run} for the run (${run.pipedriveTokens.sync} by the sync)`);
  say(
    `  CPU seconds of the sync: engine ${run.cpuSeconds.engine}, sandbox ${run.cpuSeconds.sandbox}, Postgres ${run.cpuSeconds.postgres}; engine ${run.engineCpuSecondsPer1000} s per 1,000 records`,
  );
  say(
    `  peak RSS of the run (MB): engine ${run.peakRssMb.engine} (V8 heap used at most ${run.engineHeapPeakMb}), sandbox ${run.peakRssMb.sandbox}, Postgres ${run.peakRssMb.postgres} (proportional set)`,
  );
}

async function main(): Promise<void> {
  const dataDir = join(tmpdir(), `bench-sync-pg-${process.pid}`);
  const postgres = await startEmbeddedServer({ dataDir, persistent: false, durable: false });
  // Ctrl-C stops the sandbox process and Postgres too, not only this process.
  const abort = () => {
    sandboxProcess?.kill('SIGTERM');
    void postgres.stop().finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(130);
    });
  };
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  try {
    const { run: throttled, info } = await runInOwnSandbox('throttled', { postgres, dataDir });
    report(throttled);
    const { run: unthrottled } = await runInOwnSandbox('unthrottled', { postgres, dataDir });
    report(unthrottled);
    say(
      JSON.stringify({
        records,
        syncedRecords: throttled.syncedRecords,
        plan: info.plan,
        throttled: {
          recordsPerSecond: throttled.recordsPerSecond,
          utilisation: {
            general: throttled.utilisation?.general.utilisation ?? null,
            associations: throttled.utilisation?.associations.utilisation ?? null,
          },
          callsPerRecordVsMinimum: throttled.callsPerRecordVsMinimum,
          calls: throttled.calls.total,
          minimumCalls: throttled.minimumCalls.total,
          seconds: throttled.seconds.sync,
        },
        unthrottled: {
          recordsPerSecond: unthrottled.recordsPerSecond,
          engineCpuSecondsPer1000: unthrottled.engineCpuSecondsPer1000,
          callsPerRecordVsMinimum: unthrottled.callsPerRecordVsMinimum,
          seconds: unthrottled.seconds.sync,
        },
        pipedriveTokens: throttled.pipedriveTokens.run + unthrottled.pipedriveTokens.run,
        peakRssMb: Math.max(throttled.peakRssMb.engine, unthrottled.peakRssMb.engine),
        sandboxPeakRssMb: Math.max(throttled.peakRssMb.sandbox, unthrottled.peakRssMb.sandbox),
        postgresPeakMb: Math.max(throttled.peakRssMb.postgres, unthrottled.peakRssMb.postgres),
      }),
    );
  } finally {
    for (const name of ['bench_throttled', 'bench_unthrottled'])
      await waitForNoSessions(postgres.adminUrl, name).catch(() => {});
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
