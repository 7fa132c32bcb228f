import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SettingsResponse, SetupResponse, SyncResponse, TransferErrorsPage } from '../../shared/src/contracts/index.js';
import { type AuditHarness, startAuditHarness } from '../support/audit-harness.js';
import {
  auditAndSettings,
  type CrmRecord,
  hubspotCall,
  liveRecords,
  portalSnapshot,
  runTransfer,
  sourceIdOf,
} from '../support/sync-harness.js';

/**
 * Values HubSpot cannot hold as they are: an option added in Pipedrive after setup, a note longer than
 * HubSpot's 65,536 characters. Audit → setup → changes in the Pipedrive sandbox → sync, read back from the
 * HubSpot sandbox; expected values written here by hand from the dataset below.
 */
const PORTAL = 51_414;
const TIER_KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f9001122334';
const SUPPLIER_KEY = 'b1b2c3d4e5f60718293a4b5c6d7e8f9001122334';
const CONTACT_KEY = 'c1b2c3d4e5f60718293a4b5c6d7e8f9001122334';
const LONG_NOTE = `<p>${'Long minutes. '.repeat(5_000)}</p>`;

const DATASET = {
  format: 'pipedrive-sandbox-dataset/1',
  company: { id: 7_020_514, name: 'Values Test Company', domain: 'values' },
  users: [{ id: 1, name: 'Alma Admin', email: 'alma@values.example', is_admin: true }],
  pipelines: [{ id: 1, name: 'Sales', stages: [{ id: 1, name: 'Qualified', deal_probability: 20 }] }],
  fields: {
    person: [{ key: TIER_KEY, name: 'Tier', field_type: 'enum', options: ['Gold', 'Silver'] }],
    // HubSpot products associate with nothing: these links are kept as the linked record's name.
    product: [
      { key: SUPPLIER_KEY, name: 'Supplier', field_type: 'org' },
      { key: CONTACT_KEY, name: 'Contact person', field_type: 'people' },
    ],
  },
  organizations: [
    { id: 1, name: 'Acme Supplies', owner_id: 1 },
    { id: 2, name: 'Gone Trading', owner_id: 1, is_deleted: true },
    { id: 3, name: 'Cobalt Works', owner_id: 1, website: 'https://www.cobalt.example/about' },
    { id: 4, name: 'Cobalt Two', owner_id: 1, website: 'cobalt.example' },
  ],
  products: [
    { id: 1, name: 'Licence', custom_fields: { [SUPPLIER_KEY]: 1, [CONTACT_KEY]: 1 } },
    { id: 2, name: 'Support', custom_fields: { [SUPPLIER_KEY]: 2 } },
  ],
  persons: [
    {
      id: 1,
      name: 'Anna Alpha',
      org_id: 1,
      owner_id: 1,
      emails: [
        { value: 'anna@alpha.example', primary: true, label: 'work' },
        { value: 'Anna.Private@Home.example', primary: false, label: 'home' },
        { value: 'anna@old-job.example', primary: false, label: 'other' },
      ],
    },
    {
      id: 2,
      name: 'Bert Beta',
      owner_id: 1,
      // Anna's private address too: HubSpot lets one contact hold an address.
      emails: [
        { value: 'bert@beta.example', primary: true, label: 'work' },
        { value: 'anna.private@home.example', primary: false, label: 'home' },
      ],
    },
  ],
  notes: [{ id: 1, content: LONG_NOTE, person_id: 1, user_id: 1 }],
};

let harness: AuditHarness;

/** A call to the Pipedrive sandbox as its admin user would make it (a change made in Pipedrive after setup). */
async function pipedrive(method: string, path: string, body: unknown): Promise<{ data: unknown }> {
  const res = await fetch(`${harness.pipedrive.apiBaseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-api-token': harness.pipedrive.state.apiToken(1) },
    body: JSON.stringify(body),
  });
  expect(res.status).toBeLessThan(300);
  return (await res.json()) as { data: unknown };
}

beforeAll(async () => {
  harness = await startAuditHarness({
    portalId: PORTAL,
    pipedrive: { dataset: { json: DATASET } },
    automaticSync: false,
    ownerEmails: () => ['alma@values.example'],
  });
  await auditAndSettings(harness);
  const setup = await runTransfer(harness, 'setup', (body) => SetupResponse.parse(body));
  expect(setup.job.status).toBe('COMPLETE');
}, 150_000);

/** A call to the HubSpot sandbox as another app of the portal would make it. */
const hubspot = (method: string, path: string, body?: unknown) => hubspotCall(harness, method, path, body);

afterAll(() => harness.close());

interface SandboxProperty {
  name: string;
  label: string;
  options: { label: string; value: string }[];
}

describe('values HubSpot cannot hold as they are', () => {
  let sync: SyncResponse;
  let platinum: string;

  let holder: { id: string };

  it('(before the sync) HubSpot holds a company that already carries organization 1’s source id, written by someone else', async () => {
    const snapshot = (await portalSnapshot(harness)) as Awaited<ReturnType<typeof portalSnapshot>> & {
      properties: Record<string, { custom: SandboxProperty[] }>;
    };
    const idProperty = snapshot.properties['companies']?.custom.find((p) => p.name.endsWith('__record_id'))?.name;
    holder = (await hubspot('POST', '/crm/v3/objects/companies', {
      properties: { name: 'Acme (old name)', description: 'Kept by HubSpot', [idProperty ?? '-']: '1' },
    })) as { id: string };
  });

  let cobalt: { id: string };

  it('(before the sync) the user opts in to matching companies by domain and to secondary e-mails; HubSpot has two companies of one domain', async () => {
    const current = SettingsResponse.parse((await harness.api('GET', '/api/v1/connections/pipedrive/settings')).body);
    const saved = await harness.api('PUT', '/api/v1/connections/pipedrive/settings', {
      ...current.settings,
      matchCompaniesByDomain: true,
      addSecondaryEmails: true,
    });
    expect(saved.status).toBe(200);
    cobalt = (await hubspot('POST', '/crm/v3/objects/companies', {
      properties: { name: 'Cobalt (HubSpot)', domain: 'cobalt.example', city: 'Tallinn' },
    })) as { id: string };
    await hubspot('POST', '/crm/v3/objects/companies', {
      properties: { name: 'Cobalt newer', domain: 'cobalt.example' },
    });
  });

  it('adds an option added in Pipedrive after setup to the HubSpot property before the records that use it', async () => {
    const options = (await pipedrive('POST', `/api/v2/personFields/${TIER_KEY}/options`, [{ label: 'Platinum' }]))
      .data as { id: number; label: string }[];
    platinum = String(options.find((option) => option.label === 'Platinum')?.id);
    await pipedrive('POST', '/api/v2/persons', {
      name: 'Pia Platinum',
      owner_id: 1,
      emails: [{ value: 'pia@platinum.example', primary: true, label: 'work' }],
      custom_fields: { [TIER_KEY]: Number(platinum) },
    });

    sync = await runTransfer(harness, 'sync', (body) => SyncResponse.parse(body));
    expect(sync.job.status).toBe('COMPLETE');

    const snapshot = (await portalSnapshot(harness)) as Awaited<ReturnType<typeof portalSnapshot>> & {
      properties: Record<string, { custom: SandboxProperty[] }>;
    };
    const tier = snapshot.properties['contacts']?.custom.find((property) => property.label === 'Tier');
    expect(tier?.options.map(({ label }) => label)).toEqual(['Gold', 'Silver', 'Platinum']);
    expect(tier?.options.find(({ label }) => label === 'Platinum')?.value).toBe(platinum);
    const pia = liveRecords(snapshot, 'contacts').find(
      (record) => record.properties['email'] === 'pia@platinum.example',
    );
    expect(pia?.properties[tier?.name ?? '']).toBe(platinum);

    // The change is in the sync's ledger with the options before it, for revert to restore.
    const { rows } = await harness.db.pool.query<{ action: string; state: string; previous_values: unknown }>(
      `SELECT action, state, previous_values FROM ledger_entries
        WHERE transfer_id = $1 AND item_type = 'property' AND hubspot_object = 'contacts' AND item_key = $2`,
      [sync.id, tier?.name],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'changed', state: 'confirmed' });
    const before = (rows[0]?.previous_values as { options: { label: string }[] }).options.map(({ label }) => label);
    expect(before).toEqual(['Gold', 'Silver']);
  }, 150_000);

  it('keeps a link HubSpot cannot make as the linked record’s name, and the source id with a note when it was not transferred', async () => {
    const snapshot = (await portalSnapshot(harness)) as Awaited<ReturnType<typeof portalSnapshot>> & {
      properties: Record<string, { custom: SandboxProperty[] }>;
    };
    const named = (label: string) =>
      snapshot.properties['products']?.custom.find((property) => property.label === label)?.name ?? '-';
    const product = (id: string) =>
      liveRecords(snapshot, 'products').find((record) => sourceIdOf(record) === id)?.properties ?? {};
    expect(product('1')[named('Supplier')]).toBe('Acme Supplies');
    expect(product('1')[named('Contact person')]).toBe('Anna Alpha');
    expect(product('2')[named('Supplier')]).toBe('Organizations #2 (not transferred)');
  });

  it('keeps a person’s other e-mail addresses as the contact’s secondary e-mails, and reports one another contact holds', async () => {
    const snapshot = await portalSnapshot(harness);
    const contact = (email: string) =>
      liveRecords(snapshot, 'contacts').find((record) => record.properties['email'] === email)?.properties ?? {};
    expect(contact('anna@alpha.example')['hs_additional_emails']).toBe(
      'anna.private@home.example;anna@old-job.example',
    );
    expect(contact('bert@beta.example')['hs_additional_emails']).toBeUndefined();

    const page = TransferErrorsPage.parse((await harness.api('GET', `/api/v1/transfers/${sync.id}/errors`)).body);
    expect(page.errors).toContainEqual(
      expect.objectContaining({
        task: 'persons',
        itemKey: '2',
        severity: 'error',
        category: 'CONFLICT',
        message: expect.stringMatching(/^anna\.private@home\.example could not be added as a secondary e-mail/),
      }),
    );
    const { rows } = await harness.db.pool.query<{ previous_values: unknown }>(
      `SELECT previous_values FROM ledger_entries WHERE transfer_id = $1 AND item_type = 'secondary_emails' AND state = 'confirmed'`,
      [sync.id],
    );
    expect(rows).toEqual([{ previous_values: { hs_additional_emails: null } }]);
  });

  it('sends no address HubSpot holds again when the sync runs again (only the refused one is tried again)', async () => {
    const secondaryEmailCalls = async () => {
      const stats = (await (await fetch(`${harness.hubspot.apiBaseUrl}/_sandbox/stats`)).json()) as {
        byPortal: Record<string, { byEndpoint: Record<string, number> }>;
      };
      return Object.entries(stats.byPortal[String(PORTAL)]?.byEndpoint ?? {})
        .filter(([endpoint]) => endpoint.startsWith('PUT /contacts/v1/secondary-email/'))
        .reduce((sum, [, count]) => sum + count, 0);
    };
    const before = await secondaryEmailCalls();
    const again = await runTransfer(harness, 'sync', (body) => SyncResponse.parse(body));
    expect(again.job.status).toBe('COMPLETE');
    expect((await secondaryEmailCalls()) - before).toBe(1);
    // The company adopted by domain is still someone else's: what this sync changed in it is recorded again.
    const { rows } = await harness.db.pool.query<{ item_key: string; action: string; previous_values: unknown }>(
      `SELECT item_key, action, previous_values FROM ledger_entries
        WHERE transfer_id = $1 AND item_type = 'record' ORDER BY item_key`,
      [again.id],
    );
    expect(rows.map(({ item_key, action }) => [item_key, action])).toEqual([
      ['organizations/1', 'changed'],
      ['organizations/3', 'changed'],
    ]);
    expect(rows[1]?.previous_values).toMatchObject({ name: 'Cobalt Works', domain: 'cobalt.example' });
    const snapshot = await portalSnapshot(harness);
    const anna = liveRecords(snapshot, 'contacts').find(
      (record) => record.properties['email'] === 'anna@alpha.example',
    );
    expect(anna?.properties['hs_additional_emails']).toBe('anna.private@home.example;anna@old-job.example');
  }, 150_000);

  it('records what a record it did not create held before changing it, so revert can restore it', async () => {
    const snapshot = await portalSnapshot(harness);
    const companies = liveRecords(snapshot, 'companies').filter((record) => sourceIdOf(record) === '1');
    expect(companies.map((record) => [record.id, record.properties['name']])).toEqual([[holder.id, 'Acme Supplies']]);
    const { rows } = await harness.db.pool.query<{ action: string; hubspot_id: string; previous_values: unknown }>(
      `SELECT action, hubspot_id, previous_values FROM ledger_entries
        WHERE transfer_id = $1 AND item_type = 'record' AND hubspot_object = 'companies' AND item_key = 'organizations/1'`,
      [sync.id],
    );
    expect(rows).toEqual([
      {
        action: 'changed',
        hubspot_id: holder.id,
        previous_values: expect.objectContaining({ name: 'Acme (old name)' }),
      },
    ]);
    // What the sync wrote that the company did not hold was empty before.
    expect(rows[0]?.previous_values).toMatchObject({ hubspot_owner_id: null });
  });

  it('adopts the oldest HubSpot company of an organization’s domain (opt-in), recording what it held, and creates the next organization of that domain', async () => {
    const snapshot = await portalSnapshot(harness);
    const ofDomain = liveRecords(snapshot, 'companies').filter((c) => c.properties['domain'] === 'cobalt.example');
    expect(ofDomain.map((c) => [c.properties['name'], sourceIdOf(c)]).sort()).toEqual([
      ['Cobalt Two', '4'],
      ['Cobalt Works', '3'],
      ['Cobalt newer', null],
    ]);
    expect(ofDomain.find((c) => sourceIdOf(c) === '3')?.id).toBe(cobalt.id);
    const { rows } = await harness.db.pool.query<{ action: string; previous_values: Record<string, unknown> }>(
      `SELECT action, previous_values FROM ledger_entries
        WHERE transfer_id = $1 AND item_type = 'record' AND hubspot_object = 'companies' AND item_key = 'organizations/3'`,
      [sync.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.action).toBe('reused');
    expect(rows[0]?.previous_values).toMatchObject({ name: 'Cobalt (HubSpot)', domain: 'cobalt.example' });
    expect(
      Object.entries(rows[0]?.previous_values ?? {}).find(([name]) => name.endsWith('__record_id'))?.[1],
    ).toBeNull();
  });

  it('after the id map is lost, takes no record an earlier sync created or adopted for someone else’s, and adopts no second company', async () => {
    await harness.db.pool.query('DELETE FROM id_map');
    const third = await runTransfer(harness, 'sync', (body) => SyncResponse.parse(body));
    expect(third.job.status).toBe('COMPLETE');
    const { rows } = await harness.db.pool.query<{ item_key: string; action: string }>(
      // Products and engagements are written again without an id map until the id-map rebuild step exists.
      `SELECT item_key, action FROM ledger_entries
        WHERE transfer_id = $1 AND item_type = 'record' AND hubspot_object IN ('companies', 'contacts', 'deals')
        ORDER BY item_key`,
      [third.id],
    );
    // Organization 1's company was someone else's before the first sync, organization 3 adopted one: still
    // changed, never taken for created.
    expect(rows).toEqual([
      { item_key: 'organizations/1', action: 'changed' },
      { item_key: 'organizations/3', action: 'changed' },
    ]);
    const snapshot = await portalSnapshot(harness);
    const ofDomain = liveRecords(snapshot, 'companies').filter((c) => c.properties['domain'] === 'cobalt.example');
    expect(ofDomain.map((c) => [c.properties['name'], sourceIdOf(c)]).sort()).toEqual([
      ['Cobalt Two', '4'],
      ['Cobalt Works', '3'],
      ['Cobalt newer', null],
    ]);
  }, 150_000);

  it('cuts text over HubSpot’s 65,536 characters and says so in the errors list as a warning naming the record and field', async () => {
    const snapshot = await portalSnapshot(harness);
    const notes = liveRecords(snapshot, 'notes');
    const note = notes.find((record) => sourceIdOf(record) === '1') as CrmRecord;
    expect(note.properties['hs_note_body']).toHaveLength(65_536);
    expect(LONG_NOTE.startsWith(note.properties['hs_note_body'] ?? '-')).toBe(true);

    const page = TransferErrorsPage.parse((await harness.api('GET', `/api/v1/transfers/${sync.id}/errors`)).body);
    expect(page.errors.filter((error) => error.severity === 'warning')).toEqual([
      expect.objectContaining({
        task: 'notes',
        itemKey: '1',
        severity: 'warning',
        category: 'VALUE_CUT',
        message: expect.stringMatching(/hs_note_body.*70,007 characters.*65,536/),
      }),
    ]);
    // A warning is no failure: the note counts as created.
    expect(sync.tasks.find((task) => task.object === 'notes')?.counts).toMatchObject({ created: 1, failed: 0 });
  });
});
