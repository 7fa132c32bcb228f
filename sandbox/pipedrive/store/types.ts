/**
 * What the sandbox stores per record. Field names follow API v2 (notes, files, participants and
 * organization relationships have no v2 API and follow v1). Times: add_time / update_time are epoch
 * ms (they live in table columns); other instants are RFC 3339 strings without milliseconds, dates
 * are YYYY-MM-DD. Custom field values are kept in their v2 shape, keyed by the field's numeric id
 * (stable, and much shorter than the 40-character key in a million packed rows).
 */
import type { StoredRecord } from './table.js';

export type CustomValue = string | number | number[] | { [key: string]: string | number | null };
export type CustomValues = Record<string, CustomValue>;

export interface Contact {
  value: string;
  primary: boolean;
  label: string;
}

export interface Address {
  value: string | null;
  street_number: string | null;
  route: string | null;
  sublocality: string | null;
  locality: string | null;
  admin_area_level_1: string | null;
  admin_area_level_2: string | null;
  country: string | null;
  postal_code: string | null;
  formatted_address: string | null;
  subpremise?: string | null;
}

export interface PersonRecord extends StoredRecord {
  name: string;
  first_name: string | null;
  last_name: string | null;
  owner_id: number;
  org_id: number | null;
  emails: Contact[];
  phones: Contact[];
  im: Contact[];
  visible_to: number;
  label_ids: number[];
  picture_id: number | null;
  postal_address: Address | null;
  notes: string | null;
  birthday: string | null;
  job_title: string | null;
  custom: CustomValues;
}

export interface OrganizationRecord extends StoredRecord {
  name: string;
  owner_id: number;
  visible_to: number;
  address: Address | null;
  label_ids: number[];
  website: string | null;
  linkedin: string | null;
  industry: number | null;
  annual_revenue: number | null;
  employee_count: number | null;
  custom: CustomValues;
}

export type DealStatus = 'open' | 'won' | 'lost';

export interface DealRecord extends StoredRecord {
  title: string;
  creator_user_id: number;
  owner_id: number;
  person_id: number | null;
  org_id: number | null;
  pipeline_id: number;
  stage_id: number;
  value: number;
  currency: string;
  stage_change_time: string | null;
  is_archived: boolean;
  archive_time: string | null;
  status: DealStatus;
  probability: number | null;
  lost_reason: string | null;
  visible_to: number;
  close_time: string | null;
  won_time: string | null;
  lost_time: string | null;
  first_won_time: string | null;
  expected_close_date: string | null;
  label_ids: number[];
  origin: string;
  origin_id: string | null;
  channel: number | null;
  channel_id: string | null;
  source_lead_id: string | null;
  arr: number | null;
  mrr: number | null;
  acv: number | null;
  custom: CustomValues;
}

export interface ProductPrice {
  price: number;
  currency: string;
  cost: number;
  direct_cost: number | null;
  notes: string;
}

export type BillingFrequency = 'one-time' | 'annually' | 'semi-annually' | 'quarterly' | 'monthly' | 'weekly';

export interface ProductRecord extends StoredRecord {
  name: string;
  code: string | null;
  unit: string | null;
  tax: number;
  is_linkable: boolean;
  visible_to: number;
  owner_id: number;
  description: string | null;
  category: string | null;
  billing_frequency: BillingFrequency;
  billing_frequency_cycles: number | null;
  prices: ProductPrice[];
  custom: CustomValues;
}

export interface Participant {
  person_id: number;
  primary: boolean;
}

export interface Attendee {
  email: string;
  name: string | null;
  status: string | null;
  is_organizer: boolean;
  person_id: number | null;
  user_id: number | null;
}

export interface ActivityRecord extends StoredRecord {
  subject: string;
  type: string;
  owner_id: number;
  creator_user_id: number;
  deal_id: number | null;
  lead_id: string | null;
  person_id: number | null;
  org_id: number | null;
  project_id: number | null;
  due_date: string | null;
  due_time: string | null;
  duration: string | null;
  busy: boolean;
  done: boolean;
  marked_as_done_time: string | null;
  location: Address | null;
  participants: Participant[];
  attendees: Attendee[];
  conference_meeting_client: string | null;
  conference_meeting_url: string | null;
  conference_meeting_id: string | null;
  public_description: string | null;
  priority: number | null;
  note: string | null;
}

export interface DealProductRecord extends StoredRecord {
  deal_id: number;
  product_id: number;
  product_variation_id: number | null;
  name: string;
  order_nr: number;
  comments: string | null;
  currency: string;
  discount: number;
  discount_type: 'percentage' | 'amount';
  quantity: number;
  item_price: number;
  tax: number;
  tax_method: 'exclusive' | 'inclusive' | 'none';
  is_enabled: boolean;
  billing_frequency: BillingFrequency;
  billing_frequency_cycles: number | null;
  billing_start_date: string | null;
}

export interface NoteRecord extends StoredRecord {
  content: string;
  user_id: number;
  last_update_user_id: number | null;
  deal_id: number | null;
  person_id: number | null;
  org_id: number | null;
  lead_id: string | null;
  project_id: number | null;
  pinned_to_deal_flag: boolean;
  pinned_to_person_flag: boolean;
  pinned_to_organization_flag: boolean;
  pinned_to_lead_flag: boolean;
  pinned_to_project_flag: boolean;
}

export interface FileRecord extends StoredRecord {
  user_id: number;
  deal_id: number | null;
  person_id: number | null;
  org_id: number | null;
  product_id: number | null;
  activity_id: number | null;
  lead_id: string | null;
  file_name: string;
  file_type: string;
  file_size: number;
  inline_flag: boolean;
  remote_location: string;
  remote_id: string;
  s3_bucket: string | null;
  name: string;
  description: string | null;
}

export interface ParticipantRecord extends StoredRecord {
  deal_id: number;
  person_id: number;
  added_by_user_id: number;
}

export interface OrganizationRelationshipRecord extends StoredRecord {
  type: 'parent' | 'related';
  rel_owner_org_id: number;
  rel_linked_org_id: number;
}

export interface PipelineRecord extends StoredRecord {
  name: string;
  order_nr: number;
  is_deal_probability_enabled: boolean;
}

export interface StageRecord extends StoredRecord {
  name: string;
  order_nr: number;
  pipeline_id: number;
  deal_probability: number;
  is_deal_rot_enabled: boolean;
  days_to_rotten: number | null;
}

/** v1 shapes for the small, v1-only collections. */
export interface UserRecord {
  id: number;
  name: string;
  email: string;
  phone: string | null;
  default_currency: string;
  locale: string;
  lang: number;
  activated: boolean;
  last_login: string;
  created: string;
  modified: string | null;
  has_created_company: boolean;
  is_admin: boolean;
  active_flag: boolean;
  is_deleted: boolean;
  timezone_name: string;
  timezone_offset: string;
  role_id: number;
  icon_url: string | null;
}

export interface CurrencyRecord {
  id: number;
  code: string;
  name: string;
  decimal_points: number;
  symbol: string;
  active_flag: boolean;
  is_custom_flag: boolean;
}

export interface ActivityTypeRecord {
  id: number;
  name: string;
  key_string: string;
  icon_key: string;
  color: string | null;
  order_nr: number;
  active_flag: boolean;
  is_custom_flag: boolean;
  add_time: string;
  update_time: string;
}

export type FilterType = 'deals' | 'leads' | 'org' | 'people' | 'products' | 'activity' | 'projects';

export interface FilterCondition {
  object: string;
  field_id: string;
  operator: string;
  value: string | null;
  extra_value: string | null;
  json_value_flag: boolean;
}

export interface FilterRecord {
  id: number;
  name: string;
  type: FilterType;
  user_id: number;
  active_flag: boolean;
  visible_to: number;
  add_time: string;
  update_time: string;
  conditions: { glue: 'and'; conditions: { glue: 'and' | 'or'; conditions: FilterCondition[] }[] };
}

/** Leads have UUID ids, so they live in a plain list rather than a packed table. Times are epoch ms. */
export interface LeadRecord {
  id: string;
  title: string;
  owner_id: number;
  creator_id: number;
  label_ids: string[];
  person_id: number | null;
  organization_id: number | null;
  origin: string;
  channel: number | null;
  source_deal_id: number | null;
  is_archived: boolean;
  was_seen: boolean;
  value: { amount: number; currency: string } | null;
  expected_close_date: string | null;
  visible_to: number;
  add_time: number;
  update_time: number;
}

export type LeadLabelColor =
  'blue' | 'brown' | 'dark-gray' | 'gray' | 'green' | 'orange' | 'pink' | 'purple' | 'red' | 'yellow';

export interface LeadLabelRecord {
  id: string;
  name: string;
  color: LeadLabelColor;
  add_time: number;
  update_time: number;
}

export interface WebhookRecord {
  id: number;
  user_id: number;
  owner_id: number;
  event_action: string;
  event_object: string;
  subscription_url: string;
  version: '1.0' | '2.0';
  name: string;
  http_auth_user: string | null;
  http_auth_password: string | null;
  add_time: string;
  last_delivery_time: string | null;
  last_http_status: number | null;
}
