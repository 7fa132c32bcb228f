/**
 * Issue 14's proof on the sync fixture (sandbox/pipedrive/datasets/sync-fixture.ts, over 2,000 records in a
 * Europe/Berlin Pipedrive account): audit → settings (archived deals included) → setup → sync, everything
 * read back from the HubSpot sandbox. The named records' HubSpot values are written here by hand from the
 * fixture (properties by their HubSpot label, option values by their option label); every record and every
 * association of the account is checked by recounting the fixture with the rules written below.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { syncFixture } from '../../sandbox/pipedrive/index.js';
import { SettingsResponse, SetupResponse, SyncResponse, TransferErrorsPage } from '../../shared/src/contracts/index.js';
import { type AuditHarness, startAuditHarness } from '../support/audit-harness.js';
import {
  auditAndSettings,
  type CrmRecord,
  liveRecords,
  type PortalSnapshot,
  portalSnapshot,
  runTransfer,
  sourceIdOf,
} from '../support/sync-harness.js';

const PORTAL = 51014;
const FIXTURE = syncFixture();
let harness: AuditHarness;
let sync: SyncResponse;
let portal: PortalSnapshot;

beforeAll(async () => {
  harness = await startAuditHarness({
    portalId: PORTAL,
    pipedrive: { dataset: { json: FIXTURE } },
    ownerEmails: () => ['greta@fixture14.example', 'hans@fixture14.example'],
  });
  // A HubSpot portal in the account's zone: a date there is the Berlin day.
  const hubspotPortal = harness.hubspot.state.portals.get(PORTAL);
  if (!hubspotPortal) throw new Error('no portal');
  Object.assign(hubspotPortal.account, {
    timeZone: 'Europe/Berlin',
    utcOffset: '+01:00',
    utcOffsetMilliseconds: 3_600_000,
  });
  await auditAndSettings(harness);
  const current = SettingsResponse.parse((await harness.api('GET', '/api/v1/connections/pipedrive/settings')).body);
  const saved = await harness.api('PUT', '/api/v1/connections/pipedrive/settings', {
    ...current.settings,
    dataTypes: { ...current.settings.dataTypes, archived_deals: true },
  });
  expect(saved.status).toBe(200);
}, 180_000);
afterAll(() => harness.close());

// ---------------------------------------------------------------------------------------------------------
// The fixture recounted: which source records are live, which HubSpot object each becomes, who they link to.
// ---------------------------------------------------------------------------------------------------------

type Row = { id: number | string; is_deleted?: boolean };
const live = <T extends Row>(rows: readonly T[] | undefined): T[] => (rows ?? []).filter((row) => !row.is_deleted);
const idsOf = (rows: readonly Row[]) => rows.map((row) => String(row.id)).sort();

/** ARCHITECTURE.md "Activities": call → calls, meeting and lunch → meetings, task, deadline (and others) → tasks, email → emails. */
const ACTIVITY_OBJECT: Record<string, string> = {
  call: 'calls',
  meeting: 'meetings',
  lunch: 'meetings',
  task: 'tasks',
  deadline: 'tasks',
  demo: 'tasks',
  email: 'emails',
};

const persons = live(FIXTURE.persons);
const primaryEmail = (person: (typeof persons)[number]) =>
  (person.emails?.find((email) => email.primary) ?? person.emails?.[0])?.value.toLowerCase() ?? null;
/** Persons sharing an e-mail become the contact of the oldest of them (source person id → contact's person id). */
const oldestByEmail = new Map<string, (typeof persons)[number]>();
for (const person of persons) {
  const email = primaryEmail(person);
  const held = email === null ? undefined : oldestByEmail.get(email);
  if (email !== null && (!held || (person.add_time ?? '') < (held.add_time ?? ''))) oldestByEmail.set(email, person);
}
const contactPerson = new Map(
  persons.map((person) => {
    const email = primaryEmail(person);
    return [String(person.id), String((email === null ? person : (oldestByEmail.get(email) ?? person)).id)];
  }),
);
const activitiesIn = (object: string) =>
  live(FIXTURE.activities).filter((activity) => ACTIVITY_OBJECT[activity.type ?? 'call'] === object);

const EXPECTED_IDS: Record<string, string[]> = {
  companies: idsOf(live(FIXTURE.organizations)),
  contacts: [...new Set(contactPerson.values())].sort(),
  products: idsOf(live(FIXTURE.products)),
  deals: idsOf(live(FIXTURE.deals)),
  calls: idsOf(activitiesIn('calls')),
  meetings: idsOf(activitiesIn('meetings')),
  tasks: idsOf(activitiesIn('tasks')),
  emails: idsOf(activitiesIn('emails')),
  notes: idsOf(live(FIXTURE.notes)),
};

/** `object:sourceId` of the HubSpot record a source reference lands on, or null when that record is not live. */
function end(object: 'companies' | 'contacts' | 'deals', id: number | null | undefined): string | null {
  if (id === null || id === undefined) return null;
  if (object === 'contacts') {
    const contact = contactPerson.get(String(id));
    return contact === undefined ? null : `contacts:${contact}`;
  }
  return EXPECTED_IDS[object]?.includes(String(id)) ? `${object}:${id}` : null;
}

/** Every pair of HubSpot records the account's links make, unordered (HubSpot keeps both directions). */
function expectedPairs(): Set<string> {
  const pairs = new Set<string>();
  const add = (from: string, to: string | null) => {
    if (to !== null) pairs.add([from, to].sort().join(' ~ '));
  };
  const custom = (
    values: Record<string, unknown> | undefined,
    from: string,
    keyOf: (type: 'org' | 'people') => string,
  ) => {
    add(from, end('companies', values?.[keyOf('org')] as number | undefined));
    add(from, end('contacts', values?.[keyOf('people')] as number | undefined));
  };
  for (const person of persons) {
    const from = end('contacts', person.id as number) as string;
    add(from, end('companies', person.org_id));
    custom(person.custom_fields, from, (type) => fieldKeyOf('person', type));
  }
  for (const org of live(FIXTURE.organizations))
    custom(org.custom_fields, `companies:${org.id}`, (type) => fieldKeyOf('organization', type));
  for (const deal of live(FIXTURE.deals)) {
    add(`deals:${deal.id}`, end('contacts', deal.person_id));
    add(`deals:${deal.id}`, end('companies', deal.org_id));
    custom(deal.custom_fields, `deals:${deal.id}`, (type) => fieldKeyOf('deal', type));
  }
  for (const activity of live(FIXTURE.activities)) {
    const from = `${ACTIVITY_OBJECT[activity.type ?? 'call']}:${activity.id}`;
    add(from, end('deals', activity.deal_id));
    for (const participant of activity.participants ?? []) add(from, end('contacts', participant.person_id));
    add(from, end('companies', activity.org_id));
  }
  for (const note of live(FIXTURE.notes)) {
    add(`notes:${note.id}`, end('deals', note.deal_id));
    add(`notes:${note.id}`, end('contacts', note.person_id));
    add(`notes:${note.id}`, end('companies', note.org_id));
  }
  return pairs;
}

/** The fixture's custom field keys, found by type through the field definitions (their labels say the type). */
function fieldKeyOf(entity: 'deal' | 'person' | 'organization', type: 'org' | 'people'): string {
  const label = type === 'org' ? 'Partner organization' : 'Referrer';
  const field = FIXTURE.fields?.[entity]?.find((candidate) => candidate.name === label);
  if (!field?.key) throw new Error(`no ${label} field on ${entity}`);
  return field.key;
}

// ---------------------------------------------------------------------------------------------------------
// HubSpot read back: records by source id, properties by label, associations by source id.
// ---------------------------------------------------------------------------------------------------------

function record(object: string, sourceId: string): CrmRecord {
  const found = liveRecords(portal, object).filter((candidate) => sourceIdOf(candidate) === sourceId);
  expect([object, sourceId, found.length]).toEqual([object, sourceId, 1]);
  return found[0] as CrmRecord;
}

/**
 * A record's properties, the created ones under their HubSpot label, and option values as their option
 * labels (owner properties keep the owner id): what a user sees on the record.
 */
function shown(object: string, sourceId: string): Record<string, string> {
  const { custom } = (portal as unknown as { properties: Record<string, { custom: PropertyDefinition[] }> }).properties[
    object
  ] ?? { custom: [] };
  const byName = new Map(custom.map((property) => [property.name, property]));
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(record(object, sourceId).properties)) {
    const property = byName.get(name);
    if (!property) {
      out[name] = value;
      continue;
    }
    const labels = property.options.length > 0 ? value.split(';').map((v) => optionLabel(property, v)) : [value];
    out[property.label] = labels.join(';');
  }
  return out;
}
interface PropertyDefinition {
  name: string;
  label: string;
  options: { value: string; label: string }[];
}
const optionLabel = (property: PropertyDefinition, value: string) =>
  property.options.find((option) => option.value === value)?.label ?? `(no option ${value})`;

/** HubSpot's record id → `object:sourceId`. */
function sourceKeys(snapshot: PortalSnapshot = portal): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [object, records] of Object.entries(snapshot.records))
    for (const crm of records) keys.set(`${object}:${crm.id}`, `${object}:${sourceIdOf(crm)}`);
  return keys;
}

/** The record's associations with `to` objects, as `object:sourceId` plus `(Primary)` or the custom label. */
function linksOf(object: string, sourceId: string, to: readonly string[]): string[] {
  const keys = sourceKeys();
  const from = `${object}:${record(object, sourceId).id}`;
  return portal.associations
    .filter((edge) => edge.from === from && to.includes(edge.to.split(':')[0] ?? ''))
    .map((edge) => {
      const custom = edge.types.find((type) => type.category === 'USER_DEFINED')?.label;
      const primary = edge.types.some((type) => type.label === 'Primary');
      return `${keys.get(edge.to)}${custom ? ` (${custom})` : primary ? ' (Primary)' : ''}`;
    })
    .sort();
}

const owner = (email: string) => portal.owners.find((candidate) => candidate.email === email)?.id;
const GRETA = 'greta@fixture14.example';
const HANS = 'hans@fixture14.example';
function stage(pipelineName: string, stageLabel: string): { pipeline: string; dealstage: string } {
  const pipeline = portal.pipelines.deals.find((candidate) => candidate.label === pipelineName);
  const found = pipeline?.stages.find((candidate) => candidate.label === stageLabel);
  if (!pipeline || !found) throw new Error(`no stage ${pipelineName} / ${stageLabel}`);
  return { pipeline: pipeline.id, dealstage: found.id };
}
/** The calendar day an instant shows on in a time zone. */
const dayIn = (instant: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );

/** What every custom field type of the fixture's named records becomes (hand-written from everyValue). */
const EVERY_TYPE = () => ({
  'Customer tier': 'Gold',
  'Lead source detail': 'Trade fair',
  'Background notes': 'Line one\nLine two — “quoted” & <kept>',
  'Health score': '87.25',
  'Legacy number': '4711',
  Budget: '1500.5',
  'Budget (currency)': 'GBP',
  'Renewal day': '2026-04-30',
  'Contract period (start)': '2026-01-01',
  'Contract period (end)': '2026-12-31',
  'Best time to call': '09:30 Europe/Berlin',
  'Office hours (start)': '08:00 Europe/Berlin',
  'Office hours (end)': '16:30 Europe/Berlin',
  Segment: 'Enterprise',
  Interests: 'Analytics;Security',
  'Account manager': owner(HANS),
  'Emergency phone': '+49 30 9876543',
  'Billing address': 'Unter den Linden 77, 10117 Berlin, Germany',
  'Billing address (street)': 'Unter den Linden 77',
  'Billing address (city)': 'Berlin',
  'Billing address (state/region)': 'Berlin',
  'Billing address (postal code)': '10117',
  'Billing address (country)': 'Germany',
});

describe('the initial sync of the 2,000-record fixture', () => {
  it('prepares HubSpot and syncs every record without an error', async () => {
    const records = Object.values(EXPECTED_IDS).reduce((sum, ids) => sum + ids.length, 0);
    expect(records).toBeGreaterThanOrEqual(2000);
    const setup = await runTransfer(harness, 'setup', (body) => SetupResponse.parse(body));
    expect(setup.job.status).toBe('COMPLETE');
    expect(setup.summary.failed).toBe(0);
    sync = await runTransfer(harness, 'sync', (body) => SyncResponse.parse(body));
    expect(sync.job.status).toBe('COMPLETE');
    const errors = TransferErrorsPage.parse((await harness.api('GET', `/api/v1/transfers/${sync.id}/errors`)).body);
    expect(errors.errors).toEqual([]);
    expect(sync.summary.failed).toBe(0);
    portal = await portalSnapshot(harness);
  }, 300_000);

  it('holds exactly one HubSpot record per live source record of every object (persons sharing an e-mail: one contact)', () => {
    for (const [object, ids] of Object.entries(EXPECTED_IDS)) {
      const held = liveRecords(portal, object).map(sourceIdOf);
      expect([object, held.length]).toEqual([object, ids.length]);
      expect([object, [...held].sort()]).toEqual([object, ids]);
    }
    // Leads are not transferred; HubSpot has no other objects from the account.
    expect(liveRecords(portal, 'line_items')).toEqual([]);
    // Persons 2 and 3 share an e-mail: person 2 (older) is the contact, person 3 has none of its own.
    expect(EXPECTED_IDS.contacts).toContain('2');
    expect(EXPECTED_IDS.contacts).not.toContain('3');
  });

  it('holds every association of the account, and no other', () => {
    const keys = sourceKeys();
    const held = new Set(
      portal.associations.map((edge) => [keys.get(edge.from), keys.get(edge.to)].sort().join(' ~ ')),
    );
    const expected = expectedPairs();
    expect([...expected].filter((pair) => !held.has(pair))).toEqual([]);
    expect([...held].filter((pair) => !expected.has(pair))).toEqual([]);
    expect(held.size).toBe(expected.size);
  });

  it('writes the named deals by hand: stages, owners, currencies, close dates, archived deals, every field type and association', () => {
    expect(shown('deals', '1')).toMatchObject({
      dealname: 'Open Berlin deal',
      amount: '12000',
      deal_currency_code: 'EUR',
      hubspot_owner_id: owner(GRETA),
      ...stage('Sales', 'Proposal'),
      // An open deal: the start of its expected close day (15 December) in Berlin.
      closedate: '2026-12-14T23:00:00.000Z',
      createdate: '2026-09-01T08:00:00.000Z',
      'Expected close date': '2026-12-15',
      'Deal created': '2026-09-01T08:00:00.000Z',
      'Stage in Pipedrive': 'Proposal',
      'Deal probability (Pipedrive)': '65',
      'Archived in Pipedrive': 'false',
      Label: '🔥 Priority',
      'Source channel': 'Referral',
      'Pipedrive record ID (deals)': '1',
      'Pipedrive record link (deals)': `${harness.pipedrive.apiBaseUrl}/deal/1`,
      ...EVERY_TYPE(),
    });
    const won = shown('deals', '2');
    expect(won).toMatchObject({
      dealname: 'Won late in the evening',
      amount: '5000',
      deal_currency_code: 'USD',
      hubspot_owner_id: owner(HANS),
      ...stage('Sales', 'Closed won'),
      hs_is_closed_won: 'true',
      closedate: '2026-03-09T23:30:00.000Z',
      'Won time': '2026-03-09T23:30:00.000Z',
      'Stage in Pipedrive': 'Negotiation',
    });
    // Won at 23:30 UTC on 9 March: the next day in the Europe/Berlin portal.
    const zone = harness.hubspot.state.portals.get(PORTAL)?.account.timeZone ?? 'none';
    expect([zone, dayIn(won.closedate ?? '', zone)]).toEqual(['Europe/Berlin', '2026-03-10']);
    expect(shown('deals', '3')).toMatchObject({
      ...stage('Sales', 'Closed lost'),
      closedate: '2026-06-30T10:00:00.000Z',
      closed_lost_reason: 'Too expensive',
      'Stage in Pipedrive': 'Lead in',
      hubspot_owner_id: owner(GRETA),
    });
    expect(shown('deals', '4')).toMatchObject({
      dealname: 'Archived open renewal',
      ...stage('Renewals', 'Due'),
      // Summer time: 31 July starts at 22:00 UTC in Berlin.
      closedate: '2026-07-30T22:00:00.000Z',
      'Archived in Pipedrive': 'true',
      'Archived on': '2026-05-01T08:00:00.000Z',
    });
    expect(shown('deals', '5')).toMatchObject({
      ...stage('Renewals', 'Closed won'),
      closedate: '2026-02-01T09:15:00.000Z',
      'Archived in Pipedrive': 'true',
    });
    expect(shown('deals', '6')).toMatchObject({
      ...stage('Sales', 'Closed lost'),
      closedate: '2026-01-20T16:00:00.000Z',
      'Archived in Pipedrive': 'true',
    });
    expect(shown('deals', '8').closedate).toBeUndefined();

    const ends = ['contacts', 'companies'];
    expect(linksOf('deals', '1', ends)).toEqual([
      'companies:1 (Primary)',
      'companies:4 (Partner organization)',
      'contacts:1',
      'contacts:6 (Referrer)',
    ]);
    expect(linksOf('deals', '2', ends)).toEqual(['companies:2 (Primary)', 'contacts:2']);
    expect(linksOf('deals', '3', ends)).toEqual(['contacts:6']);
    // Person 3 is person 2's contact (shared e-mail).
    expect(linksOf('deals', '4', ends)).toEqual(['companies:2 (Primary)', 'contacts:2']);
    expect(linksOf('deals', '5', ends)).toEqual(['companies:1 (Primary)']);
    expect(linksOf('deals', '6', ends)).toEqual(['contacts:1']);
    // Its person and organization are deleted in Pipedrive.
    expect(linksOf('deals', '8', ends)).toEqual([]);
  });

  it('writes the named contacts and companies by hand', () => {
    expect(shown('contacts', '1')).toMatchObject({
      firstname: 'Anna',
      lastname: 'Schmidt',
      email: 'anna@berliner-bau.example',
      phone: '+49 30 1111111',
      mobilephone: '+49 170 2222222',
      jobtitle: 'Head of Purchasing',
      date_of_birth: '1985-04-12',
      Labels: 'Customer;Hot lead',
      hubspot_owner_id: owner(GRETA),
      'Person created': '2024-05-01T09:00:00.000Z',
      'Pipedrive record link (persons)': `${harness.pipedrive.apiBaseUrl}/person/1`,
      // The default settings: her other address is in the contact's own property, not a secondary e-mail.
      'Other e-mails (Pipedrive)': 'anna.schmidt@mail.example',
      ...EVERY_TYPE(),
    });
    expect(shown('contacts', '1')).not.toHaveProperty('hs_additional_emails');
    expect(shown('contacts', '2')).toMatchObject({
      firstname: 'Bernd',
      lastname: 'Braun',
      email: 'bernd@hamburg-hafen.example',
      hubspot_owner_id: owner(HANS),
    });
    // Owned by a deactivated user without a HubSpot owner, and without an e-mail.
    const dieter = shown('contacts', '5');
    expect(dieter).toMatchObject({ firstname: 'Dieter', lastname: 'Ohnemail' });
    expect([dieter.email, dieter.hubspot_owner_id]).toEqual([undefined, undefined]);

    expect(shown('companies', '1')).toMatchObject({
      name: 'Berliner Bau AG',
      domain: 'berliner-bau.example',
      website: 'https://www.berliner-bau.example/de',
      address: 'Friedrichstraße 10',
      city: 'Berlin',
      state: 'Berlin',
      zip: '10117',
      country: 'Germany',
      annualrevenue: '2500000',
      numberofemployees: '120',
      'Industry (Pipedrive)': 'Manufacturing',
      Labels: 'Customer',
      hubspot_owner_id: owner(GRETA),
      ...EVERY_TYPE(),
    });
    expect(shown('companies', '2')).toMatchObject({ name: 'Hamburg Hafen GmbH', hubspot_owner_id: owner(HANS) });

    const ends = ['contacts', 'companies'];
    expect(linksOf('contacts', '1', ends)).toEqual([
      'companies:1 (Primary)',
      'companies:4 (Partner organization)',
      'contacts:6 (Referrer)',
    ]);
    expect(linksOf('contacts', '2', ['companies'])).toEqual(['companies:2 (Primary)']);
    expect(linksOf('contacts', '5', ends)).toEqual([]);
    expect(linksOf('companies', '1', ['companies'])).toEqual(['companies:4 (Partner organization)']);
    expect(linksOf('companies', '1', ['contacts'])).toEqual(['contacts:1 (Primary)', 'contacts:6 (Referrer)']);
  });

  it('writes the named products by hand', () => {
    const product = shown('products', '1');
    expect(product).toMatchObject({
      name: 'Consulting hour',
      hs_sku: 'CONS-H',
      description: 'On-site consulting, billed per hour.',
      price: '150',
      hs_cost_of_goods_sold: '60',
      tax: '19',
      recurringbillingfrequency: 'monthly',
      hs_recurring_billing_period: 'P12M',
      Unit: 'hour',
      Category: 'Software',
      Owner: owner(HANS),
      ...EVERY_TYPE(),
    });
    // Products cannot be associated: the organization and person links are kept as text properties.
    expect(product['Partner organization']).toBeDefined();
    expect(product.Referrer).toBeDefined();
    expect(shown('products', '2')).toMatchObject({ name: 'Licence', hs_sku: 'LIC', price: '1000' });
  });

  it('writes every activity type and the notes by hand, with their associations', () => {
    const ends = ['deals', 'contacts', 'companies'];
    expect(shown('calls', '1')).toMatchObject({
      hs_call_title: 'Kick-off call',
      // Pipedrive's due time is UTC.
      hs_timestamp: '2026-11-02T09:30:00.000Z',
      hs_call_duration: '2700000',
      hs_call_body: '<p>Discussed the <b>scope</b></p>',
      hubspot_owner_id: owner(GRETA),
      'Pipedrive activity type': 'Call',
      Done: 'true',
    });
    expect(linksOf('calls', '1', ends)).toEqual(['companies:1', 'contacts:1', 'deals:1']);
    expect(shown('meetings', '2')).toMatchObject({
      hs_meeting_title: 'Site visit',
      hs_meeting_start_time: '2026-11-03T13:00:00.000Z',
      hs_meeting_end_time: '2026-11-03T14:30:00.000Z',
      hs_meeting_outcome: 'SCHEDULED',
      hs_meeting_body: 'Walk through the harbour site',
      hubspot_owner_id: owner(HANS),
      'Pipedrive activity type': 'Meeting',
    });
    // Two participants: two contacts.
    expect(linksOf('meetings', '2', ends)).toEqual(['companies:2', 'contacts:2', 'contacts:6', 'deals:2']);
    expect(shown('meetings', '6')).toMatchObject({
      hs_meeting_title: 'Lunch with Bernd',
      hs_meeting_start_time: '2026-11-05T11:00:00.000Z',
      hs_meeting_end_time: '2026-11-05T12:00:00.000Z',
      'Pipedrive activity type': 'Lunch',
    });
    expect(linksOf('meetings', '6', ends)).toEqual(['companies:2', 'contacts:2']);
    expect(shown('tasks', '3')).toMatchObject({
      hs_task_subject: 'Send the offer',
      // No due time: the start of 10 November in Berlin.
      hs_timestamp: '2026-11-09T23:00:00.000Z',
      hs_task_status: 'NOT_STARTED',
      hs_task_priority: 'HIGH',
      'Pipedrive activity type': 'Task',
    });
    expect(shown('tasks', '4')).toMatchObject({
      hs_task_subject: 'Contract deadline',
      hs_timestamp: '2026-06-14T22:00:00.000Z',
      hs_task_status: 'COMPLETED',
      'Pipedrive activity type': 'Deadline',
    });
    expect(linksOf('tasks', '4', ends)).toEqual(['deals:3']);
    expect(shown('tasks', '7')).toMatchObject({
      hs_task_subject: 'Product demo for Anna',
      hs_timestamp: '2026-11-12T10:00:00.000Z',
      'Pipedrive activity type': 'Product demo',
    });
    expect(linksOf('tasks', '7', ends)).toEqual(['contacts:1', 'deals:1']);
    expect(shown('emails', '5')).toMatchObject({
      hs_email_subject: 'Offer sent by e-mail',
      hs_timestamp: '2026-05-20T15:00:00.000Z',
      'Pipedrive activity type': 'Email',
      Done: 'false',
    });
    expect(linksOf('emails', '5', ends)).toEqual(['contacts:6', 'deals:3']);
    // On an archived deal; with an organization only.
    expect(linksOf('calls', '9', ends)).toEqual(['deals:5']);
    expect(linksOf('meetings', '10', ends)).toEqual(['companies:4']);

    expect(shown('notes', '1')).toMatchObject({
      hs_note_body: '<p>Deal note with <b>bold</b> text</p>',
      hs_timestamp: '2026-10-01T10:00:00.000Z',
      hubspot_owner_id: owner(GRETA),
    });
    expect(linksOf('notes', '1', ends)).toEqual(['deals:1']);
    expect(linksOf('notes', '2', ends)).toEqual(['contacts:1']);
    expect(linksOf('notes', '3', ends)).toEqual(['companies:2']);
    expect(linksOf('notes', '4', ends)).toEqual(['companies:2', 'contacts:2', 'deals:2']);
    expect(linksOf('notes', '6', ends)).toEqual(['deals:6']);
    // On a lead only: leads are not transferred.
    expect(linksOf('notes', '7', ends)).toEqual([]);
  });

  it('a second sync creates nothing and changes no count', async () => {
    const again = await runTransfer(harness, 'sync', (body) => SyncResponse.parse(body));
    expect(again.job.status).toBe('COMPLETE');
    expect(again.summary).toMatchObject({ created: 0, failed: 0, read: sync.summary.read });
    const after = await portalSnapshot(harness);
    for (const [object, ids] of Object.entries(EXPECTED_IDS))
      expect([object, liveRecords(after, object).length]).toEqual([object, ids.length]);
  }, 300_000);

  it('after the id map and the record ledger are lost, a full sync creates nothing: the same records and associations', async () => {
    await harness.db.pool.query('DELETE FROM id_map');
    await harness.db.pool.query("DELETE FROM ledger_entries WHERE item_type = 'record'");
    const again = await runTransfer(harness, 'sync', (body) => SyncResponse.parse(body));
    expect(again.job.status).toBe('COMPLETE');
    expect(again.summary).toMatchObject({ created: 0, failed: 0, read: sync.summary.read });
    const after = await portalSnapshot(harness);
    for (const [object, ids] of Object.entries(EXPECTED_IDS))
      expect([object, [...liveRecords(after, object).map(sourceIdOf)].sort()]).toEqual([object, ids]);
    const keys = sourceKeys(after);
    const held = new Set(after.associations.map((edge) => [keys.get(edge.from), keys.get(edge.to)].sort().join(' ~ ')));
    expect(held).toEqual(expectedPairs());
  }, 300_000);
});
