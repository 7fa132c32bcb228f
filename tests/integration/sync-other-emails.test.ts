import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SetupResponse, SetupReview, SyncResponse } from '../../shared/src/contracts/index.js';
import { type AuditHarness, startAuditHarness } from '../support/audit-harness.js';
import { auditAndSettings, hubspotCall, runTransfer } from '../support/sync-harness.js';

/**
 * A person's other e-mail addresses with the default settings: setup creates the "Other e-mails"
 * contact property (in the ledger like every property it creates), and the sync writes the addresses into
 * it in the contacts upsert, with no call to HubSpot's secondary-email API. Read back through the HubSpot
 * sandbox's API and its request log; expected values written by hand from the dataset below.
 */
const PORTAL = 51_415;
const PROPERTY = 'pipedrive_person__other_emails';

/** A person's addresses as Pipedrive lists them: the primary one first. */
const addresses = (primary: string, ...others: string[]) => [
  { value: primary, primary: true, label: 'work' },
  ...others.map((value) => ({ value, primary: false, label: 'other' })),
];

const DATASET = {
  format: 'pipedrive-sandbox-dataset/1',
  company: { id: 7_020_515, name: 'Other E-mails Company', domain: 'others' },
  users: [{ id: 1, name: 'Olga Admin', email: 'olga@others.example', is_admin: true }],
  persons: [
    {
      id: 1,
      name: 'Carla Cruz',
      owner_id: 1,
      add_time: '2024-01-01T09:00:00Z',
      emails: addresses('carla@cruz.example', 'Carla.Home@Mail.example', 'carla@former.example'),
    },
    { id: 2, name: 'Dirk Dahl', owner_id: 1, emails: addresses('dirk@dahl.example') },
    // Carla again, entered later: merged into her contact, which keeps this person's other address too.
    {
      id: 3,
      name: 'Carla C.',
      owner_id: 1,
      add_time: '2025-06-01T09:00:00Z',
      emails: addresses('carla@cruz.example', 'carla@side.example'),
    },
  ],
};

let harness: AuditHarness;

beforeAll(async () => {
  const ownerEmails = () => ['olga@others.example'];
  harness = await startAuditHarness({ portalId: PORTAL, pipedrive: { dataset: { json: DATASET } }, ownerEmails });
  // The user starts the sync after setup, so the test can look at both apart.
  await auditAndSettings(harness, { automaticSync: false });
}, 150_000);

afterAll(() => harness.close());

interface Contact {
  id: string;
  properties: Record<string, string | null | undefined>;
}

/** The contact of a primary e-mail, read through HubSpot's API. */
async function contactOf(email: string): Promise<Contact> {
  const read = (await hubspotCall(harness, 'POST', '/crm/v3/objects/contacts/batch/read', {
    idProperty: 'email',
    inputs: [{ id: email }],
    properties: ['email', PROPERTY, 'hs_additional_emails'],
    propertiesWithHistory: [],
  })) as { results: Contact[] };
  expect(read.results).toHaveLength(1);
  return read.results[0] as Contact;
}

describe('other e-mail addresses with the default settings', () => {
  it('the review lists the “Other e-mails” contact property setup will create', async () => {
    const review = SetupReview.parse((await harness.api('GET', '/api/v1/setup/review?source=pipedrive')).body);
    const contacts = review.objects.find((object) => object.object === 'contacts');
    expect(contacts?.items).toContainEqual({
      itemType: 'property',
      key: PROPERTY,
      label: 'Other e-mails (Pipedrive)',
      outcome: 'create',
      reason: null,
    });
  });

  it('setup creates it as a text property in the app’s group, in its ledger', async () => {
    const setup = await runTransfer(harness, 'setup', (body) => SetupResponse.parse(body));
    expect(setup.job.status).toBe('COMPLETE');
    const property = (await hubspotCall(harness, 'GET', `/crm/v3/properties/contacts/${PROPERTY}`)) as Record<
      string,
      unknown
    >;
    expect(property).toMatchObject({
      label: 'Other e-mails (Pipedrive)',
      type: 'string',
      fieldType: 'text',
      groupName: 'pipedrive_person',
    });
    const { rows } = await harness.db.pool.query<{ action: string; state: string }>(
      `SELECT action, state FROM ledger_entries
        WHERE transfer_id = $1 AND item_type = 'property' AND hubspot_object = 'contacts' AND item_key = $2`,
      [setup.id, PROPERTY],
    );
    expect(rows).toEqual([{ action: 'created', state: 'confirmed' }]);
  }, 150_000);

  it('the sync writes the other addresses into it, `;`-separated and searchable, with no secondary-email call', async () => {
    const sync = await runTransfer(harness, 'sync', (body) => SyncResponse.parse(body));
    expect(sync.job.status).toBe('COMPLETE');

    const carla = await contactOf('carla@cruz.example');
    expect(carla.properties[PROPERTY]).toBe('carla.home@mail.example;carla@former.example;carla@side.example');
    expect(carla.properties['hs_additional_emails'] ?? null).toBeNull();
    expect((await contactOf('dirk@dahl.example')).properties[PROPERTY] ?? null).toBeNull();

    const found = (await hubspotCall(harness, 'POST', '/crm/v3/objects/contacts/search', {
      filterGroups: [
        { filters: [{ propertyName: PROPERTY, operator: 'CONTAINS_TOKEN', value: '*carla@former.example*' }] },
      ],
    })) as { results: { id: string }[] };
    expect(found.results.map((record) => record.id)).toEqual([carla.id]);

    const log = (await (await fetch(`${harness.hubspot.apiBaseUrl}/_sandbox/portals/${PORTAL}/requests`)).json()) as {
      requests: { endpoint: string }[];
    };
    const endpoints = log.requests.map((request) => request.endpoint);
    expect(endpoints.some((endpoint) => endpoint.includes('/crm/v3/objects/contacts/batch/upsert'))).toBe(true);
    expect(endpoints.filter((endpoint) => endpoint.includes('secondary-email'))).toEqual([]);
  }, 150_000);
});
