import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { withTransaction } from '../../backend/src/db/pool.js';
import { jobsRepository } from '../../backend/src/db/repositories/jobs.repository.js';
import { transfersRepository } from '../../backend/src/db/repositories/transfers.repository.js';
import { createTransferRun, type TransferRun } from '../../backend/src/jobs/transfer-run.js';
import { createAssociationBuffer } from '../../backend/src/transfer/sync/association-buffer.js';
import type { AssociationPair } from '../../backend/src/transfer/sync/association-writer.js';
import { upsertRecords } from '../../backend/src/transfer/sync/record-writer.js';
import { ASSOCIATIONS_TASK } from '../../backend/src/transfer/sync/sync-plan.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { portalWithConnection } from '../support/fixtures.js';
import { SOURCE_ID, startWriterHarness, type WriterHarness } from '../support/hubspot-writer-harness.js';

/**
 * The association buffer (association-buffer.ts) on real Postgres and the HubSpot sandbox: pairs kept in
 * record batches' commits go out in full calls of 2,000 per kind, each pair counted once on the
 * associations task, and a call repeated after a crash before its commit leaves HubSpot unchanged.
 */
let h: WriterHarness;
let db: TestDatabase;
let run: TransferRun;

const PORTAL = 700;
const range = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

beforeAll(async () => {
  h = await startWriterHarness();
  db = await createTestDatabase();
  const connection = await portalWithConnection(db.pool, PORTAL);
  const transfer = await withTransaction(db.pool, async (tx) => {
    const job = await jobsRepository.create(tx, {
      portalId: PORTAL,
      connectionId: connection.id,
      kind: 'sync',
      createdByUserId: 1,
    });
    return transfersRepository.createForJob(tx, job.id);
  });
  run = createTransferRun(db.pool, transfer);
  await run.start(['persons', ASSOCIATIONS_TASK]);
}, 60_000);
afterAll(async () => {
  await h?.close();
  await db?.drop();
});

async function upsert(objectType: string, name: string, sourceIds: string[]): Promise<Map<string, string>> {
  const outcomes = await upsertRecords(h.hubspot, {
    objectType,
    idProperty: SOURCE_ID,
    inputs: sourceIds.map((sourceId) => ({ sourceId, properties: { [name]: sourceId } })),
  });
  expect(outcomes.filter((o) => o.outcome === 'failed')).toEqual([]);
  return new Map(outcomes.flatMap((o) => (o.outcome === 'failed' ? [] : [[o.sourceId, o.hubspotId]])));
}

/** A buffer of a new attempt (a new worker process after a crash starts with a new one). */
const bufferOf = (transferRun: TransferRun) =>
  createAssociationBuffer({ db: db.pool, api: h.hubspot, run: transferRun });

const keep = (pairs: AssociationPair[]) => run.commit((tx) => bufferOf(run).keep(tx, pairs));

const associationCalls = () => h.sent.filter((batch) => batch.path.startsWith('/crm/v4/associations/'));

async function associationsTask() {
  const { rows } = await db.pool.query<{ read: number; created: number; skipped: number; failed: number }>(
    `SELECT read_count::int AS read, created_count::int AS created, skipped_count::int AS skipped,
            failed_count::int AS failed
       FROM transfer_tasks WHERE transfer_id = $1 AND object = $2`,
    [run.transfer.id, ASSOCIATIONS_TASK],
  );
  return rows[0];
}

async function pendingCount(): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM pending_associations WHERE transfer_id = $1',
    [run.transfer.id],
  );
  return rows[0]?.n ?? -1;
}

/** contact → company association types in HubSpot, by contact id → company id. */
async function heldTypes(contactIds: string[]): Promise<Map<string, Map<string, number[]>>> {
  const body = (await h.hs('POST', '/crm/v4/associations/contacts/companies/batch/read', {
    inputs: contactIds.map((id) => ({ id })),
  })) as unknown as {
    results: { from: { id: string }; to: { toObjectId: number; associationTypes: { typeId: number }[] }[] }[];
  };
  return new Map(
    body.results.map((result) => [
      result.from.id,
      new Map(result.to.map((to) => [String(to.toObjectId), to.associationTypes.map((t) => t.typeId).sort()])),
    ]),
  );
}

it('writes kept pairs 2,000 a call per kind (pair of object types, any association types), counts each once, and a call repeated after a crash before its commit changes nothing in HubSpot', async () => {
  const companies = await upsert(
    'companies',
    'name',
    range(41).map((i) => `buf-org-${i}`),
  );
  const contacts = await upsert(
    'contacts',
    'firstname',
    range(50).map((i) => `buf-person-${i}`),
  );
  const label = (await h.hs('POST', '/crm/v4/associations/contacts/companies/labels', {
    name: 'billing_contact',
    label: 'Billing contact',
  })) as unknown as { results: { typeId: number }[] };
  const billing = label.results[0]?.typeId as number;
  const pair = (person: number, org: number, extra: Partial<AssociationPair> = {}): AssociationPair => ({
    fromType: 'contacts',
    toType: 'companies',
    fromSourceId: `buf-person-${person}`,
    toSourceId: `buf-org-${org}`,
    fromId: contacts.get(`buf-person-${person}`) ?? null,
    toId: companies.get(`buf-org-${org}`) ?? null,
    ...extra,
  });
  // 50 contacts × 41 companies: 2,050 pairs of the default type.
  const plain = range(50).flatMap((person) => range(41).map((org) => pair(person, org)));
  h.sent.length = 0;

  // Pairs kept in a commit that does not happen are not kept.
  await expect(
    run.commit(async (tx) => {
      await bufferOf(run).keep(tx, plain.slice(0, 10));
      throw new Error('the batch failed before its commit');
    }),
  ).rejects.toThrow('the batch failed');
  expect(await pendingCount()).toBe(0);

  // 1,000 pairs, each kept twice (a link a batch names twice, or another batch names again): no full call yet.
  await keep(plain.slice(0, 1000));
  await keep(plain.slice(0, 1000));
  await bufferOf(run).writeFull('persons', 'contacts');
  expect(associationCalls()).toEqual([]);

  // 1,050 more (24 of them with a custom label: the same kind, contact to company), a pair whose end was
  // filtered out and one whose end is not in HubSpot: one call of 2,000 distinct pairs (every copy counted),
  // even when two batches ask at once.
  const withLabel = (index: number) => index >= 1001 && index < 1025;
  await keep([
    ...plain
      .slice(1000)
      .map((p, i) =>
        withLabel(1000 + i) ? { ...p, label: { category: 'USER_DEFINED' as const, typeId: billing } } : p,
      ),
    pair(1, 1, { toSourceId: 'buf-org-filtered', toId: null, skip: 'filtered_out' }),
    pair(2, 1, { toSourceId: 'buf-org-failed', toId: null }),
  ]);
  const buffer = bufferOf(run);
  await Promise.all([buffer.writeFull('persons', 'contacts'), buffer.writeFull('persons', 'contacts')]);
  expect(associationCalls().map((call) => [call.path, call.inputs.length])).toEqual([
    ['/crm/v4/associations/contacts/companies/batch/create', 2000],
  ]);
  expect(await associationsTask()).toMatchObject({ read: 3002, created: 3000, skipped: 1, failed: 1 });
  const { rows: errors } = await db.pool.query<{ source_id: string; code: string }>(
    'SELECT source_id, code FROM record_errors WHERE transfer_id = $1 AND object = $2',
    [run.transfer.id, ASSOCIATIONS_TASK],
  );
  expect(errors).toEqual([{ source_id: 'contacts/buf-person-2 → companies/buf-org-failed', code: 'MISSING_END' }]);
  expect(await pendingCount()).toBe(50);

  // A worker killed after each kind's call was acknowledged, before its commit; the next one repeats the call.
  const crashed: TransferRun = { ...run, commit: () => Promise.reject(new Error('killed')) };
  async function crashedThenRepeated(kept: AssociationPair[]) {
    await keep(kept);
    const before = associationCalls().length;
    await expect(bufferOf(crashed).writeAll('persons')).rejects.toThrow('killed');
    await bufferOf(run).writeAll('persons');
    return associationCalls()
      .slice(before)
      .map((call) => [call.path, call.inputs.length]);
  }
  // The last 50 of the default type; a Primary company per contact; a custom label.
  expect(await crashedThenRepeated([])).toEqual([
    ['/crm/v4/associations/contacts/companies/batch/create', 50],
    ['/crm/v4/associations/contacts/companies/batch/create', 50],
  ]);
  expect(await crashedThenRepeated(range(50).map((person) => pair(person, 1, { primary: true })))).toEqual([
    ['/crm/v4/associations/contacts/companies/batch/create', 50],
    ['/crm/v4/associations/contacts/companies/batch/create', 50],
  ]);
  const labelled = pair(3, 7, { label: { category: 'USER_DEFINED', typeId: billing } });
  expect(await crashedThenRepeated([labelled])).toEqual([
    ['/crm/v4/associations/contacts/companies/batch/create', 1],
    ['/crm/v4/associations/contacts/companies/batch/create', 1],
  ]);

  // Every kept pair counted once; nothing left kept.
  expect(await associationsTask()).toMatchObject({ read: 3103, created: 3101, skipped: 1, failed: 1 });
  expect(await pendingCount()).toBe(0);
  // HubSpot: each contact with all 41 companies, company 1 as its one Primary (1 + the default 279), the
  // label once on its pair.
  const held = await heldTypes([...contacts.values()]);
  const org = (i: number) => companies.get(`buf-org-${i}`) as string;
  for (const person of range(50)) {
    const types = held.get(contacts.get(`buf-person-${person}`) as string);
    expect(types?.size).toBe(41);
    expect(types?.get(org(1))).toEqual([1, 279]);
    const primaries = [...(types?.values() ?? [])].filter((typeIds) => typeIds.includes(1));
    expect(primaries).toHaveLength(1);
  }
  expect(held.get(contacts.get('buf-person-3') as string)?.get(org(7))).toEqual([279, billing].sort());
  const person25 = held.get(contacts.get('buf-person-25') as string);
  for (const company of range(41))
    expect(person25?.get(org(company))).toEqual(
      company === 1 ? [1, 279] : company >= 18 ? [279, billing].sort() : [279],
    );
}, 120_000);
