/**
 * Helpers of the sync tests: audit → settings saved (the defaults, an exchange rate for each currency
 * they lack) on an audit harness, transfers run through the API, and HubSpot's records and associations
 * read back from the HubSpot sandbox.
 */
import { expect } from '@jest/globals';
import { SettingsResponse, type TransferSettings } from '../../shared/src/contracts/index.js';
import { type AuditHarness, FINISHED } from './audit-harness.js';
import { waitFor } from './wait-for.js';

export interface CrmRecord {
  id: string;
  properties: Record<string, string>;
  archived: boolean;
}
export interface PortalSnapshot {
  records: Record<string, CrmRecord[]>;
  associations: { from: string; to: string; types: { category: string; typeId: number; label: string | null }[] }[];
  owners: { id: string; email: string }[];
  pipelines: { deals: { id: string; label: string; stages: { id: string; label: string }[] }[] };
}

export async function portalSnapshot(harness: AuditHarness): Promise<PortalSnapshot> {
  const res = await fetch(`${harness.hubspot.apiBaseUrl}/_sandbox/portals/${harness.portalId}/state`);
  return (await res.json()) as PortalSnapshot;
}

export const liveRecords = (snapshot: PortalSnapshot, object: string) =>
  (snapshot.records[object] ?? []).filter((r) => !r.archived);

/** The source id a HubSpot record carries in its lineage property (`<group>__record_id`). */
export const sourceIdOf = (record: CrmRecord) =>
  Object.entries(record.properties).find(([name]) => name.endsWith('__record_id'))?.[1] ?? null;

/** A call to the HubSpot sandbox's API as another app of the harness portal would make it (must succeed). */
export async function hubspotCall(
  harness: AuditHarness,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const { state, clientId } = harness.hubspot;
  const grant = {
    portalId: harness.portalId,
    userId: 1,
    userEmail: 'other-app@example.com',
    scopes: ['oauth'],
    clientId,
  };
  const token = state.oauth.issueAccessToken(state.oauth.issueRefreshToken(grant), state.nowMs(), 1800).token;
  const res = await fetch(`${harness.hubspot.apiBaseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status).toBeLessThan(300);
  return res.json();
}

/** Audit, then the settings in force saved with the exchange rates setup needs; the portal made Professional. */
export async function auditAndSettings(
  harness: AuditHarness,
  choices: { dataTypes?: Partial<TransferSettings['dataTypes']>; automaticSync?: boolean } = {},
): Promise<void> {
  expect((await harness.runAudit()).job.status).toBe('COMPLETE');
  const current = SettingsResponse.parse((await harness.api('GET', '/api/v1/connections/pipedrive/settings')).body);
  const rates = Object.fromEntries(current.readiness.missing.map((gap) => [gap.path.split('.')[1] as string, 1.1]));
  const saved = await harness.api('PUT', '/api/v1/connections/pipedrive/settings', {
    ...current.settings,
    dataTypes: { ...current.settings.dataTypes, ...choices.dataTypes },
    automaticSync: choices.automaticSync ?? current.settings.automaticSync,
    exchangeRates: { ...current.settings.exchangeRates, ...rates },
  });
  expect(saved.status).toBe(200);
  // Professional: room for every source pipeline (Starter allows one besides the default).
  await harness.hubspotControl('PATCH', `/portals/${harness.portalId}`, { tier: 'professional' });
}

/** Follows a setup or sync transfer through the API until it finished. */
export function untilFinished<T extends { job: { status: string } }>(
  harness: AuditHarness,
  kind: 'setup' | 'sync',
  id: string,
  parse: (body: unknown) => T,
): Promise<T> {
  return waitFor(
    async () => parse((await harness.api('GET', `/api/v1/${kind}/${id}`)).body),
    (transfer) => FINISHED.includes(transfer.job.status),
    120_000,
    `the ${kind} to finish`,
  );
}

/** Starts a setup or sync through the API and waits for it. */
export async function runTransfer<T extends { id: string; job: { status: string } }>(
  harness: AuditHarness,
  kind: 'setup' | 'sync',
  parse: (body: unknown) => T,
): Promise<T> {
  const started = await harness.api('POST', `/api/v1/${kind}`, { source: 'pipedrive' });
  if (started.status !== 202)
    throw new Error(`${kind} did not start: ${started.status} ${JSON.stringify(started.body)}`);
  return untilFinished(harness, kind, parse(started.body).id, parse);
}
