/**
 * The dataset JSON format (documented in sandbox/README.md): an exact account to load into the
 * sandbox. Records use API v2 field names; only `id` (and a name or title) is required, everything
 * else has a default. Times are RFC 3339; custom field values use the v2 shapes, keyed by field key.
 */
import { z } from 'zod';
import { CUSTOM_FIELD_TYPES } from '../fields/types.js';
import { PLANS } from '../limits.js';

const id = z.number().int().positive();
const ref = id.nullable().default(null);
const uuid = z.uuid();
const time = z.iso.datetime({ offset: true });
const optionalTime = time.optional();
const day = z.iso.date();
const text = z.string().nullable().default(null);
const contacts = z
  .array(z.object({ value: z.string(), primary: z.boolean().default(false), label: z.string().default('work') }))
  .default([]);
const address = z
  .object({
    value: z.string(),
    street_number: text,
    route: text,
    sublocality: text,
    locality: text,
    admin_area_level_1: text,
    admin_area_level_2: text,
    country: text,
    postal_code: text,
    formatted_address: text,
    subpremise: text,
  })
  .nullable()
  .default(null);
const visibleTo = z.union([z.literal(1), z.literal(3), z.literal(5), z.literal(7)]).default(3);
const customFields = z.record(z.string(), z.unknown()).default({});

/** What every record may carry besides its own fields. */
const recordBase = {
  id,
  add_time: optionalTime,
  update_time: optionalTime,
  /** Deleted records keep their data; update_time is the delete time (30 days later they are purged). */
  is_deleted: z.boolean().default(false),
};

export const DatasetUser = z.object({
  id,
  name: z.string(),
  email: z.string(),
  phone: text,
  is_admin: z.boolean().default(false),
  active_flag: z.boolean().default(true),
  is_deleted: z.boolean().default(false),
  default_currency: z.string().default('EUR'),
  locale: z.string().default('en_US'),
  timezone_name: z.string().default('Europe/London'),
  timezone_offset: z.string().default('+00:00'),
  role_id: z.number().int().default(1),
  last_login: optionalTime,
  created: optionalTime,
  /** The user's API token (x-api-token); generated when omitted. */
  api_token: z.string().optional(),
});

export const DatasetCurrency = z.object({
  id: id.optional(),
  code: z.string(),
  name: z.string().optional(),
  symbol: z.string().optional(),
  decimal_points: z.number().int().default(2),
  active_flag: z.boolean().default(true),
  is_custom_flag: z.boolean().default(false),
});

export const DatasetActivityType = z.object({
  id: id.optional(),
  key_string: z.string(),
  name: z.string(),
  icon_key: z.string().default('task'),
  color: z.string().nullable().default(null),
  active_flag: z.boolean().default(true),
  is_custom_flag: z.boolean().default(false),
});

export const DatasetField = z.object({
  /** 40-character key; derived from the entity and id when omitted. */
  key: z.string().optional(),
  id: id.optional(),
  name: z.string(),
  field_type: z.enum(CUSTOM_FIELD_TYPES),
  /** Option labels for enum and set fields; option ids are assigned in order. */
  options: z.array(z.string()).optional(),
  description: z.string().nullable().optional(),
});

export const DatasetStage = z.object({
  ...recordBase,
  name: z.string(),
  deal_probability: z.number().int().min(0).max(100).default(100),
  is_deal_rot_enabled: z.boolean().default(false),
  days_to_rotten: z.number().int().nullable().default(null),
});

export const DatasetPipeline = z.object({
  ...recordBase,
  name: z.string(),
  is_deal_probability_enabled: z.boolean().default(false),
  stages: z.array(DatasetStage).default([]),
});

export const DatasetPerson = z.object({
  ...recordBase,
  name: z.string(),
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
  owner_id: id.optional(),
  org_id: ref,
  emails: contacts,
  phones: contacts,
  im: contacts,
  visible_to: visibleTo,
  label_ids: z.array(z.number().int()).default([]),
  postal_address: address,
  notes: text,
  birthday: day.nullable().default(null),
  job_title: text,
  custom_fields: customFields,
});

export const DatasetOrganization = z.object({
  ...recordBase,
  name: z.string(),
  owner_id: id.optional(),
  visible_to: visibleTo,
  address,
  label_ids: z.array(z.number().int()).default([]),
  website: text,
  linkedin: text,
  industry: z.number().int().nullable().default(null),
  annual_revenue: z.number().int().nullable().default(null),
  employee_count: z.number().int().nullable().default(null),
  custom_fields: customFields,
});

export const DatasetDeal = z.object({
  ...recordBase,
  title: z.string(),
  owner_id: id.optional(),
  creator_user_id: id.optional(),
  person_id: ref,
  org_id: ref,
  /** Defaults to the first stage of the first pipeline. */
  stage_id: id.optional(),
  value: z.number().default(0),
  currency: z.string().default('EUR'),
  status: z.enum(['open', 'won', 'lost']).default('open'),
  stage_change_time: time.nullable().default(null),
  is_archived: z.boolean().default(false),
  archive_time: time.nullable().default(null),
  probability: z.number().nullable().default(null),
  lost_reason: text,
  visible_to: visibleTo,
  /** won_time / lost_time / close_time default from the status and update_time. */
  won_time: time.nullable().optional(),
  lost_time: time.nullable().optional(),
  close_time: time.nullable().optional(),
  expected_close_date: day.nullable().default(null),
  label_ids: z.array(z.number().int()).default([]),
  origin: z.string().default('ManuallyCreated'),
  channel: z.number().int().nullable().default(null),
  custom_fields: customFields,
});

export const DatasetProduct = z.object({
  ...recordBase,
  name: z.string(),
  code: text,
  unit: text,
  tax: z.number().default(0),
  is_linkable: z.boolean().default(true),
  visible_to: visibleTo,
  owner_id: id.optional(),
  description: text,
  category: text,
  billing_frequency: z
    .enum(['one-time', 'annually', 'semi-annually', 'quarterly', 'monthly', 'weekly'])
    .default('one-time'),
  billing_frequency_cycles: z.number().int().nullable().default(null),
  prices: z
    .array(
      z.object({
        price: z.number(),
        currency: z.string(),
        cost: z.number().default(0),
        direct_cost: z.number().nullable().default(null),
        notes: z.string().default(''),
      }),
    )
    .default([]),
  custom_fields: customFields,
});

export const DatasetDealProduct = z.object({
  ...recordBase,
  deal_id: id,
  product_id: id,
  quantity: z.number().default(1),
  /** Defaults to the product's first price. */
  item_price: z.number().optional(),
  discount: z.number().default(0),
  discount_type: z.enum(['percentage', 'amount']).default('percentage'),
  tax: z.number().default(0),
  tax_method: z.enum(['exclusive', 'inclusive', 'none']).default('inclusive'),
  comments: text,
  is_enabled: z.boolean().default(true),
  billing_frequency: z
    .enum(['one-time', 'annually', 'semi-annually', 'quarterly', 'monthly', 'weekly'])
    .default('one-time'),
  billing_frequency_cycles: z.number().int().nullable().default(null),
  billing_start_date: day.nullable().default(null),
});

export const DatasetActivity = z.object({
  ...recordBase,
  subject: z.string(),
  /** An activity type's key_string. */
  type: z.string().default('call'),
  owner_id: id.optional(),
  deal_id: ref,
  lead_id: uuid.nullable().default(null),
  org_id: ref,
  /** The first one is primary unless one says so; person_id follows it. */
  participants: z.array(z.object({ person_id: id, primary: z.boolean().default(false) })).default([]),
  due_date: day.nullable().default(null),
  due_time: z.string().nullable().default(null),
  duration: z.string().nullable().default(null),
  busy: z.boolean().default(false),
  done: z.boolean().default(false),
  marked_as_done_time: time.nullable().default(null),
  location: address,
  public_description: text,
  priority: z.number().int().nullable().default(null),
  note: text,
});

export const DatasetNote = z.object({
  ...recordBase,
  /** HTML. */
  content: z.string(),
  user_id: id.optional(),
  deal_id: ref,
  person_id: ref,
  org_id: ref,
  lead_id: uuid.nullable().default(null),
  pinned_to_lead_flag: z.boolean().default(false),
  pinned_to_deal_flag: z.boolean().default(false),
  pinned_to_person_flag: z.boolean().default(false),
  pinned_to_organization_flag: z.boolean().default(false),
});

export const DatasetFile = z.object({
  ...recordBase,
  file_name: z.string(),
  file_type: z.string().default('application/pdf'),
  file_size: z.number().int().min(0).max(20_000_000).default(1024),
  user_id: id.optional(),
  deal_id: ref,
  person_id: ref,
  org_id: ref,
  product_id: ref,
  activity_id: ref,
  lead_id: uuid.nullable().default(null),
  description: text,
});

export const DatasetParticipant = z.object({
  ...recordBase,
  deal_id: id,
  person_id: id,
  added_by_user_id: id.optional(),
});

export const DatasetOrganizationRelationship = z.object({
  ...recordBase,
  type: z.enum(['parent', 'related']),
  rel_owner_org_id: id,
  rel_linked_org_id: id,
});

export const DatasetLeadLabel = z.object({
  id: uuid,
  name: z.string(),
  color: z
    .enum(['blue', 'brown', 'dark-gray', 'gray', 'green', 'orange', 'pink', 'purple', 'red', 'yellow'])
    .default('gray'),
});

/** Leads are not deals: UUID ids, their own person/organization and `value { amount, currency }`. */
export const DatasetLead = z.object({
  id: uuid,
  title: z.string(),
  owner_id: id.optional(),
  creator_id: id.optional(),
  label_ids: z.array(uuid).default([]),
  person_id: ref,
  organization_id: ref,
  origin: z.string().default('ManuallyCreated'),
  channel: z.number().int().nullable().default(null),
  source_deal_id: ref,
  is_archived: z.boolean().default(false),
  was_seen: z.boolean().default(false),
  value: z.object({ amount: z.number(), currency: z.string() }).nullable().default(null),
  expected_close_date: day.nullable().default(null),
  visible_to: visibleTo,
  add_time: optionalTime,
  update_time: optionalTime,
});

export const DatasetFilter = z.object({
  id,
  name: z.string(),
  type: z.enum(['deals', 'leads', 'org', 'people', 'products', 'activity', 'projects']),
  user_id: id.optional(),
  active_flag: z.boolean().default(true),
  visible_to: visibleTo,
  conditions: z
    .array(
      z.object({
        object: z.string(),
        field_id: z.string(),
        operator: z.string(),
        value: z.string().nullable().default(null),
      }),
    )
    .default([]),
});

export const Dataset = z.object({
  format: z.literal('pipedrive-sandbox-dataset/1').optional(),
  /** "Now" for records without times; defaults to the sandbox clock. */
  now: optionalTime,
  company: z
    .object({
      id: id.default(7010001),
      name: z.string().default('Sandbox Company'),
      domain: z.string().default('sandbox'),
      country: z.string().default('EE'),
      industry: z.string().default('Software'),
    })
    .optional(),
  plan: z.enum(PLANS).optional(),
  /** How the account's API behaves; see Store.options (listDeleted: lists also return soft-deleted rows). */
  options: z.object({ listDeleted: z.boolean().default(false) }).optional(),
  seats: z.number().int().positive().optional(),
  users: z.array(DatasetUser).min(1).optional(),
  currencies: z.array(DatasetCurrency).optional(),
  activityTypes: z.array(DatasetActivityType).optional(),
  fields: z
    .object({
      deal: z.array(DatasetField).default([]),
      person: z.array(DatasetField).default([]),
      organization: z.array(DatasetField).default([]),
      product: z.array(DatasetField).default([]),
      activity: z.array(DatasetField).default([]),
    })
    .optional(),
  pipelines: z.array(DatasetPipeline).optional(),
  organizations: z.array(DatasetOrganization).default([]),
  persons: z.array(DatasetPerson).default([]),
  products: z.array(DatasetProduct).default([]),
  deals: z.array(DatasetDeal).default([]),
  dealProducts: z.array(DatasetDealProduct).default([]),
  participants: z.array(DatasetParticipant).default([]),
  organizationRelationships: z.array(DatasetOrganizationRelationship).default([]),
  activities: z.array(DatasetActivity).default([]),
  notes: z.array(DatasetNote).default([]),
  files: z.array(DatasetFile).default([]),
  leadLabels: z.array(DatasetLeadLabel).default([]),
  leads: z.array(DatasetLead).default([]),
  filters: z.array(DatasetFilter).optional(),
});
export type Dataset = z.infer<typeof Dataset>;
/** The JSON as written (defaults not yet applied). */
export type DatasetInput = z.input<typeof Dataset>;
