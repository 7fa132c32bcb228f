import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { SyncResponse } from '../../shared/src/contracts/index.js';
import { type AuditHarness, startAuditHarness } from '../support/audit-harness.js';
import { auditAndSettings, liveRecords, portalSnapshot, runTransfer, sourceIdOf } from '../support/sync-harness.js';

/**
 * The sync of a generated account whose objects span several record batches of 100 writes each object in
 * ceil(records / 100) calls and each kind of association (from object to object, whatever the types) in
 * calls of up to 2,000 pairs, not one call per record batch, and HubSpot holds the associations the source
 * has. Calls are counted by the HubSpot sandbox.
 */
const PORTAL = 51012;
let harness: AuditHarness;

beforeAll(async () => {
  harness = await startAuditHarness({ portalId: PORTAL, pipedrive: { dataset: { records: 2500, seed: 5 } } });
  await auditAndSettings(harness);
}, 120_000);
afterAll(() => harness.close());

interface PortalCounts {
  byEndpoint: Record<string, number>;
  inputsByEndpoint: Record<string, number>;
}

const ASSOCIATION_CALL = /^POST \/crm\/v4\/associations\/(\w+)\/(\w+)\/batch\/(associate\/default|create)$/;

it('writes each kind of association (pair of object types, any types) in one call per 2,000 pairs, and HubSpot holds the source’s links', async () => {
  const records = harness.pipedrive.state.records;
  const persons = [...records.person.liveRecords()];
  const deals = [...records.deal.liveRecords()];
  // More than one record batch of 100 per object: one call per batch would make several calls per kind.
  expect(persons.length).toBeGreaterThan(100);
  expect(deals.length).toBeGreaterThan(100);

  await runTransfer(harness, 'setup', (body) => body as { id: string; job: { status: string } });
  const statsUrl = `${harness.hubspot.apiBaseUrl}/_sandbox/stats`;
  const before = ((await (await fetch(statsUrl)).json()) as { byPortal: Record<string, PortalCounts> }).byPortal[
    String(PORTAL)
  ];
  const sync = await runTransfer(harness, 'sync', (body) => SyncResponse.parse(body));
  expect(sync.job.status).toBe('COMPLETE');
  const counts = ((await (await fetch(statsUrl)).json()) as { byPortal: Record<string, PortalCounts> }).byPortal[
    String(PORTAL)
  ] as PortalCounts;
  const snapshot = await portalSnapshot(harness);

  const made = (endpoint: string) => (counts.byEndpoint[endpoint] ?? 0) - (before?.byEndpoint[endpoint] ?? 0);
  const inputsOf = (endpoint: string) =>
    (counts.inputsByEndpoint[endpoint] ?? 0) - (before?.inputsByEndpoint[endpoint] ?? 0);
  // Records: ceil(records / 100) writes per object, batches going on across source pages (an activity type
  // takes ~150 of a page of 500 activities; deals go on from their list into the archived ones). Contacts
  // aside: persons sharing an e-mail are one input, and a batch HubSpot refuses whole (a bad e-mail) is split.
  const writes = Object.keys(counts.byEndpoint).filter(
    (endpoint) =>
      /^POST \/crm\/v3\/objects\/\w+\/batch\/(upsert|create)$/.test(endpoint) && !endpoint.includes('/contacts/'),
  );
  expect(writes.length).toBeGreaterThan(5);
  expect(writes.map((endpoint) => [endpoint, made(endpoint)])).toEqual(
    writes.map((endpoint) => [endpoint, Math.ceil(inputsOf(endpoint) / 100)]),
  );

  const calls = Object.keys(counts.byEndpoint).flatMap((endpoint) => {
    const match = ASSOCIATION_CALL.exec(endpoint);
    if (!match) return [];
    return [{ endpoint, made: made(endpoint), inputs: inputsOf(endpoint) }];
  });
  expect(calls.length).toBeGreaterThan(5);
  // A kind is a pair of object types, whatever the types (a custom label, the Primary company, the default):
  // under 2,000 pairs of each in this account, so one call each, all through batch create.
  expect(calls.filter((call) => call.inputs >= 2000 || call.made !== 1)).toEqual([]);
  expect(calls.filter((call) => !call.endpoint.endsWith('/batch/create'))).toEqual([]);
  // Deals link to companies with the default type, the Primary company and a custom label (a custom
  // organization field): that pair of object types still took one call.
  const dealLabels = new Set(
    snapshot.associations
      .filter((edge) => edge.from.startsWith('deals:') && edge.to.startsWith('companies:'))
      .flatMap((edge) => edge.types.map((type) => type.label)),
  );
  expect(dealLabels.has(null) && dealLabels.has('Primary')).toBe(true);
  expect(dealLabels.size).toBeGreaterThan(2);

  // HubSpot holds the links of the source: every live deal to its live organization; every contact (by the
  // person whose source id it carries) to its live organization as its Primary company.
  const source = new Map<string, string>();
  for (const [object, list] of Object.entries(snapshot.records))
    for (const record of list) source.set(`${object}:${record.id}`, `${object}:${sourceIdOf(record)}`);
  const held = new Map(
    snapshot.associations.map((edge) => [
      `${source.get(edge.from)}>${source.get(edge.to)}`,
      edge.types.map((type) => type.label),
    ]),
  );
  const liveOrgs = new Set([...records.organization.liveRecords()].map((org) => org.id));
  const dealLinks = deals.flatMap((deal) =>
    deal.org_id !== null && liveOrgs.has(deal.org_id) ? [`deals:${deal.id}>companies:${deal.org_id}`] : [],
  );
  expect(dealLinks.length).toBeGreaterThan(50);
  expect(dealLinks.filter((link) => !held.has(link))).toEqual([]);
  // Persons that share a primary e-mail become one contact, whose Primary company is the last one's: left out.
  const emailOf = (person: (typeof persons)[number]) =>
    (person.emails.find((email) => email.primary) ?? person.emails[0])?.value.trim().toLowerCase() ?? null;
  const sharing = persons.filter(
    (person) =>
      emailOf(person) !== null && persons.some((other) => other !== person && emailOf(other) === emailOf(person)),
  );
  const alone = new Map(
    persons.filter((person) => !sharing.includes(person)).map((person) => [String(person.id), person]),
  );
  const contactLinks = liveRecords(snapshot, 'contacts').flatMap((contact) => {
    const person = alone.get(String(sourceIdOf(contact)));
    return person?.org_id != null && liveOrgs.has(person.org_id)
      ? [`contacts:${person.id}>companies:${person.org_id}`]
      : [];
  });
  expect(contactLinks.length).toBeGreaterThan(50);
  expect(contactLinks.filter((link) => !held.get(link)?.includes('Primary'))).toEqual([]);
  const associationsTask = sync.tasks.find((task) => task.object === 'associations');
  expect(associationsTask?.counts.failed).toBe(0);
}, 240_000);
