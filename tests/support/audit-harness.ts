import type { Express } from 'express';
import type { AppConfig } from '../../backend/src/config/config.js';
import type { RetryPolicy } from '../../backend/src/http-client/retry.js';
import { SOURCES } from '../../backend/src/sources/index.js';
import { pipedrive as pipedriveSource } from '../../backend/src/sources/pipedrive/index.js';
import { createPipedriveConnector } from '../../backend/src/sources/pipedrive/pipedrive.connector.js';
import type { SelectSetup } from '../../backend/src/transfer/setup/setup-input.js';
import { type RunningHubSpotSandbox, startHubSpotSandbox } from '../../sandbox/hubspot/index.js';
import {
  type PipedriveSandboxOptions,
  type RunningPipedriveSandbox,
  startPipedriveSandbox,
} from '../../sandbox/pipedrive/index.js';
import { AuditResponse } from '../../shared/src/contracts/index.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { connectPipedrive, installPortal } from './flows.js';
import { type SandboxControl, sandboxControl } from './sandbox-control.js';
import { signedCall, withIdentity } from './signed-request.js';
import { hubspotSandboxConfig, TEST_CLIENT_SECRET, testConfig, testServices } from './test-app.js';
import { waitFor } from './wait-for.js';

const HARNESS_REQUESTS_PER_10S = 1100;

export interface AuditHarness {
  portalId: number;
  db: TestDatabase;
  hubspot: RunningHubSpotSandbox;
  pipedrive: RunningPipedriveSandbox;
  config: AppConfig;
  app: Express;
  /** What the page ending the connect flow said. */
  connectMessage: string;
  /** A signed UI call for the harness portal (or another one). */
  api(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    portalId?: number,
  ): ReturnType<typeof signedCall>;
  /** The Pipedrive sandbox's control API. */
  pipedriveControl: SandboxControl;
  /** The HubSpot sandbox's control API (portals, faults, request counts, state). */
  hubspotControl: SandboxControl;
  startAudit(): Promise<AuditResponse>;
  audit(id: string): Promise<AuditResponse>;
  untilAudit(id: string, done: (audit: AuditResponse) => boolean, what: string): Promise<AuditResponse>;
  /** Starts an audit and waits until it has finished (complete, failed or canceled). */
  runAudit(): Promise<AuditResponse>;
  close(): Promise<void>;
}

/**
 * A portal with the app installed and Pipedrive connected through the real flows, over real sandboxes
 * and a real database; `workers: false` leaves jobs to another process.
 */
export async function startAuditHarness(options: {
  portalId: number;
  pipedrive?: PipedriveSandboxOptions;
  workers?: boolean;
  /** The Pipedrive client's own retries (default: the product's policy). */
  retryPolicy?: RetryPolicy;
  /** Emails of the HubSpot portal's users (owners). */
  ownerEmails?: (pipedrive: RunningPipedriveSandbox) => string[];
  /** What setup creates from a plan and settings (composeServices' `setupSelection`). */
  setupSelection?: SelectSetup;
  /** Setup starts the sync when the settings say so (default: off, so setup tests see setup alone). */
  automaticSync?: boolean;
  /** Settles who installs and with which scopes before Pipedrive is connected (a grant keeps its scopes). */
  beforeConnect?: (pipedrive: RunningPipedriveSandbox) => void;
  /** Retries of a job before it fails (testServices' default: 2). */
  jobRetryLimit?: number;
}): Promise<AuditHarness> {
  const db = await createTestDatabase();
  const pipedrive = await startPipedriveSandbox({
    dataset: { records: 2000, seed: 11 },
    plan: 'growth',
    seats: 3,
    ...options.pipedrive,
  });
  // Signed test calls use the test secret: the app's HubSpot client secret must be the same. These tests check
  // what lands in HubSpot, not pacing (hubspot-portal-limiter and the sandbox's limit tests prove that), so the
  // sandbox and our limiter allow HARNESS_REQUESTS_PER_10S instead of HubSpot's 110.
  const hubspot = await startHubSpotSandbox({
    defaultPortalId: 1,
    clientSecret: TEST_CLIENT_SECRET,
    rateLimitPer10s: HARNESS_REQUESTS_PER_10S,
  });
  const hubspotControl = sandboxControl(hubspot.apiBaseUrl);
  const emails = options.ownerEmails?.(pipedrive) ?? ['owner@hubspot.example'];
  await hubspotControl('POST', '/portals', {
    portalId: options.portalId,
    users: emails.map((email) => ({ email, firstName: 'Owner' })),
  });
  await hubspotControl('POST', '/oauth/next-approval', { portalId: options.portalId });
  const config = testConfig({
    hubspot: {
      ...hubspotSandboxConfig(hubspot),
      requestsPer10s: HARNESS_REQUESTS_PER_10S,
    },
    pipedrive: {
      clientId: pipedrive.clientId,
      clientSecret: pipedrive.clientSecret,
      oauthBaseUrl: pipedrive.oauthBaseUrl,
      apiBaseUrl: pipedrive.apiBaseUrl,
    },
  });
  const clock = { now: () => new Date() };
  const { retryPolicy } = options;
  // Pipedrive with the harness's retry policy, registered like any source.
  const sources = retryPolicy
    ? SOURCES.map((entry) =>
        entry.id === pipedriveSource.id
          ? ({
              ...pipedriveSource,
              createConnector: (source, deps) => createPipedriveConnector({ config: source, ...deps, retryPolicy }),
            } satisfies typeof pipedriveSource)
          : entry,
      )
    : undefined;
  const services = await testServices(db, config, clock, {
    workers: options.workers ?? true,
    ...(sources ? { sources } : {}),
    ...(options.setupSelection ? { setupSelection: options.setupSelection } : {}),
    automaticSync: options.automaticSync ?? false,
    ...(options.jobRetryLimit === undefined ? {} : { jobRetryLimit: options.jobRetryLimit }),
  });
  await installPortal(services.app);
  options.beforeConnect?.(pipedrive);
  const connectMessage = await connectPipedrive(services.app, options.portalId);

  return {
    ...portalCalls(services.app, options.portalId),
    db,
    hubspot,
    pipedrive,
    config,
    app: services.app,
    connectMessage,
    pipedriveControl: sandboxControl(pipedrive.apiBaseUrl),
    hubspotControl,
    async close() {
      await services.close();
      await pipedrive.close();
      await hubspot.close();
      await db.drop();
    },
  };
}

/** The harness's calls made as one portal's user: signed API calls, audits. */
function portalCalls(app: Express, portalId: number) {
  const api: AuditHarness['api'] = (method, path, body, otherPortal = portalId) =>
    signedCall(app, { method, path: withIdentity(path, otherPortal), ...(body === undefined ? {} : { body }) });
  const audit = async (id: string) => AuditResponse.parse((await api('GET', `/api/v1/audits/${id}`)).body);
  const startAudit = async () => {
    const started = await api('POST', '/api/v1/audits', { source: 'pipedrive' });
    if (started.status !== 202)
      throw new Error(`audit did not start: ${started.status} ${JSON.stringify(started.body)}`);
    return AuditResponse.parse(started.body);
  };
  return {
    portalId,
    api,
    audit,
    untilAudit: (id: string, done: (audit: AuditResponse) => boolean, what: string) =>
      waitFor(() => audit(id), done, 60_000, what),
    startAudit,
    async runAudit() {
      const { id } = await startAudit();
      return waitFor(
        () => audit(id),
        (run) => FINISHED.includes(run.job.status),
        60_000,
        'the audit to finish',
      );
    },
  };
}

/**
 * Another portal on the same sandboxes, app and database: created in the HubSpot sandbox, the app
 * installed and Pipedrive (the same account) connected through the real flows; the harness seen as it.
 */
export async function addPortal(harness: AuditHarness, portalId: number, ownerEmails: string[]): Promise<AuditHarness> {
  await harness.hubspotControl('POST', '/portals', {
    portalId,
    users: ownerEmails.map((email) => ({ email, firstName: 'Owner' })),
  });
  await harness.hubspotControl('POST', '/oauth/next-approval', { portalId });
  await installPortal(harness.app);
  const connectMessage = await connectPipedrive(harness.app, portalId);
  return { ...harness, ...portalCalls(harness.app, portalId), connectMessage };
}

export const FINISHED = ['COMPLETE', 'FAILED', 'CANCELED'];
