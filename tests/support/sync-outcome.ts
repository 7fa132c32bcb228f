/**
 * What a sync left in HubSpot, in terms that do not depend on HubSpot's ids: per object the source ids of
 * its live records (a duplicate shows twice), and the associations as source-id pairs with their types.
 * Two runs of the same account into two portals give equal outcomes when they wrote the same result.
 */
import { expect } from '@jest/globals';
import { SyncResponse } from '../../shared/src/contracts/index.js';
import { type AuditHarness, startAuditHarness } from './audit-harness.js';
import {
  auditAndSettings,
  liveRecords,
  type PortalSnapshot,
  portalSnapshot,
  runTransfer,
  sourceIdOf,
} from './sync-harness.js';

export interface SyncOutcome {
  records: Record<string, string[]>;
  associations: string[];
}

export function syncOutcome(snapshot: PortalSnapshot): SyncOutcome {
  const records = Object.fromEntries(
    Object.keys(snapshot.records)
      .sort()
      .map((object) => [
        object,
        liveRecords(snapshot, object)
          .map((r) => String(sourceIdOf(r)))
          .sort(),
      ]),
  );
  const source = new Map<string, string>();
  for (const [object, list] of Object.entries(snapshot.records))
    for (const record of list) source.set(`${object}:${record.id}`, `${object}:${sourceIdOf(record)}`);
  const associations = snapshot.associations
    .map((edge) => {
      // User-defined type ids are the portal's own: a label names them across portals.
      const types = edge.types.map((type) => `${type.category}/${type.label ?? type.typeId}`).sort();
      return `${source.get(edge.from)}>${source.get(edge.to)} ${types.join(',')}`;
    })
    .sort();
  return { records, associations };
}

export async function syncOutcomeOf(harness: AuditHarness): Promise<SyncOutcome> {
  return syncOutcome(await portalSnapshot(harness));
}

/** Patches a sandbox's fault settings (`/_sandbox/faults`). */
export async function setFaults(baseUrl: string, settings: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${baseUrl}/_sandbox/faults`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });
  if (!res.ok) throw new Error(`faults: ${res.status} ${await res.text()}`);
}

/** Adds a targeted fault (`/_sandbox/faults/targeted`). */
export async function addTargeted(baseUrl: string, fault: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${baseUrl}/_sandbox/faults/targeted`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (!res.ok) throw new Error(`targeted fault: ${res.status} ${await res.text()}`);
}

/** Targeted faults that have not fired (as often as they were told to) yet. */
export async function remainingTargeted(baseUrl: string): Promise<unknown[]> {
  const res = await fetch(`${baseUrl}/_sandbox/faults`);
  return ((await res.json()) as { targeted: unknown[] }).targeted;
}

/** A harness on a generated account, audited, its settings saved and HubSpot prepared (setup complete). */
export async function preparedHarness(portalId: number, dataset: { records: number; seed: number }) {
  // The product's retry limit (8), not the harness's quick 2: a long run under faults may spend a few.
  const harness = await startAuditHarness({ portalId, pipedrive: { dataset }, jobRetryLimit: 8 });
  await auditAndSettings(harness);
  const setup = await runTransfer(harness, 'setup', (body) => body as { id: string; job: { status: string } });
  expect(setup.job.status).toBe('COMPLETE');
  return harness;
}

/** What a clean sync of the generated account leaves in HubSpot: the reference a faulted run must equal. */
export async function cleanSyncOutcome(portalId: number, dataset: { records: number; seed: number }) {
  const harness = await preparedHarness(portalId, dataset);
  try {
    const sync = await runTransfer(harness, 'sync', (body) => SyncResponse.parse(body));
    expect(sync.job.status).toBe('COMPLETE');
    return await syncOutcomeOf(harness);
  } finally {
    await harness.close();
  }
}
