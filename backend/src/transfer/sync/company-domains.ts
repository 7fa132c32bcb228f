/**
 * The opt-in "match existing companies by domain": a source organization whose domain an existing HubSpot
 * company has adopts that company (updated by its id, its source id set, never a second company) instead
 * of creating one, and what it held before goes into the ledger (reused, with previous values) so revert
 * can restore it. HubSpot has no unique domain (no batch read or upsert by it) and the hot path has no
 * search, so before the companies task the portal's companies are read once, page by page, into
 * `hubspot_company_domains`; each batch looks its domains up there, and only when some match reads which
 * of those records HubSpot already holds by source id (a lost id map) and the matched companies.
 * The oldest company of a domain is the one adopted, by the first organization that has it.
 */
import type { Queryable } from '../../db/pool.js';
import { companyDomainsRepository } from '../../db/repositories/company-domains.repository.js';
import { idMapRepository } from '../../db/repositories/id-map.repository.js';
import type { HubSpotPortalApi } from '../../hubspot/hubspot-api.js';
import type { TransferBatch } from '../../jobs/transfer-run.js';
import { sourceIdProperty } from '../mapping/lineage.js';
import type { PlannedObject } from '../mapping/mapping-plan.js';
import type { BatchApi, BatchRecord } from './batch-sender.js';
import { updateRecords } from './record-writer.js';
import type { MappedRecord, SyncOutcome } from './sync-records.js';

const domainKey = (domain: string | null | undefined): string | null => domain?.trim().toLowerCase() || null;

/** Before the companies task: the portal's companies without a source id, by domain (the oldest per domain). */
export async function indexCompanyDomains(
  deps: { db: Queryable; connectionId: string; api: Pick<HubSpotPortalApi, 'objectPages'> },
  row: PlannedObject,
): Promise<void> {
  const idProperty = sourceIdProperty(row);
  await companyDomainsRepository.clear(deps.db, deps.connectionId);
  for await (const page of deps.api.objectPages('companies', ['domain', idProperty])) {
    await companyDomainsRepository.add(
      deps.db,
      deps.connectionId,
      page.flatMap((company) => {
        const domain = domainKey(company.properties['domain']);
        return domain && !company.properties[idProperty] ? [{ domain, hubspotId: company.id }] : [];
      }),
    );
  }
}

export interface Adoption {
  outcomes: SyncOutcome[];
  /** The records still to write the usual way. */
  rest: MappedRecord[];
  /** Domains whose company was adopted: they leave the index in the batch's commit. */
  domains: string[];
}

/** Adopts the batch's companies whose domain an indexed company has; the others are left to the upsert. */
export async function adoptCompanies(
  deps: { db: Queryable; connectionId: string; api: BatchApi },
  row: PlannedObject,
  batch: readonly MappedRecord[],
): Promise<Adoption> {
  const none: Adoption = { outcomes: [], rest: [...batch], domains: [] };
  const mapped = await idMapRepository.lookup(
    deps.db,
    deps.connectionId,
    row.sourceObject,
    batch.map((m) => m.record.id),
  );
  const candidates = batch.filter((m) => !mapped.has(m.record.id) && domainKey(m.input.properties['domain']));
  const index = await companyDomainsRepository.lookup(deps.db, deps.connectionId, [
    ...new Set(candidates.map((m) => domainKey(m.input.properties['domain']) as string)),
  ]);
  const idProperty = sourceIdProperty(row);
  const matched = candidates.filter((m) => index.has(domainKey(m.input.properties['domain']) as string));
  if (matched.length === 0) return none;
  // A company that already carries the source id (the id map was lost) is the record's own: upserted as usual.
  const holders = await deps.api.batch<BatchRecord>('/crm/v3/objects/companies/batch/read', {
    idProperty,
    inputs: matched.map((m) => ({ id: m.record.id })),
    properties: [idProperty],
    propertiesWithHistory: [],
  });
  const held = new Set(holders.results.map((company) => company.properties[idProperty]));
  const pairs = new Map<string, { mapped: MappedRecord; hubspotId: string }>();
  for (const candidate of matched.filter((m) => !held.has(m.record.id))) {
    const domain = domainKey(candidate.input.properties['domain']) as string;
    const hubspotId = index.get(domain);
    if (hubspotId !== undefined && !pairs.has(domain)) pairs.set(domain, { mapped: candidate, hubspotId });
  }
  if (pairs.size === 0) return none;
  const names = [...new Set([...pairs.values()].flatMap(({ mapped: m }) => Object.keys(m.input.properties)))];
  const answer = await deps.api.batch<BatchRecord>('/crm/v3/objects/companies/batch/read', {
    inputs: [...pairs.values()].map(({ hubspotId }) => ({ id: hubspotId })),
    properties: [...names, idProperty],
    propertiesWithHistory: [],
  });
  const existing = new Map(answer.results.map((company) => [company.id, company]));
  // A company deleted since the index was read is no match; one another writer gave a source id neither.
  const adoptable = [...pairs].filter(([, { hubspotId }]) => {
    const company = existing.get(hubspotId);
    return company !== undefined && !company.properties[idProperty];
  });
  const updated = await updateRecords(
    deps.api,
    'companies',
    adoptable.map(([, { mapped: m, hubspotId }]) => ({
      sourceId: m.record.id,
      hubspotId,
      properties: { ...m.input.properties, [idProperty]: m.record.id },
    })),
  );
  const outcomes = updated.map((outcome, index): SyncOutcome => {
    const [, { mapped: m, hubspotId }] = adoptable[index] as [string, { mapped: MappedRecord; hubspotId: string }];
    if (outcome.outcome === 'failed') return outcome;
    const before = existing.get(hubspotId)?.properties ?? {};
    return {
      sourceId: outcome.sourceId,
      outcome: 'adopted',
      hubspotId,
      previousValues: Object.fromEntries(
        [...Object.keys(m.input.properties), idProperty].map((name) => [name, before[name] ?? null]),
      ),
    };
  });
  const adopted = new Set(adoptable.map(([, { mapped: m }]) => m.record.id));
  return {
    outcomes,
    rest: batch.filter((m) => !adopted.has(m.record.id)),
    // Unmatched ones leave too: deleted, or taken by a source id since.
    domains: [...pairs.keys()],
  };
}

/** In the batch's commit: the adopted (or no longer adoptable) companies leave the index. */
export const commitAdoption = (tx: TransferBatch, connectionId: string, adoption: Adoption): Promise<void> =>
  companyDomainsRepository.remove(tx.client, connectionId, adoption.domains);
