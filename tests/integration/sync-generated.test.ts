import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { SyncResponse } from '../../shared/src/contracts/index.js';
import { type AuditHarness, startAuditHarness } from '../support/audit-harness.js';
import { auditAndSettings, liveRecords, portalSnapshot, runTransfer, sourceIdOf } from '../support/sync-harness.js';

/**
 * The initial sync of a generated account (~300 records: persons with shared and missing e-mails,
 * soft-deleted rows), the expected numbers computed from the Pipedrive sandbox's own store.
 */
let harness: AuditHarness;

beforeAll(async () => {
  harness = await startAuditHarness({ portalId: 51002, pipedrive: { dataset: { records: 300, seed: 3 } } });
  await auditAndSettings(harness);
}, 120_000);
afterAll(() => harness.close());

/** Pipedrive's primary e-mail of a person, as HubSpot compares them (no case, no spaces). */
function primaryEmail(person: { emails?: unknown }): string | null {
  const emails = Array.isArray(person.emails) ? (person.emails as { value?: string; primary?: boolean }[]) : [];
  const primary = emails.find((email) => email.primary) ?? emails[0];
  return primary?.value ? primary.value.trim().toLowerCase() : null;
}

it('holds one company per organization, one contact per distinct e-mail (or person without one), one deal per deal (archived ones too), one product per product', async () => {
  await runTransfer(harness, 'setup', (body) => body as { id: string; job: { status: string } });
  const sync = await runTransfer(harness, 'sync', (body) => SyncResponse.parse(body));
  expect(sync.job.status).toBe('COMPLETE');
  const records = harness.pipedrive.state.records;
  const persons = [...records.person.liveRecords()];
  const emails = persons.map(primaryEmail);
  const expectedContacts = new Set(emails.filter((email) => email !== null)).size + emails.filter((e) => !e).length;
  // Seed 3 has persons sharing a primary e-mail: fewer contacts than persons.
  expect(expectedContacts).toBeLessThan(persons.length);
  // Archived deals are included (the default settings).
  const deals = [...records.deal.liveRecords()];
  expect(deals.some((deal) => (deal as { is_archived?: boolean }).is_archived === true)).toBe(true);
  const snapshot = await portalSnapshot(harness);
  const sourceIds = (object: string) => liveRecords(snapshot, object).map(sourceIdOf);
  expect(sourceIds('companies').sort()).toEqual(
    [...records.organization.liveRecords()].map((o) => String(o.id)).sort(),
  );
  expect(liveRecords(snapshot, 'contacts')).toHaveLength(expectedContacts);
  expect(sourceIds('deals').sort()).toEqual(deals.map((deal) => String(deal.id)).sort());
  const failed = sync.tasks.filter((task) => task.counts.failed > 0);
  expect(failed).toEqual([]);
  expect(sourceIds('products').sort()).toEqual([...records.product.liveRecords()].map((p) => String(p.id)).sort());
}, 240_000);
