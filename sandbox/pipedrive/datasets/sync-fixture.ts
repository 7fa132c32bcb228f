/**
 * The initial sync's proving account (issue 14), in the dataset format: a hand-written named part whose
 * HubSpot result tests write down by hand, plus a generated bulk (simple, deterministic rules a test can
 * recount) that brings it past 2,000 records. Pipedrive account in Europe/Berlin (its admin's zone).
 *
 * Named part (ids below 1000): organizations 1–4, persons 1–6, products 1–3, deals 1–8, activities 1–10,
 * notes 1–7 and one lead. It has every custom field type on organizations, persons, deals and products
 * (activities have two custom fields, without values: the dataset format has none for them), every association kind (person → organization, deal → person and organization,
 * activity and note → deal, person and organization, an activity with two participants, custom organization
 * and person fields), soft-deleted
 * rows of every object, archived open / won / lost deals, two persons sharing an e-mail (2 and 3, person 2
 * is older), a person without an e-mail owned by a deactivated user, a deal won at 23:30 UTC, every
 * activity type (call, meeting, task, deadline, email, lunch and the custom `demo`).
 *
 * Bulk part (ids from 1001): BULK organizations, persons, products, deals, activities and notes with the
 * rules of `bulkRecords` (every 10th person without an e-mail, every 25th deal archived, a few of each
 * object deleted, references cycling through the bulk records, some custom links to records of later
 * batches).
 */
import { createHash } from 'node:crypto';
import { BASELINE_ACTIVITY_TYPES } from '../dataset/baseline.js';
import type { DatasetInput } from '../dataset/format.js';
import { CUSTOM_FIELD_TYPES, type CustomFieldType } from '../fields/types.js';

type Entity = 'deal' | 'person' | 'organization' | 'product' | 'activity';
type Records<K extends keyof DatasetInput> = NonNullable<DatasetInput[K]>;

/** A custom field's 40-character key, as Pipedrive makes them (a hex hash), fixed so records can name it. */
export const fieldKey = (entity: Entity, type: string): string =>
  createHash('sha1').update(`sync-fixture/${entity}/${type}`).digest('hex');

/** The label of each custom field type's field (the same on every object). */
export const FIELD_LABELS: Record<CustomFieldType, string> = {
  varchar: 'Customer tier',
  varchar_auto: 'Lead source detail',
  text: 'Background notes',
  double: 'Health score',
  int: 'Legacy number',
  monetary: 'Budget',
  date: 'Renewal day',
  daterange: 'Contract period',
  time: 'Best time to call',
  timerange: 'Office hours',
  enum: 'Segment',
  set: 'Interests',
  user: 'Account manager',
  org: 'Partner organization',
  people: 'Referrer',
  phone: 'Emergency phone',
  address: 'Billing address',
  visible_to: 'Record visibility',
};
export const SEGMENTS = ['SMB', 'Mid-market', 'Enterprise'];
export const INTERESTS = ['Analytics', 'Integrations', 'Security'];

/**
 * Option ids are numbered across the account in the order the loader adds fields (deal, person,
 * organization, product; each entity's `set` field before its `enum` field, as CUSTOM_FIELD_TYPES lists
 * them), as Pipedrive numbers them account-wide: an entity's Interests are base + 1–3, its Segments base + 4–6.
 */
const OPTION_BASE: Record<Exclude<Entity, 'activity'>, number> = { deal: 0, person: 6, organization: 12, product: 18 };
export const interestId = (entity: Exclude<Entity, 'activity'>, label: string) =>
  OPTION_BASE[entity] + INTERESTS.indexOf(label) + 1;
export const segmentId = (entity: Exclude<Entity, 'activity'>, label: string) =>
  OPTION_BASE[entity] + SEGMENTS.indexOf(label) + 4;

const everyType = (entity: Entity) =>
  CUSTOM_FIELD_TYPES.map((type) => ({
    key: fieldKey(entity, type),
    name: FIELD_LABELS[type],
    field_type: type,
    ...(type === 'enum' ? { options: SEGMENTS } : {}),
    ...(type === 'set' ? { options: INTERESTS } : {}),
  }));

/** One value of every custom field type; `refs` names the organization, person and user the link fields point at. */
function everyValue(
  entity: Exclude<Entity, 'activity'>,
  refs: { org: number; person: number; user: number },
): Record<string, unknown> {
  const value: Record<CustomFieldType, unknown> = {
    varchar: 'Gold',
    varchar_auto: 'Trade fair',
    text: 'Line one\nLine two — “quoted” & <kept>',
    double: 87.25,
    int: 4711,
    monetary: { value: 1500.5, currency: 'GBP' },
    date: '2026-04-30',
    daterange: { value: '2026-01-01', until: '2026-12-31' },
    time: { value: '09:30:00', timezone_name: 'Europe/Berlin' },
    timerange: { value: '08:00:00', until: '16:30:00', timezone_name: 'Europe/Berlin' },
    enum: segmentId(entity, 'Enterprise'),
    set: [interestId(entity, 'Analytics'), interestId(entity, 'Security')],
    user: refs.user,
    org: refs.org,
    people: refs.person,
    phone: '+49 30 9876543',
    address: {
      value: 'Unter den Linden 77, 10117 Berlin, Germany',
      street_number: '77',
      route: 'Unter den Linden',
      locality: 'Berlin',
      admin_area_level_1: 'Berlin',
      country: 'Germany',
      postal_code: '10117',
      formatted_address: 'Unter den Linden 77, 10117 Berlin, Germany',
    },
    visible_to: 3,
  };
  return Object.fromEntries(CUSTOM_FIELD_TYPES.map((type) => [fieldKey(entity, type), value[type]]));
}

const BERLIN = { timezone_name: 'Europe/Berlin', timezone_offset: '+01:00' };

const organizations: Records<'organizations'> = [
  {
    id: 1,
    name: 'Berliner Bau AG',
    owner_id: 1,
    add_time: '2024-02-01T09:00:00Z',
    website: 'https://www.berliner-bau.example/de',
    industry: 2,
    label_ids: [1],
    annual_revenue: 2500000,
    employee_count: 120,
    address: {
      value: 'Friedrichstraße 10, 10117 Berlin, Germany',
      street_number: '10',
      route: 'Friedrichstraße',
      locality: 'Berlin',
      admin_area_level_1: 'Berlin',
      country: 'Germany',
      postal_code: '10117',
    },
    custom_fields: everyValue('organization', { org: 4, person: 6, user: 2 }),
  },
  { id: 2, name: 'Hamburg Hafen GmbH', owner_id: 2, add_time: '2024-03-01T09:00:00Z' },
  { id: 3, name: 'Gelöscht KG', owner_id: 1, is_deleted: true, update_time: '2026-11-20T10:00:00Z' },
  { id: 4, name: 'Partner Plus Ltd', owner_id: 1, add_time: '2024-04-01T09:00:00Z' },
];

const persons: Records<'persons'> = [
  {
    id: 1,
    name: 'Anna Schmidt',
    first_name: 'Anna',
    last_name: 'Schmidt',
    org_id: 1,
    owner_id: 1,
    add_time: '2024-05-01T09:00:00Z',
    emails: [
      { value: 'anna@berliner-bau.example', primary: true, label: 'work' },
      { value: 'anna.schmidt@mail.example', label: 'home' },
    ],
    phones: [
      { value: '+49 30 1111111', primary: true, label: 'work' },
      { value: '+49 170 2222222', label: 'mobile' },
    ],
    job_title: 'Head of Purchasing',
    label_ids: [1, 2],
    birthday: '1985-04-12',
    custom_fields: everyValue('person', { org: 4, person: 6, user: 2 }),
  },
  {
    id: 2,
    name: 'Bernd Braun',
    org_id: 2,
    owner_id: 2,
    add_time: '2024-01-10T09:00:00Z',
    emails: [{ value: 'bernd@hamburg-hafen.example', primary: true }],
  },
  // Shares person 2's e-mail and is younger: one HubSpot contact, person 2's.
  {
    id: 3,
    name: 'Bernd B.',
    org_id: 2,
    owner_id: 1,
    add_time: '2025-06-10T09:00:00Z',
    emails: [{ value: 'bernd@hamburg-hafen.example', primary: true }],
  },
  { id: 4, name: 'Carla Gelöscht', org_id: 1, is_deleted: true, update_time: '2026-11-20T10:00:00Z' },
  // No e-mail, owned by a deactivated user who has no HubSpot owner.
  { id: 5, name: 'Dieter Ohnemail', owner_id: 3, add_time: '2024-07-01T09:00:00Z' },
  {
    id: 6,
    name: 'Eva Partner',
    org_id: 4,
    owner_id: 1,
    add_time: '2024-08-01T09:00:00Z',
    emails: [{ value: 'eva@partner-plus.example', primary: true }],
  },
];

const products: Records<'products'> = [
  {
    id: 1,
    name: 'Consulting hour',
    code: 'CONS-H',
    unit: 'hour',
    tax: 19,
    description: 'On-site consulting, billed per hour.',
    billing_frequency: 'monthly',
    billing_frequency_cycles: 12,
    category: '2',
    prices: [{ price: 150, currency: 'EUR', cost: 60 }],
    owner_id: 2,
    custom_fields: everyValue('product', { org: 1, person: 1, user: 2 }),
  },
  { id: 2, name: 'Licence', code: 'LIC', prices: [{ price: 1000, currency: 'EUR' }] },
  { id: 3, name: 'Retired product', is_deleted: true, update_time: '2026-11-20T10:00:00Z' },
];

const deals: Records<'deals'> = [
  {
    id: 1,
    title: 'Open Berlin deal',
    stage_id: 2,
    person_id: 1,
    org_id: 1,
    value: 12000,
    currency: 'EUR',
    owner_id: 1,
    add_time: '2026-09-01T08:00:00Z',
    expected_close_date: '2026-12-15',
    probability: 65,
    label_ids: [4],
    channel: 2,
    custom_fields: everyValue('deal', { org: 4, person: 6, user: 2 }),
  },
  {
    id: 2,
    title: 'Won late in the evening',
    status: 'won',
    stage_id: 3,
    person_id: 2,
    org_id: 2,
    value: 5000,
    currency: 'USD',
    owner_id: 2,
    add_time: '2026-01-15T08:00:00Z',
    won_time: '2026-03-09T23:30:00Z',
    expected_close_date: '2026-03-31',
  },
  {
    id: 3,
    title: 'Lost on price',
    status: 'lost',
    stage_id: 1,
    person_id: 6,
    value: 800,
    owner_id: 1,
    add_time: '2026-05-01T08:00:00Z',
    lost_time: '2026-06-30T10:00:00Z',
    lost_reason: 'Too expensive',
  },
  {
    id: 4,
    title: 'Archived open renewal',
    stage_id: 4,
    person_id: 3,
    org_id: 2,
    value: 2400,
    owner_id: 2,
    add_time: '2026-02-01T08:00:00Z',
    expected_close_date: '2026-07-31',
    is_archived: true,
    archive_time: '2026-05-01T08:00:00Z',
  },
  {
    id: 5,
    title: 'Archived won renewal',
    status: 'won',
    stage_id: 5,
    org_id: 1,
    value: 3600,
    owner_id: 1,
    add_time: '2025-11-01T08:00:00Z',
    won_time: '2026-02-01T09:15:00Z',
    is_archived: true,
    archive_time: '2026-03-01T08:00:00Z',
  },
  {
    id: 6,
    title: 'Archived lost',
    status: 'lost',
    stage_id: 2,
    person_id: 1,
    value: 900,
    owner_id: 1,
    add_time: '2025-10-01T08:00:00Z',
    lost_time: '2026-01-20T16:00:00Z',
    is_archived: true,
    archive_time: '2026-02-01T08:00:00Z',
  },
  { id: 7, title: 'Deleted deal', stage_id: 1, is_deleted: true, update_time: '2026-11-20T10:00:00Z' },
  // Its person and organization are deleted: no associations, and no error.
  { id: 8, title: 'Deal with deleted ends', stage_id: 1, person_id: 4, org_id: 3, add_time: '2026-10-01T08:00:00Z' },
];

const activities: Records<'activities'> = [
  {
    id: 1,
    subject: 'Kick-off call',
    type: 'call',
    owner_id: 1,
    deal_id: 1,
    org_id: 1,
    participants: [{ person_id: 1 }],
    due_date: '2026-11-02',
    due_time: '09:30',
    duration: '00:45',
    done: true,
    note: '<p>Discussed the <b>scope</b></p>',
    add_time: '2026-10-30T08:00:00Z',
  },
  {
    id: 2,
    subject: 'Site visit',
    type: 'meeting',
    owner_id: 2,
    deal_id: 2,
    org_id: 2,
    participants: [{ person_id: 2 }, { person_id: 6 }],
    due_date: '2026-11-03',
    due_time: '13:00',
    duration: '01:30',
    public_description: 'Walk through the harbour site',
    add_time: '2026-10-30T08:00:00Z',
  },
  {
    id: 3,
    subject: 'Send the offer',
    type: 'task',
    owner_id: 1,
    deal_id: 1,
    due_date: '2026-11-10',
    priority: 1,
    add_time: '2026-10-30T08:00:00Z',
  },
  {
    id: 4,
    subject: 'Contract deadline',
    type: 'deadline',
    owner_id: 1,
    deal_id: 3,
    due_date: '2026-06-15',
    done: true,
    add_time: '2026-05-30T08:00:00Z',
  },
  {
    id: 5,
    subject: 'Offer sent by e-mail',
    type: 'email',
    owner_id: 1,
    deal_id: 3,
    participants: [{ person_id: 6 }],
    due_date: '2026-05-20',
    due_time: '15:00',
    add_time: '2026-05-20T08:00:00Z',
  },
  {
    id: 6,
    subject: 'Lunch with Bernd',
    type: 'lunch',
    owner_id: 2,
    org_id: 2,
    participants: [{ person_id: 2 }],
    due_date: '2026-11-05',
    due_time: '11:00',
    duration: '01:00',
    add_time: '2026-10-30T08:00:00Z',
  },
  {
    id: 7,
    subject: 'Product demo for Anna',
    type: 'demo',
    owner_id: 1,
    deal_id: 1,
    participants: [{ person_id: 1 }],
    due_date: '2026-11-12',
    due_time: '10:00',
    add_time: '2026-10-30T08:00:00Z',
  },
  { id: 8, subject: 'Deleted call', type: 'call', is_deleted: true, update_time: '2026-11-20T10:00:00Z' },
  {
    id: 9,
    subject: 'Renewal call',
    type: 'call',
    owner_id: 1,
    deal_id: 5,
    due_date: '2026-01-25',
    due_time: '08:00',
    add_time: '2026-01-20T08:00:00Z',
  },
  {
    id: 10,
    subject: 'Partner meeting',
    type: 'meeting',
    owner_id: 1,
    org_id: 4,
    due_date: '2026-11-20',
    due_time: '14:00',
    duration: '00:30',
    add_time: '2026-11-01T08:00:00Z',
  },
];

const LEAD_ID = '5f0c1e52-5a4d-4c3b-9e2f-000000000014';

const notes: Records<'notes'> = [
  {
    id: 1,
    content: '<p>Deal note with <b>bold</b> text</p>',
    deal_id: 1,
    user_id: 1,
    add_time: '2026-10-01T10:00:00Z',
  },
  { id: 2, content: '<p>Person note</p>', person_id: 1, user_id: 1, add_time: '2026-10-02T10:00:00Z' },
  { id: 3, content: '<p>Organization note</p>', org_id: 2, user_id: 2, add_time: '2026-10-03T10:00:00Z' },
  {
    id: 4,
    content: '<p>On deal, person and organization</p>',
    deal_id: 2,
    person_id: 2,
    org_id: 2,
    user_id: 2,
    add_time: '2026-10-04T10:00:00Z',
  },
  { id: 5, content: '<p>Deleted note</p>', deal_id: 1, is_deleted: true, update_time: '2026-11-20T10:00:00Z' },
  { id: 6, content: '<p>Note on an archived deal</p>', deal_id: 6, user_id: 1, add_time: '2026-01-21T10:00:00Z' },
  { id: 7, content: '<p>Lead note</p>', lead_id: LEAD_ID, user_id: 1, add_time: '2026-10-05T10:00:00Z' },
];

/** How many records of each object the bulk part adds (ids from 1001). */
export const BULK = { organizations: 300, persons: 700, products: 40, deals: 400, activities: 500, notes: 300 };
const BULK_TYPES = ['call', 'meeting', 'task', 'deadline', 'email', 'lunch', 'demo'];

/** The bulk part: each object's records by simple rules over their index. */
function bulkRecords() {
  const ids = (count: number) => Array.from({ length: count }, (_, index) => 1001 + index);
  const day = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  const org = (i: number) => 1001 + (i % BULK.organizations);
  const person = (i: number) => 1001 + ((i * 7) % BULK.persons);
  const deal = (i: number) => 1001 + ((i * 3) % BULK.deals);
  const deleted = (i: number, every: number) =>
    i % every === 0 ? { is_deleted: true, update_time: '2026-11-20T10:00:00Z' } : {};
  return {
    organizations: ids(BULK.organizations).map((i) => ({
      id: i,
      name: `Bulk Organization ${i}`,
      owner_id: 1 + (i % 2),
      // Every 7th links to an organization and a person in later batches (written by the deferred pass).
      ...(i % 7 === 0
        ? {
            custom_fields: {
              [fieldKey('organization', 'org')]: org(i + 150),
              [fieldKey('organization', 'people')]: person(i + 350),
            },
          }
        : {}),
      ...deleted(i, 30),
    })),
    persons: ids(BULK.persons).map((i) => ({
      id: i,
      name: `Bulk Person ${i}`,
      owner_id: 1 + (i % 2),
      org_id: i % 5 === 0 ? null : org(i),
      emails: i % 10 === 0 ? [] : [{ value: `bulk.person.${i}@fixture.example`, primary: true }],
      ...(i % 9 === 0 ? { custom_fields: { [fieldKey('person', 'people')]: person(i + 300) } } : {}),
      ...deleted(i, 40),
    })),
    products: ids(BULK.products).map((i) => ({
      id: i,
      name: `Bulk Product ${i}`,
      code: `BULK-${i}`,
      prices: [{ price: i, currency: 'EUR' }],
      ...deleted(i, 20),
    })),
    deals: ids(BULK.deals).map((i) => {
      const status = (['open', 'won', 'lost'] as const)[i % 3] ?? 'open';
      return {
        id: i,
        title: `Bulk Deal ${i}`,
        status,
        stage_id: 1 + (i % 5),
        owner_id: 1 + (i % 2),
        person_id: i % 4 === 0 ? null : person(i),
        org_id: i % 3 === 0 ? null : org(i),
        value: i * 10,
        currency: i % 2 === 0 ? 'EUR' : 'USD',
        add_time: `${day(i % 300)}T08:00:00Z`,
        ...(status === 'won' ? { won_time: `${day((i % 300) + 30)}T17:45:00Z` } : {}),
        ...(status === 'lost' ? { lost_time: `${day((i % 300) + 30)}T06:15:00Z` } : {}),
        ...(status === 'open' ? { expected_close_date: day((i % 300) + 60) } : {}),
        ...(i % 25 === 0 ? { is_archived: true, archive_time: '2026-08-01T08:00:00Z' } : deleted(i, 33)),
      };
    }),
    activities: ids(BULK.activities).map((i) => ({
      id: i,
      subject: `Bulk activity ${i}`,
      type: BULK_TYPES[i % BULK_TYPES.length],
      owner_id: 1 + (i % 2),
      deal_id: i % 2 === 0 ? deal(i) : null,
      org_id: i % 3 === 0 ? org(i) : null,
      participants:
        i % 4 === 0 ? [] : [{ person_id: person(i) }, ...(i % 6 === 1 ? [{ person_id: person(i + 11) }] : [])],
      due_date: day(i % 365),
      due_time: i % 2 === 0 ? '10:00' : null,
      add_time: `${day(i % 365)}T07:00:00Z`,
      ...deleted(i, 50),
    })),
    notes: ids(BULK.notes).map((i) => ({
      id: i,
      content: `<p>Bulk note ${i}</p>`,
      user_id: 1 + (i % 2),
      deal_id: i % 3 === 0 ? deal(i) : null,
      person_id: i % 3 === 1 ? person(i) : null,
      org_id: i % 3 === 2 ? org(i) : null,
      add_time: `${day(i % 365)}T12:00:00Z`,
      ...deleted(i, 45),
    })),
  };
}

/** The account as a dataset JSON value (for `dataset: { json: syncFixture() }`). */
export function syncFixture(): DatasetInput {
  const bulk = bulkRecords();
  return {
    format: 'pipedrive-sandbox-dataset/1',
    now: '2026-11-30T12:00:00Z',
    company: { id: 7014014, name: 'Fixture Vierzehn GmbH', domain: 'fixture14', country: 'DE' },
    users: [
      { id: 1, name: 'Greta Admin', email: 'greta@fixture14.example', is_admin: true, ...BERLIN },
      { id: 2, name: 'Hans Verkauf', email: 'hans@fixture14.example', ...BERLIN },
      { id: 3, name: 'Ida Ehemalig', email: 'ida@fixture14.example', active_flag: false, ...BERLIN },
    ],
    activityTypes: [
      ...BASELINE_ACTIVITY_TYPES,
      { id: 7, key_string: 'demo', name: 'Product demo', icon_key: 'presentation', is_custom_flag: true },
    ],
    fields: {
      deal: everyType('deal'),
      person: everyType('person'),
      organization: everyType('organization'),
      product: everyType('product'),
      activity: [
        { key: fieldKey('activity', 'varchar'), name: 'Call script', field_type: 'varchar' },
        { key: fieldKey('activity', 'enum'), name: 'Activity segment', field_type: 'enum', options: SEGMENTS },
      ],
    },
    pipelines: [
      {
        id: 1,
        name: 'Sales',
        is_deal_probability_enabled: true,
        stages: [
          { id: 1, name: 'Lead in', deal_probability: 10 },
          { id: 2, name: 'Proposal', deal_probability: 50 },
          { id: 3, name: 'Negotiation', deal_probability: 80 },
        ],
      },
      {
        id: 2,
        name: 'Renewals',
        is_deal_probability_enabled: true,
        stages: [
          { id: 4, name: 'Due', deal_probability: 30 },
          { id: 5, name: 'Signed', deal_probability: 90 },
        ],
      },
    ],
    organizations: [...organizations, ...bulk.organizations],
    persons: [...persons, ...bulk.persons],
    products: [...products, ...bulk.products],
    deals: [...deals, ...bulk.deals],
    activities: [...activities, ...bulk.activities],
    notes: [...notes, ...bulk.notes],
    leadLabels: [{ id: '5f0c1e52-5a4d-4c3b-9e2f-0000000000aa', name: 'Hot', color: 'red' }],
    leads: [{ id: LEAD_ID, title: 'Lead that stays behind', person_id: 1, organization_id: 1, owner_id: 1 }],
  };
}
