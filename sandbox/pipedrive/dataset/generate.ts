/**
 * The seeded dataset generator: a realistic account at any scale (100 to 1,000,000+ records), the
 * same for the same seed and anchor time. Account settings go through the dataset loader; the bulk
 * records are written straight into the tables (no JSON in between, so a million records fit).
 *
 * What makes it realistic: persons with several (sometimes shared, sometimes missing) emails and
 * phones, deals across three pipelines in every status with won/lost/close times and five
 * currencies, every custom field type on every object, products with prices and deal products,
 * participants, organization relationships, every activity type (lunch, deadline and a custom one),
 * notes in HTML, files, inactive and deleted users, filters, unicode and very long values, and
 * deleted records (some already past the 30-day purge).
 */
import { hashSeed, Rng } from '../../common/random.js';
import {
  DEAL_CHANNELS,
  DEAL_LABELS,
  INDUSTRIES,
  ORGANIZATION_LABELS,
  PERSON_LABELS,
  PRODUCT_CATEGORIES,
} from '../fields/builtin.js';
import { CUSTOM_FIELD_TYPES, type CustomFieldType, type FieldDefinition, type FieldEntity } from '../fields/types.js';
import { TIMEZONES } from '../fields/values.js';
import { formatV2Time } from '../http/time.js';
import type { Address, Contact, CustomValue, CustomValues, DealStatus } from '../store/types.js';
import { BASELINE_ACTIVITY_TYPES, BASELINE_CURRENCIES, stagesFrom } from './baseline.js';
import { Dataset, type DatasetInput } from './format.js';
import { loadAccount, type LoadTarget } from './load.js';
import {
  ACTIVITY_SUBJECTS,
  CITIES,
  COMPANY_SUFFIXES,
  COMPANY_WORDS,
  DEAL_WORDS,
  EMAIL_DOMAINS,
  FILE_TYPES,
  FIRST_NAMES,
  JOB_TITLES,
  LAST_NAMES,
  LOST_REASONS,
  NOTE_SNIPPETS,
  PRODUCT_NAMES,
  STREETS,
} from './vocabulary.js';

export interface GenerateOptions {
  /** Records across all objects (persons, organizations, deals, activities, notes, …). */
  records: number;
  seed: number;
  /** Anchor for all times (epoch ms); default: the sandbox clock. */
  now?: number;
}

export type PlannedCounts = Record<
  | 'organizations'
  | 'persons'
  | 'products'
  | 'deals'
  | 'dealProducts'
  | 'participants'
  | 'organizationRelationships'
  | 'activities'
  | 'notes'
  | 'files',
  number
>;
/** Leads come on top of the planned records (1 %), so adding them changed no other count. */
export type GeneratedCounts = PlannedCounts & { leads: number };

const DAY = 24 * 60 * 60 * 1000;
const YEAR = 365 * DAY;

/** Share of the records per object; products have a floor so deal products have something to point at. */
const MIX: readonly [keyof PlannedCounts, number][] = [
  ['organizations', 0.08],
  ['persons', 0.25],
  ['products', 0.01],
  ['deals', 0.15],
  ['dealProducts', 0.06],
  ['participants', 0.02],
  ['organizationRelationships', 0.02],
  ['activities', 0.25],
  ['notes', 0.12],
  ['files', 0.04],
];

const CURRENCY_MIX: readonly (readonly [string, number])[] = [
  ['EUR', 50],
  ['USD', 30],
  ['GBP', 10],
  ['SEK', 5],
  ['JPY', 5],
];
const ACTIVITY_MIX: readonly (readonly [string, number])[] = [
  ['call', 30],
  ['meeting', 15],
  ['task', 20],
  ['deadline', 8],
  ['email', 15],
  ['lunch', 5],
  ['demo', 6],
  ['fax', 1],
];

export function plannedCounts(records: number): PlannedCounts {
  const counts = Object.fromEntries(MIX.map(([name, share]) => [name, Math.floor(records * share)])) as PlannedCounts;
  counts.products = Math.max(counts.products, Math.min(5, records));
  // Rounding leftovers go to persons, so the total is exactly what was asked for.
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  counts.persons = Math.max(0, counts.persons + records - total);
  return counts;
}

export function generateDataset(target: LoadTarget, options: GenerateOptions): GeneratedCounts {
  const rng = new Rng(options.seed);
  const now = options.now ?? target.clock.now().getTime();
  const { store, records } = target;
  store.clear();
  store.company = {
    id: 7_000_000 + (options.seed % 999_999),
    name: `${rng.pick(COMPANY_WORDS)} Sandbox ${COMPANY_SUFFIXES[0]}`,
    domain: `sandbox-${options.seed}`,
    country: 'EE',
    industry: 'Software',
  };
  loadAccount(target, Dataset.parse(accountConfig(rng)), now);

  const counts: GeneratedCounts = { ...plannedCounts(options.records), leads: Math.floor(options.records / 100) };
  const users = store.users.filter((user) => !user.is_deleted);
  const activeUsers = users.filter((user) => user.active_flag);
  // Mostly active owners, sometimes one who has left the company since.
  const ownerId = (): number => (rng.chance(0.93) ? rng.pick(activeUsers) : rng.pick(users)).id;
  const customFields = (entity: FieldEntity): FieldDefinition[] => store.fields.custom(entity);
  const stages = [...records.stage.liveRecords()];
  const custom = (entity: FieldEntity, refs: { persons: number; organizations: number }): CustomValues => {
    const values: CustomValues = {};
    for (const field of customFields(entity)) {
      if (!rng.chance(0.55)) continue;
      const value = customValue(rng, field, { now, userIds: activeUsers.map((user) => user.id), ...refs });
      if (value !== null) values[String(field.id)] = value;
    }
    return values;
  };
  /** add/update times in the last three years; a few records deleted in the last 60 days (half of them purged). */
  const lifecycle = (): { add_time: number; update_time: number; is_deleted: boolean } => {
    const add = now - rng.int(1, 3 * YEAR);
    const deleted = rng.chance(0.03);
    const update = deleted ? Math.max(add, now - rng.int(1, 60 * DAY)) : add + Math.floor(rng.next() * (now - add));
    return { add_time: add, update_time: update, is_deleted: deleted };
  };
  const pickId = (count: number): number | null => (count === 0 ? null : rng.int(1, count));

  for (let id = 1; id <= counts.organizations; id += 1) {
    records.organization.load({
      id,
      ...lifecycle(),
      name: `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_SUFFIXES)}`,
      owner_id: ownerId(),
      visible_to: rng.chance(0.9) ? 3 : 1,
      address: rng.chance(0.8) ? address(rng) : null,
      label_ids: rng.chance(0.4) ? [rng.int(1, ORGANIZATION_LABELS.length)] : [],
      website: rng.chance(0.7) ? `https://www.org${id}.example` : null,
      linkedin: rng.chance(0.3) ? `https://www.linkedin.com/company/org-${id}` : null,
      industry: rng.chance(0.6) ? rng.int(1, INDUSTRIES.length) : null,
      annual_revenue: rng.chance(0.4) ? rng.int(1, 500) * 100_000 : null,
      employee_count: rng.chance(0.5) ? rng.int(1, 5000) : null,
      custom: custom('organization', { persons: counts.persons, organizations: counts.organizations }),
    });
  }

  const recentEmails: string[] = [];
  for (let id = 1; id <= counts.persons; id += 1) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const longName = rng.chance(0.0005);
    const name = longName ? `${first} ${'Maximilian-'.repeat(24)}${last}` : `${first} ${last}`;
    const emails = contacts(
      rng.weighted([
        [0, 10],
        [1, 60],
        [2, 22],
        [3, 8],
      ]),
      ['work', 'home', 'other'],
      (index) => {
        // About 2% share an address with someone else (duplicates to merge).
        const shared = index === 0 && recentEmails.length > 0 && rng.chance(0.02);
        return shared
          ? rng.pick(recentEmails)
          : `${asciiName(first)}.${asciiName(last)}${id}${index > 0 ? `+${index}` : ''}@${rng.pick(EMAIL_DOMAINS)}`;
      },
    );
    if (emails[0]) {
      recentEmails.push(emails[0].value);
      if (recentEmails.length > 50) recentEmails.shift();
    }
    records.person.load({
      id,
      ...lifecycle(),
      name,
      first_name: first,
      last_name: longName ? name.slice(first.length + 1) : last,
      owner_id: ownerId(),
      org_id: counts.organizations > 0 && rng.chance(0.8) ? pickId(counts.organizations) : null,
      emails,
      phones: contacts(
        rng.weighted([
          [0, 25],
          [1, 55],
          [2, 15],
          [3, 5],
        ]),
        ['work', 'mobile', 'home'],
        () => `+372 5${rng.int(100, 999)} ${rng.int(1000, 9999)}`,
      ),
      im: [],
      visible_to: rng.chance(0.9) ? 3 : 1,
      label_ids: rng.chance(0.35) ? [rng.int(1, PERSON_LABELS.length)] : [],
      picture_id: null,
      postal_address: rng.chance(0.3) ? address(rng) : null,
      notes: rng.chance(0.1) ? 'Prefers e-mail; met at the 2024 fair.' : null,
      birthday: rng.chance(0.15) ? `19${rng.int(50, 99)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}` : null,
      job_title: rng.chance(0.5) ? rng.pick(JOB_TITLES) : null,
      custom: custom('person', { persons: counts.persons, organizations: counts.organizations }),
    });
  }

  for (let id = 1; id <= counts.products; id += 1) {
    const base = rng.int(10, 5000);
    records.product.load({
      id,
      ...lifecycle(),
      name: `${rng.pick(PRODUCT_NAMES)} ${String.fromCharCode(65 + (id % 26))}${id}`,
      code: `SKU-${String(id).padStart(5, '0')}`,
      unit: rng.pick(['pcs', 'hour', 'seat', 'kg', null]),
      tax: rng.pick([0, 9, 20, 22]),
      is_linkable: true,
      visible_to: 3,
      owner_id: ownerId(),
      description: rng.chance(0.5) ? 'Includes setup and the first year of updates.' : null,
      category: rng.chance(0.7) ? String(rng.int(1, PRODUCT_CATEGORIES.length)) : null,
      billing_frequency: rng.pick(['one-time', 'monthly', 'annually', 'quarterly'] as const),
      billing_frequency_cycles: null,
      prices: ['EUR', 'USD', 'GBP']
        .filter((_, index) => index === 0 || rng.chance(0.5))
        .map((currency) => ({ price: base, currency, cost: Math.floor(base * 0.4), direct_cost: null, notes: '' })),
      custom: custom('product', { persons: counts.persons, organizations: counts.organizations }),
    });
  }

  for (let id = 1; id <= counts.deals; id += 1) {
    const times = lifecycle();
    const stage = rng.pick(stages);
    const status = rng.weighted<DealStatus>([
      ['open', 60],
      ['won', 25],
      ['lost', 15],
    ]);
    const closed =
      status === 'open'
        ? null
        : formatV2Time(times.add_time + Math.floor(rng.next() * (times.update_time - times.add_time)));
    const archived = !times.is_deleted && status !== 'open' && rng.chance(0.04);
    records.deal.load({
      id,
      ...times,
      title: `${rng.pick(DEAL_WORDS)} – ${rng.pick(COMPANY_WORDS)}${rng.chance(0.001) ? ` ${'very long title '.repeat(15)}` : ''}`,
      creator_user_id: ownerId(),
      owner_id: ownerId(),
      person_id: counts.persons > 0 && rng.chance(0.85) ? pickId(counts.persons) : null,
      org_id: counts.organizations > 0 && rng.chance(0.75) ? pickId(counts.organizations) : null,
      pipeline_id: stage.pipeline_id,
      stage_id: stage.id,
      value: rng.int(0, 200) * 250,
      currency: rng.weighted(CURRENCY_MIX),
      stage_change_time: rng.chance(0.6)
        ? formatV2Time(times.add_time + Math.floor(rng.next() * (times.update_time - times.add_time)))
        : null,
      is_archived: archived,
      archive_time: archived ? formatV2Time(times.update_time) : null,
      status,
      probability: rng.chance(0.2) ? rng.int(0, 100) : null,
      lost_reason: status === 'lost' ? rng.pick(LOST_REASONS) : null,
      visible_to: rng.chance(0.9) ? 3 : 1,
      close_time: closed,
      won_time: status === 'won' ? closed : null,
      lost_time: status === 'lost' ? closed : null,
      first_won_time: status === 'won' ? closed : null,
      expected_close_date: rng.chance(0.7)
        ? new Date(times.add_time + rng.int(7, 180) * DAY).toISOString().slice(0, 10)
        : null,
      label_ids: rng.chance(0.3) ? [rng.int(1, DEAL_LABELS.length)] : [],
      origin: rng.pick(['ManuallyCreated', 'Import', 'API', 'WebForms']),
      origin_id: null,
      channel: rng.chance(0.4) ? rng.int(1, DEAL_CHANNELS.length) : null,
      channel_id: null,
      source_lead_id: null,
      arr: null,
      mrr: null,
      acv: null,
      custom: custom('deal', { persons: counts.persons, organizations: counts.organizations }),
    });
  }

  const orderInDeal = new Map<number, number>();
  for (let id = 1; id <= counts.dealProducts && counts.deals > 0 && counts.products > 0; id += 1) {
    const dealId = rng.int(1, counts.deals);
    const productId = rng.int(1, counts.products);
    const product = records.product.table.at(productId - 1);
    const order = (orderInDeal.get(dealId) ?? 0) + 1;
    orderInDeal.set(dealId, order);
    records.dealProduct.load({
      id,
      ...lifecycle(),
      deal_id: dealId,
      product_id: productId,
      product_variation_id: null,
      name: product.name,
      order_nr: order,
      comments: rng.chance(0.2) ? 'Volume discount agreed' : null,
      currency: records.deal.table.at(dealId - 1).currency,
      discount: rng.chance(0.3) ? rng.int(5, 25) : 0,
      discount_type: 'percentage',
      quantity: rng.int(1, 20),
      item_price: product.prices[0]?.price ?? 100,
      tax: product.tax,
      tax_method: rng.pick(['inclusive', 'exclusive', 'none'] as const),
      is_enabled: true,
      billing_frequency: product.billing_frequency,
      billing_frequency_cycles: null,
      billing_start_date: null,
    });
  }

  for (let id = 1; id <= counts.participants && counts.deals > 0 && counts.persons > 0; id += 1) {
    records.participant.load({
      id,
      ...lifecycle(),
      deal_id: rng.int(1, counts.deals),
      person_id: rng.int(1, counts.persons),
      added_by_user_id: ownerId(),
    });
  }

  for (let id = 1; id <= counts.organizationRelationships && counts.organizations > 1; id += 1) {
    const owner = rng.int(1, counts.organizations);
    const linked = (owner % counts.organizations) + 1;
    records.organizationRelationship.load({
      id,
      ...lifecycle(),
      type: rng.chance(0.6) ? 'parent' : 'related',
      rel_owner_org_id: owner,
      rel_linked_org_id: linked,
    });
  }

  // Leads use their own dice, so the records above and below are the same as before leads existed.
  const leadRng = new Rng(hashSeed('leads', options.seed));
  const leadIds = generateLeads(target, leadRng, counts, { now, ownerId: () => leadRng.pick(activeUsers).id });
  /** Some activities, notes and files without a deal point at a lead instead. */
  const leadOf = (dealId: number | null): string | null =>
    dealId === null && leadIds.length > 0 && leadRng.chance(0.15) ? leadRng.pick(leadIds) : null;

  for (let id = 1; id <= counts.activities; id += 1) {
    const times = lifecycle();
    const type = rng.weighted(ACTIVITY_MIX);
    const done = rng.chance(0.6);
    const personId = counts.persons > 0 && rng.chance(0.7) ? pickId(counts.persons) : null;
    const owner = ownerId();
    // Drawn in the order they always were, so a seed gives the same records as before leads existed.
    const subject = rng.pick(ACTIVITY_SUBJECTS[type] ?? ['Activity']);
    const activityDeal = counts.deals > 0 && rng.chance(0.6) ? pickId(counts.deals) : null;
    records.activity.load({
      id,
      ...times,
      subject,
      type,
      owner_id: owner,
      creator_user_id: owner,
      deal_id: activityDeal,
      lead_id: leadOf(activityDeal),
      person_id: personId,
      org_id: counts.organizations > 0 && rng.chance(0.5) ? pickId(counts.organizations) : null,
      project_id: null,
      due_date: new Date(times.add_time + rng.int(-30, 120) * DAY).toISOString().slice(0, 10),
      due_time: rng.chance(0.7)
        ? `${String(rng.int(8, 17)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}:00`
        : null,
      duration: rng.chance(0.6) ? rng.pick(['00:15:00', '00:30:00', '01:00:00', '01:30:00']) : null,
      busy: type === 'meeting' || type === 'lunch',
      done,
      marked_as_done_time: done ? formatV2Time(times.update_time) : null,
      location: type === 'meeting' || type === 'lunch' ? address(rng) : null,
      participants: personId === null ? [] : [{ person_id: personId, primary: true }],
      attendees: [],
      conference_meeting_client: null,
      conference_meeting_url: null,
      conference_meeting_id: null,
      public_description: null,
      priority: null,
      note: rng.chance(0.3) ? rng.pick(NOTE_SNIPPETS) : null,
    });
  }

  for (let id = 1; id <= counts.notes; id += 1) {
    const target = rng.weighted([
      ['deal', 5],
      ['person', 3],
      ['org', 2],
    ] as const);
    const dealId = target === 'deal' && counts.deals > 0 ? pickId(counts.deals) : null;
    const personId = target === 'person' && counts.persons > 0 ? pickId(counts.persons) : null;
    const orgId =
      (target === 'org' || (dealId === null && personId === null)) && counts.organizations > 0
        ? pickId(counts.organizations)
        : null;
    const noteLead = leadOf(dealId);
    records.note.load({
      id,
      ...lifecycle(),
      content: rng.chance(0.0005) ? `<p>${'Lorem ipsum dolor sit amet. '.repeat(2000)}</p>` : rng.pick(NOTE_SNIPPETS),
      user_id: ownerId(),
      last_update_user_id: null,
      deal_id: dealId,
      person_id: personId,
      org_id: orgId,
      lead_id: noteLead,
      project_id: null,
      pinned_to_deal_flag: dealId !== null && rng.chance(0.05),
      pinned_to_person_flag: personId !== null && rng.chance(0.05),
      pinned_to_organization_flag: orgId !== null && rng.chance(0.05),
      pinned_to_lead_flag: noteLead !== null && leadRng.chance(0.05),
      pinned_to_project_flag: false,
    });
  }

  for (let id = 1; id <= counts.files; id += 1) {
    const [extension, mime] = rng.pick(FILE_TYPES);
    const name = `${rng.pick(['Proposal', 'Contract', 'Invoice', 'Screenshot', 'Tilbud', '見積書'])} ${id}.${extension}`;
    const times = lifecycle();
    const user = ownerId();
    const fileDeal = counts.deals > 0 && rng.chance(0.6) ? pickId(counts.deals) : null;
    records.file.load({
      id,
      ...times,
      user_id: user,
      deal_id: fileDeal,
      person_id: counts.persons > 0 && rng.chance(0.3) ? pickId(counts.persons) : null,
      org_id: counts.organizations > 0 && rng.chance(0.3) ? pickId(counts.organizations) : null,
      product_id: null,
      activity_id: counts.activities > 0 && rng.chance(0.1) ? pickId(counts.activities) : null,
      lead_id: leadOf(fileDeal),
      file_name: name,
      file_type: mime,
      file_size: rng.int(200, 200_000),
      inline_flag: false,
      remote_location: 's3',
      remote_id: `sandbox/${store.company.id}/${id}`,
      s3_bucket: 'pipedrive-files',
      name,
      description: null,
    });
  }
  return counts;
}

const LEAD_LABELS = [
  { id: 'f08b42a0-4e75-11ea-9643-03698ef1cfd6', name: 'Hot', color: 'red' },
  { id: 'f08b42a1-4e75-11ea-9643-03698ef1cfd6', name: 'Warm', color: 'orange' },
  { id: 'f08b42a2-4e75-11ea-9643-03698ef1cfd6', name: 'Cold', color: 'blue' },
] as const;

/** A version-4-shaped UUID from the dice. */
function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 8 }, () => rng.int(0, 0xffff).toString(16).padStart(4, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Lead labels and leads (a fifth archived), linked to persons and organizations; returns the lead ids. */
function generateLeads(
  target: LoadTarget,
  rng: Rng,
  counts: GeneratedCounts,
  context: { now: number; ownerId: () => number },
): string[] {
  const { store } = target;
  store.leadLabels = LEAD_LABELS.map((label) => ({
    ...label,
    add_time: context.now - YEAR,
    update_time: context.now - YEAR,
  }));
  const leads = Array.from({ length: counts.leads }, () => {
    const add = context.now - rng.int(1, 2 * YEAR);
    const owner = context.ownerId();
    return {
      id: uuidFrom(rng),
      title: `${rng.pick(COMPANY_WORDS)} lead`,
      owner_id: owner,
      creator_id: owner,
      label_ids: rng.chance(0.5) ? [rng.pick(LEAD_LABELS).id] : [],
      person_id: counts.persons > 0 && rng.chance(0.7) ? rng.int(1, counts.persons) : null,
      organization_id: counts.organizations > 0 && rng.chance(0.5) ? rng.int(1, counts.organizations) : null,
      origin: rng.chance(0.8) ? 'ManuallyCreated' : 'API',
      channel: null,
      source_deal_id: null,
      is_archived: rng.chance(0.2),
      was_seen: rng.chance(0.6),
      value: rng.chance(0.7) ? { amount: rng.int(1, 200) * 100, currency: rng.weighted(CURRENCY_MIX) } : null,
      expected_close_date: rng.chance(0.4) ? new Date(add + rng.int(10, 120) * DAY).toISOString().slice(0, 10) : null,
      visible_to: rng.chance(0.9) ? 3 : 1,
      add_time: add,
      update_time: add + Math.floor(rng.next() * (context.now - add)),
    };
  });
  store.leads = leads.sort((a, b) => a.add_time - b.add_time);
  return leads.map((lead) => lead.id);
}

function asciiName(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
  return ascii.length > 0 ? ascii : 'contact';
}

function contacts(count: number, labels: readonly string[], value: (index: number) => string): Contact[] {
  return Array.from({ length: count }, (_, index) => ({
    value: value(index),
    primary: index === 0,
    label: labels[index % labels.length] ?? 'other',
  }));
}

function address(rng: Rng): Address {
  const [city, country, region, postal] = rng.pick(CITIES);
  const street = rng.pick(STREETS);
  const number = String(rng.int(1, 200));
  const value = `${street} ${number}, ${postal} ${city}, ${country}`;
  return {
    value,
    street_number: number,
    route: street,
    sublocality: null,
    locality: city,
    admin_area_level_1: region,
    admin_area_level_2: null,
    country,
    postal_code: postal,
    formatted_address: value,
    subpremise: null,
  };
}

interface ValueContext {
  now: number;
  userIds: number[];
  persons: number;
  organizations: number;
}

/** A plausible value for any custom field type, in the stored (v2) shape. */
function customValue(rng: Rng, field: FieldDefinition, context: ValueContext): CustomValue | null {
  const date = (offsetDays: number): string => new Date(context.now + offsetDays * DAY).toISOString().slice(0, 10);
  const zone = rng.pick([...TIMEZONES.entries()]);
  const options = field.options ?? [];
  switch (field.field_type) {
    case 'varchar':
      return rng.chance(0.002)
        ? 'x'.repeat(255)
        : rng.pick(['Gold', 'Silver', 'Bronze', 'Ärge unustage', '重要客户', 'N/A']);
    case 'varchar_auto':
      return rng.pick(['Referral', 'Conference', 'Website', 'Cold call']);
    case 'text':
      // Very long values exist: one text value in a few thousand is the 65,535-character maximum.
      return rng.chance(0.0002) ? 'Long text. '.repeat(5957) : 'Line one\nLine two — with “quotes” & <tags>';
    case 'double':
      return Math.round(rng.next() * 100_000) / 100;
    case 'int':
      return rng.int(-1000, 100_000);
    case 'monetary':
      return { value: rng.int(1, 10_000) * 10, currency: rng.weighted(CURRENCY_MIX) };
    case 'date':
      return date(rng.int(-700, 200));
    case 'daterange': {
      const start = rng.int(-300, 100);
      return { value: date(start), until: date(start + rng.int(1, 90)) };
    }
    case 'time':
      return {
        value: `${String(rng.int(7, 19)).padStart(2, '0')}:30:00`,
        timezone_id: zone[1],
        timezone_name: zone[0],
      };
    case 'timerange': {
      const hour = rng.int(7, 17);
      return {
        value: `${String(hour).padStart(2, '0')}:00:00`,
        until: `${String(hour + 1).padStart(2, '0')}:30:00`,
        timezone_id: zone[1],
        timezone_name: zone[0],
      };
    }
    case 'enum':
      return options.length > 0 ? rng.pick(options).id : null;
    case 'set':
      return options.length > 0 ? [...new Set([rng.pick(options).id, rng.pick(options).id])] : null;
    case 'user':
      return rng.pick(context.userIds);
    case 'org':
      return context.organizations > 0 ? rng.int(1, context.organizations) : null;
    case 'people':
      return context.persons > 0 ? rng.int(1, context.persons) : null;
    case 'phone':
      return `+1 (555) ${rng.int(100, 999)}-${rng.int(1000, 9999)}`;
    case 'address': {
      const value = address(rng);
      return { ...value, subpremise: null };
    }
    case 'visible_to':
      return rng.pick([1, 3, 5, 7]);
    default:
      return null;
  }
}

const FIELD_LABELS: Record<CustomFieldType, string> = {
  varchar: 'Customer tier',
  varchar_auto: 'Lead source',
  text: 'Background',
  double: 'Score',
  int: 'Legacy ID',
  monetary: 'Budget',
  date: 'Renewal date',
  daterange: 'Contract period',
  time: 'Best time to call',
  timerange: 'Office hours',
  set: 'Interests',
  enum: 'Segment',
  user: 'Account manager',
  org: 'Partner organization',
  people: 'Referrer',
  phone: 'Emergency phone',
  address: 'Billing address',
  visible_to: 'Record visibility',
};

/** The account around the records: people, money, activity types, every custom field type, pipelines, filters. */
function accountConfig(rng: Rng): DatasetInput {
  const entities = ['deal', 'person', 'organization', 'product', 'activity'] as const;
  const fieldsFor = (entity: (typeof entities)[number]): NonNullable<DatasetInput['fields']>['deal'] =>
    CUSTOM_FIELD_TYPES.map((type) => ({
      name: `${FIELD_LABELS[type]}${entity === 'deal' && type === 'varchar' ? ' 🏷️' : ''}`,
      field_type: type,
      ...(type === 'enum' ? { options: ['SMB', 'Mid-market', 'Enterprise', 'Öffentlicher Sektor'] } : {}),
      ...(type === 'set'
        ? { options: ['Analytics', 'Integrations', 'Security', 'Mobile', 'A very long option label '.repeat(4).trim()] }
        : {}),
    }));
  return {
    users: [
      { id: 1, name: 'Sandbox Admin', email: 'admin@sandbox.example', is_admin: true, default_currency: 'EUR' },
      ...Array.from({ length: 8 }, (_, index) => ({
        id: index + 2,
        name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
        email: `seller${index + 2}@sandbox.example`,
        default_currency: index % 3 === 0 ? 'USD' : 'EUR',
        is_admin: index === 0,
        timezone_name: index % 2 === 0 ? 'Europe/Tallinn' : 'America/New_York',
      })),
      { id: 10, name: 'Former Employee', email: 'former@sandbox.example', active_flag: false },
      { id: 11, name: 'Paused Seat', email: 'paused@sandbox.example', active_flag: false },
      { id: 12, name: 'Removed User', email: 'removed@sandbox.example', active_flag: false, is_deleted: true },
    ],
    currencies: [
      ...BASELINE_CURRENCIES,
      {
        id: BASELINE_CURRENCIES.length + 1,
        code: 'PTS',
        name: 'Loyalty points',
        symbol: 'pts',
        decimal_points: 0,
        is_custom_flag: true,
      },
    ],
    activityTypes: [
      ...BASELINE_ACTIVITY_TYPES,
      {
        id: 7,
        key_string: 'demo',
        name: 'Product demo',
        icon_key: 'presentation',
        is_custom_flag: true,
        color: 'FFC107',
      },
      { id: 8, key_string: 'fax', name: 'Fax', icon_key: 'document', is_custom_flag: true, active_flag: false },
    ],
    fields: Object.fromEntries(entities.map((entity) => [entity, fieldsFor(entity)])),
    pipelines: [
      {
        id: 1,
        name: 'Sales',
        is_deal_probability_enabled: true,
        stages: stagesFrom(1, [
          ['Qualified', 10],
          ['Contact made', 20],
          ['Demo scheduled', 40],
          ['Proposal made', 60],
          ['Negotiations started', 80, { is_deal_rot_enabled: true, days_to_rotten: 14 }],
        ]),
      },
      {
        id: 2,
        name: 'Enterprise',
        is_deal_probability_enabled: true,
        stages: stagesFrom(6, [
          ['Discovery', 5],
          ['Security review', 30],
          ['Legal', 70],
          ['Signature', 90],
        ]),
      },
      {
        id: 3,
        name: 'Partnerships 🤝',
        stages: stagesFrom(10, [
          ['Intro', 100],
          ['Pilot', 100],
          ['Live', 100],
        ]),
      },
    ],
    // Conditions in the spec's form (addFilter), by the built-in fields' ids (fields/builtin.ts order).
    filters: [
      {
        id: 1,
        name: 'Open deals over 10k',
        type: 'deals',
        conditions: [
          { object: 'deal', field_id: '9', operator: '=', value: 'open' },
          { object: 'deal', field_id: '4', operator: '>', value: '10000' },
        ],
      },
      {
        id: 2,
        name: 'My people',
        type: 'people',
        conditions: [{ object: 'person', field_id: '27', operator: '=', value: '1' }],
      },
      {
        id: 3,
        name: 'Estonian organizations',
        type: 'org',
        conditions: [{ object: 'organization', field_id: '43', operator: "LIKE '%$%'", value: 'Estonia' }],
      },
      {
        id: 4,
        name: 'Overdue activities',
        type: 'activity',
        conditions: [{ object: 'activity', field_id: '68', operator: '<', value: 'today' }],
      },
      {
        id: 5,
        name: 'Taxed products',
        type: 'products',
        conditions: [{ object: 'product', field_id: '57', operator: '>', value: '0' }],
      },
      { id: 6, name: 'Old filter', type: 'deals', active_flag: false },
      { id: 7, name: 'Hot leads', type: 'leads' },
    ],
  };
}
