import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RecordPreview } from '../../shared/src/contracts/index.js';
import { type AuditHarness, startAuditHarness } from '../support/audit-harness.js';

const PORTAL_ID = 5151;
/** Custom field keys as Pipedrive makes them (40 hex digits), so the property names below are known. */
const key = (n: number): string => n.toString(16).padStart(40, 'c');
const K = {
  varchar: key(1),
  varcharAuto: key(2),
  text: key(3),
  double: key(4),
  int: key(5),
  monetary: key(6),
  date: key(7),
  daterange: key(8),
  time: key(9),
  timerange: key(10),
  set: key(11),
  enum: key(12),
  user: key(13),
  org: key(14),
  people: key(15),
  phone: key(16),
  address: key(17),
};

/**
 * A Berlin account whose won deal carries every Pipedrive field type: won at 23:30 UTC on 9 March,
 * which is already 10 March in Berlin.
 */
const DATASET = {
  format: 'pipedrive-sandbox-dataset/1',
  now: '2026-03-10T09:00:00Z',
  users: [
    { id: 1, name: 'Ann Admin', email: 'ann@acme.example', is_admin: true, timezone_name: 'Europe/Berlin' },
    { id: 2, name: 'Bob Nomatch', email: 'bob@acme.example', is_admin: false, timezone_name: 'Europe/Berlin' },
  ],
  fields: {
    deal: [
      { key: K.varchar, name: 'Nickname', field_type: 'varchar' },
      { key: K.varcharAuto, name: 'Auto text', field_type: 'varchar_auto' },
      { key: K.text, name: 'Long text', field_type: 'text' },
      { key: K.double, name: 'Tiny', field_type: 'double' },
      { key: K.int, name: 'Seats', field_type: 'int' },
      { key: K.monetary, name: 'Budget', field_type: 'monetary' },
      { key: K.date, name: 'Signed on', field_type: 'date' },
      { key: K.daterange, name: 'Campaign', field_type: 'daterange' },
      { key: K.time, name: 'Call at', field_type: 'time' },
      { key: K.timerange, name: 'Office hours', field_type: 'timerange' },
      { key: K.set, name: 'Colours', field_type: 'set', options: ['Red', 'Green', 'Blue'] },
      { key: K.enum, name: 'Tier', field_type: 'enum', options: ['Gold', 'Silver'] },
      { key: K.user, name: 'Reviewer', field_type: 'user' },
      { key: K.org, name: 'Partner', field_type: 'org' },
      { key: K.people, name: 'Referrer', field_type: 'people' },
      { key: K.phone, name: 'Hotline', field_type: 'phone' },
      { key: K.address, name: 'Site', field_type: 'address' },
    ],
  },
  pipelines: [
    {
      id: 1,
      name: 'Sales',
      is_deal_probability_enabled: true,
      stages: [
        { id: 1, name: 'Qualified', deal_probability: 20 },
        { id: 2, name: 'Proposal', deal_probability: 60 },
      ],
    },
  ],
  organizations: [
    { id: 10, name: 'Acme Oy', owner_id: 1 },
    { id: 11, name: 'Partner AS', owner_id: 1 },
  ],
  persons: [
    {
      id: 5,
      name: 'Jane Q Roe',
      first_name: null,
      last_name: null,
      owner_id: 2,
      org_id: 10,
      emails: [
        { value: ' Other@Example.com ', primary: false, label: 'home' },
        { value: 'JANE@Acme.Example', primary: true, label: 'work' },
        { value: 'not an address', primary: false, label: 'other' },
      ],
      phones: [
        { value: '+49 30 1234', primary: true, label: 'work' },
        { value: '+49 170 555', primary: false, label: 'mobile' },
        { value: '+49 30 9999', primary: false, label: 'home' },
      ],
      birthday: '1990-02-28',
      job_title: 'CTO',
    },
    { id: 6, name: 'Ref Errer', owner_id: 1 },
  ],
  deals: [
    {
      id: 3,
      title: 'Big one',
      owner_id: 1,
      creator_user_id: 1,
      person_id: 5,
      org_id: 10,
      stage_id: 2,
      value: 5000,
      currency: 'EUR',
      status: 'won',
      probability: 70,
      add_time: '2026-01-05T08:00:00Z',
      update_time: '2026-03-09T23:30:00Z',
      stage_change_time: '2026-02-01T10:00:00Z',
      won_time: '2026-03-09T23:30:00Z',
      close_time: '2026-03-09T23:30:00Z',
      expected_close_date: '2026-03-15',
      custom_fields: {
        [K.varchar]: 'Hello <b>world</b>',
        [K.varcharAuto]: 'auto',
        [K.text]: 'Line 1\nLine 2',
        [K.double]: 0.0000001,
        [K.int]: 42,
        [K.monetary]: { value: 1234.5, currency: 'USD' },
        [K.date]: '2026-02-28',
        [K.daterange]: { value: '2026-03-01', until: '2026-03-31' },
        [K.time]: { value: '09:30:00', timezone_name: 'Europe/Berlin' },
        [K.timerange]: { value: '09:00:00', until: '17:00:00', timezone_name: 'Europe/Berlin' },
        // Option ids are assigned in order across the account's fields: Red 1, Green 2, Blue 3, Gold 4, Silver 5.
        [K.set]: [1, 3],
        [K.enum]: 4,
        [K.user]: 1,
        [K.org]: 11,
        [K.people]: 6,
        [K.phone]: '+372 5555 1234',
        [K.address]: {
          value: 'Narva mnt 5, 10117 Tallinn, Estonia',
          route: 'Narva mnt',
          street_number: '5',
          locality: 'Tallinn',
          admin_area_level_1: 'Harju maakond',
          postal_code: '10117',
          country: 'Estonia',
        },
      },
    },
    {
      id: 4,
      title: 'Still open',
      owner_id: 2,
      person_id: 5,
      stage_id: 1,
      value: 10,
      currency: 'USD',
      status: 'open',
      add_time: '2026-01-05T08:00:00Z',
      update_time: '2026-01-05T08:00:00Z',
      expected_close_date: '2026-03-29',
    },
  ],
  activities: [
    {
      id: 20,
      subject: 'Call Jane',
      type: 'call',
      owner_id: 1,
      deal_id: 3,
      participants: [{ person_id: 5, primary: true }],
      due_date: '2026-03-11',
      due_time: '12:30',
      duration: '00:30',
      done: true,
      note: '<b>hi</b><img src=x onerror=alert(1)>',
    },
  ],
  notes: [
    {
      id: 8,
      content: '<p onclick="steal()">Hi <a href="javascript:alert(1)">x</a><script>alert(2)</script><b>ok</b></p>',
      deal_id: 3,
      user_id: 1,
      add_time: '2026-03-01T12:00:00Z',
      update_time: '2026-03-01T12:00:00Z',
    },
  ],
};

let harness: AuditHarness;
let annOwnerId: string;
let auditId: string;
/** Option ids the Pipedrive account gave the set and enum fields' options, by label. */
let option: (field: string, label: string) => string;

const preview = async (object: string, id: string) => {
  const res = await harness.api('GET', `/api/v1/connections/pipedrive/records/${object}/${id}/preview`);
  return res;
};

beforeAll(async () => {
  harness = await startAuditHarness({
    portalId: PORTAL_ID,
    pipedrive: { dataset: { json: DATASET } },
    ownerEmails: () => ['ann@acme.example'],
  });
  const audit = await harness.runAudit();
  expect(audit.job.status).toBe('COMPLETE');
  auditId = audit.id;
  const ann = audit.result?.users.find((user) => user.email === 'ann@acme.example');
  annOwnerId = ann?.hubspotOwnerId as string;
  expect(annOwnerId).toMatch(/^\d+$/);
  const fields = harness.pipedrive.state.store.fields.custom('deal');
  option = (fieldKey, label) => {
    const found = fields.find((field) => field.key === fieldKey)?.options?.find((o) => o.label === label);
    if (!found) throw new Error(`no option ${label}`);
    return String(found.id);
  };
}, 90_000);

afterAll(async () => {
  await harness.close();
});

describe('record preview', () => {
  it('shows a deal with every field type as the HubSpot input written by hand', async () => {
    // The partner organization is already in HubSpot: the preview names its HubSpot id.
    await harness.db.pool.query(
      `INSERT INTO id_map (connection_id, object, source_id, hubspot_object, hubspot_id)
       SELECT id, 'organizations', '11', 'companies', '987654' FROM connections WHERE portal_id = $1`,
      [PORTAL_ID],
    );
    const res = await preview('deals', '3');
    expect(res.status).toBe(200);
    const body = RecordPreview.parse(res.body);
    expect(body.auditId).toBe(auditId);
    expect(body.sourceRecord).toMatchObject({ object: 'deals', id: '3' });
    expect(body.sourceRecord.values.title).toBe('Big one');
    const deal = (name: string) => `pipedrive_deal_${name}`;
    expect(body.hubspot.objectType).toBe('deals');
    expect(body.hubspot.properties).toEqual({
      dealname: 'Big one',
      hubspot_owner_id: annOwnerId,
      [deal('creator_user_id')]: annOwnerId,
      amount: '5000',
      deal_currency_code: 'EUR',
      [deal('stage_id')]: 'Proposal',
      [deal('probability')]: '70',
      [deal('add_time')]: '2026-01-05T08:00:00.000Z',
      [deal('update_time')]: '2026-03-09T23:30:00.000Z',
      [deal('stage_change_time')]: '2026-02-01T10:00:00.000Z',
      [deal('won_time')]: '2026-03-09T23:30:00.000Z',
      [deal('close_time')]: '2026-03-09T23:30:00.000Z',
      // Won: the instant it closed (10 March in a Berlin portal), not the expected day.
      closedate: '2026-03-09T23:30:00.000Z',
      [deal('expected_close_date')]: '2026-03-15',
      [deal('origin')]: 'ManuallyCreated',
      [deal('is_archived')]: 'false',
      [deal(K.varchar)]: 'Hello <b>world</b>',
      [deal(K.varcharAuto)]: 'auto',
      [deal(K.text)]: 'Line 1\nLine 2',
      [deal(K.double)]: '0.0000001',
      [deal(K.int)]: '42',
      [deal(K.monetary)]: '1234.5',
      [`${deal(K.monetary)}__currency`]: 'USD',
      [deal(K.date)]: '2026-02-28',
      [`${deal(K.daterange)}__start`]: '2026-03-01',
      [`${deal(K.daterange)}__end`]: '2026-03-31',
      [deal(K.time)]: '09:30 Europe/Berlin',
      [`${deal(K.timerange)}__start`]: '09:00 Europe/Berlin',
      [`${deal(K.timerange)}__end`]: '17:00 Europe/Berlin',
      [deal(K.enum)]: option(K.enum, 'Gold'),
      [deal(K.set)]: `${option(K.set, 'Red')};${option(K.set, 'Blue')}`,
      [deal(K.user)]: annOwnerId,
      [deal(K.phone)]: '+372 5555 1234',
      [deal(K.address)]: 'Narva mnt 5, 10117 Tallinn, Estonia',
      [`${deal(K.address)}__street`]: 'Narva mnt 5',
      [`${deal(K.address)}__city`]: 'Tallinn',
      [`${deal(K.address)}__state`]: 'Harju maakond',
      [`${deal(K.address)}__zip`]: '10117',
      [`${deal(K.address)}__country`]: 'Estonia',
      pipedrive_deal__record_id: '3',
      pipedrive_deal__record_link: `${harness.pipedrive.apiBaseUrl}/deal/3`,
    });
    expect(body.hubspot.pending).toEqual([
      { property: 'pipeline', itemKey: '1' },
      { property: 'dealstage', itemKey: '1/closed_won' },
    ]);
    expect(body.hubspot.associations).toEqual(
      expect.arrayContaining([
        {
          field: 'person_id',
          hubspotObject: 'contacts',
          sourceObject: 'persons',
          sourceId: '5',
          label: 'unlabeled',
          hubspotId: null,
        },
        {
          field: 'org_id',
          hubspotObject: 'companies',
          sourceObject: 'organizations',
          sourceId: '10',
          label: 'primary',
          hubspotId: null,
        },
        {
          field: K.org,
          hubspotObject: 'companies',
          sourceObject: 'organizations',
          sourceId: '11',
          label: deal(K.org),
          hubspotId: '987654',
        },
        {
          field: K.people,
          hubspotObject: 'contacts',
          sourceObject: 'persons',
          sourceId: '6',
          label: deal(K.people),
          hubspotId: null,
        },
      ]),
    );
    expect(body.hubspot.associations).toHaveLength(4);
  });
});

describe('record preview of other records', () => {
  it('maps a person’s e-mails, phones and name, and says which e-mail it leaves out', async () => {
    const res = await preview('persons', '5');
    expect(res.status).toBe(200);
    const body = RecordPreview.parse(res.body);
    expect(body.hubspot.objectType).toBe('contacts');
    expect(body.hubspot.properties).toMatchObject({
      firstname: 'Jane Q',
      lastname: 'Roe',
      email: 'jane@acme.example',
      phone: '+49 30 1234',
      mobilephone: '+49 170 555',
      date_of_birth: '1990-02-28',
      jobtitle: 'CTO',
      pipedrive_person__record_id: '5',
      // The default: the other addresses go into the "Other e-mails" property, not through secondary e-mails.
      pipedrive_person__other_emails: 'other@example.com',
    });
    expect(body.hubspot.properties).not.toHaveProperty('hs_additional_emails');
    expect(body.hubspot.additionalEmails).toEqual([]);
    // Bob has no HubSpot owner and no default owner is set: the contact stays unassigned.
    expect(body.hubspot.properties).not.toHaveProperty('hubspot_owner_id');
    expect(Object.values(body.hubspot.properties)).toContain('home: +49 30 9999');
    expect(body.hubspot.warnings).toEqual(['“not an address” is not an e-mail address HubSpot takes; left out.']);
    expect(body.hubspot.associations).toEqual([
      {
        field: 'org_id',
        hubspotObject: 'companies',
        sourceObject: 'organizations',
        sourceId: '10',
        label: 'primary',
        hubspotId: null,
      },
    ]);
  });

  it('closes an open deal on the start of its expected day in the account’s zone (Berlin, the day clocks go forward)', async () => {
    const body = RecordPreview.parse((await preview('deals', '4')).body);
    expect(body.hubspot.properties.closedate).toBe('2026-03-28T23:00:00.000Z');
    expect(body.hubspot.pending).toEqual([
      { property: 'pipeline', itemKey: '1' },
      { property: 'dealstage', itemKey: '1/1' },
    ]);
  });

  it('makes a note’s HTML safe', async () => {
    const body = RecordPreview.parse((await preview('notes', '8')).body);
    expect(body.hubspot.objectType).toBe('notes');
    expect(body.hubspot.properties.hs_note_body).toBe('<p>Hi <a>x</a><b>ok</b></p>');
    expect(body.hubspot.properties.hs_timestamp).toBe('2026-03-01T12:00:00.000Z');
    expect(body.hubspot.properties.hubspot_owner_id).toBe(annOwnerId);
  });

  it('sends a call activity to HubSpot calls, with its time, duration, done flag and links', async () => {
    const body = RecordPreview.parse((await preview('activities', '20')).body);
    expect(body.hubspot.objectType).toBe('calls');
    expect(body.hubspot.properties).toMatchObject({
      hs_call_title: 'Call Jane',
      hs_call_body: '<b>hi</b>',
      hs_timestamp: '2026-03-11T12:30:00.000Z',
      hs_call_duration: '1800000',
      pipedrive_activity_type: 'call',
      pipedrive_activity_done: 'true',
      hubspot_owner_id: annOwnerId,
      pipedrive_activity__record_id: '20',
    });
    expect(body.hubspot.associations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'deal_id', hubspotObject: 'deals', sourceId: '3' }),
        expect.objectContaining({ field: 'person_id', hubspotObject: 'contacts', sourceId: '5' }),
      ]),
    );
  });

  it('answers 404 for a record the source does not have, and for an object the transfer does not take', async () => {
    const missing = await preview('deals', '999');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('record_not_found');
    const notAnId = await preview('deals', 'abc');
    expect(notAnId.status).toBe(404);
    const leads = await preview('leads', '1');
    expect(leads.status).toBe(404);
    expect(leads.body.error.code).toBe('object_not_transferred');
  });

  it('refuses a bad object key, and a portal that has not installed the app', async () => {
    const bad = await preview('Deals!', '3');
    expect(bad.status).toBe(400);
    const other = await harness.api(
      'GET',
      '/api/v1/connections/pipedrive/records/deals/3/preview',
      undefined,
      PORTAL_ID + 1,
    );
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('portal_not_installed');
  });
});
