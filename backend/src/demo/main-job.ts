/**
 * The main job on a sandbox account, through the product's own services (the same calls the UI makes):
 * connect the source (the OAuth round trip the browser tab would make), audit, save the default settings
 * with an exchange rate for each currency HubSpot lacks, set up, sync. Used by the demo (`npm start`) and
 * the sync benchmark; it reports each step and the sync's progress as it goes.
 */
import type { SourceId, SyncResponse } from '../../../shared/src/contracts/index.js';
import type { Services } from '../compose.js';
import type { JobRecord } from '../db/repositories/jobs.repository.js';

const FINISHED = new Set(['COMPLETE', 'FAILED', 'CANCELED']);
const POLL_MS = 500;

/** Rates (units per 1 USD, the sandbox portal's company currency) for the demo's currencies; others get 1. */
const DEMO_RATES: Readonly<Record<string, number>> = {
  EUR: 0.92,
  GBP: 0.79,
  CHF: 0.88,
  CAD: 1.37,
  AUD: 1.52,
  JPY: 151,
};

export type MainJobStep = 'connect' | 'audit' | 'settings' | 'setup' | 'sync';

export interface MainJobEvents {
  /** A step begins. */
  step?(step: MainJobStep): void;
  /** The sync's records so far (read by its record tasks) against the audited total. */
  syncProgress?(done: number, total: number): void;
  /** Setup finished (before the sync starts, when automatic sync is off): the benchmark marks its figures here. */
  setupDone?(): Promise<void> | void;
}

export interface MainJobResult {
  auditedRecords: number;
  setup: JobRecord;
  sync: SyncResponse;
  seconds: { audit: number; setup: number; sync: number; total: number };
}

interface Who {
  portalId: number;
  userId: number;
  source: SourceId;
}

type MainJobServices = Pick<Services, 'tickets' | 'sourceConnect' | 'audits' | 'settings' | 'setup' | 'sync' | 'jobs'>;

/** Connects the source as the browser tab would: ticket → start → the source's consent (approved) → callback. */
export async function connectSource(services: MainJobServices, who: Who): Promise<void> {
  const { connectUrl } = await services.tickets.issue(who);
  const { url, browserNonce } = await services.sourceConnect.start(
    who.source,
    new URL(connectUrl).searchParams.get('ticket') ?? '',
  );
  const consent = await fetch(url, { redirect: 'manual' });
  const approved = new URL(consent.headers.get('location') ?? '');
  await services.sourceConnect.complete(who.source, {
    code: approved.searchParams.get('code') ?? '',
    state: approved.searchParams.get('state') ?? '',
    browserNonce,
  });
}

async function untilFinished(services: MainJobServices, who: Who, id: string, tick?: () => Promise<void>) {
  for (;;) {
    const job = await services.jobs.find(who.portalId, id);
    if (FINISHED.has(job.status)) return job;
    await tick?.();
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

const secondsSince = (start: number) => Math.round((Date.now() - start) / 100) / 10;

/** The sync setup queued by itself (automatic sync on: queued before setup completed), or a new one. */
async function syncAfterSetup(services: MainJobServices, who: Who, automatic: boolean): Promise<SyncResponse> {
  return automatic ? services.sync.latest(who.portalId, who.source) : services.sync.start(who);
}

/**
 * Runs connect → audit → settings → setup → sync and returns what happened; throws when a step fails.
 * `automaticSync: false` saves the settings with it off, so setup and sync can be measured apart.
 */
export async function runMainJob(
  services: MainJobServices,
  who: Who,
  options: { automaticSync?: boolean; events?: MainJobEvents } = {},
): Promise<MainJobResult> {
  const events = options.events ?? {};
  const started = Date.now();
  events.step?.('connect');
  await connectSource(services, who);

  events.step?.('audit');
  const auditStart = Date.now();
  const auditJob = await services.audits.start(who);
  const audited = await untilFinished(services, who, auditJob.id);
  if (audited.status !== 'COMPLETE') throw new Error(`the audit ended ${audited.status}: ${audited.statusReason}`);
  const audit = await services.audits.get(who.portalId, auditJob.id);
  const auditedRecords = audit.result?.objects.reduce((sum, row) => sum + row.records, 0) ?? 0;
  const auditSeconds = secondsSince(auditStart);

  events.step?.('settings');
  const current = await services.settings.get(who.portalId, who.source);
  const rates = Object.fromEntries(
    current.readiness.missing
      .filter((gap) => gap.code === 'exchange_rate_missing')
      .map((gap) => {
        const code = gap.path.split('.')[1] ?? '';
        return [code, DEMO_RATES[code] ?? 1];
      }),
  );
  const automaticSync = options.automaticSync ?? current.settings.automaticSync;
  await services.settings.replace(who.portalId, who.source, {
    ...current.settings,
    exchangeRates: { ...current.settings.exchangeRates, ...rates },
    automaticSync,
  });

  events.step?.('setup');
  const setupStart = Date.now();
  const setupJob = await services.setup.start(who);
  const setup = await untilFinished(services, who, setupJob.id);
  if (setup.status !== 'COMPLETE') throw new Error(`setup ended ${setup.status}: ${setup.statusReason}`);
  const setupSeconds = secondsSince(setupStart);
  await events.setupDone?.();

  events.step?.('sync');
  const syncStart = Date.now();
  const syncJob = await syncAfterSetup(services, who, automaticSync);
  const report = async () => {
    const sync = await services.sync.get(who.portalId, syncJob.id);
    events.syncProgress?.(sync.summary.read, auditedRecords);
  };
  const synced = await untilFinished(services, who, syncJob.id, events.syncProgress ? report : undefined);
  const sync = await services.sync.get(who.portalId, syncJob.id);
  events.syncProgress?.(sync.summary.read, auditedRecords);
  if (synced.status !== 'COMPLETE') throw new Error(`the sync ended ${synced.status}: ${synced.statusReason}`);
  return {
    auditedRecords,
    setup,
    sync,
    seconds: { audit: auditSeconds, setup: setupSeconds, sync: secondsSince(syncStart), total: secondsSince(started) },
  };
}
