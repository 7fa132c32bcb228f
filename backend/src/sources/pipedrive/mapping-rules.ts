import {
  BOOL,
  CHECKBOX,
  DATE,
  DATETIME,
  type HubSpotObjectType,
  NUMBER,
  PHONE,
  SELECT,
  TEXT,
  TEXTAREA,
} from '../../hubspot/object-model/index.js';
import type {
  FieldRule,
  HoldingRule,
  HoldingSource,
  ObjectRule,
  SourceMappingRules,
  TargetRule,
} from '../mapping-rules.js';
import type { PipedriveCountKey, PipedriveObjectKey } from './pipedrive-objects.js';

/**
 * Pipedrive → HubSpot, as data: which object becomes which, where each built-in field goes, and what
 * every Pipedrive field type (the v2 fields schema's `field_type` enum, docs/notes/pipedrive-api.md)
 * becomes. Field keys are the v2 `field_code`s. Reasons are written for the user reading the audit.
 */

const standard = (...names: string[]): TargetRule[] => names.map((name) => ({ to: 'standard', name }));
const into = (...names: string[]): FieldRule => ({ targets: standard(...names) });
/** Pipedrive's own timestamps are date and time; its `date` field type would keep only the day. */
const keptTime = (reason: string): FieldRule => ({ targets: [{ to: 'created', kind: DATETIME }], reason });
const unsupported = (keys: readonly string[], reason: string): Record<string, FieldRule> =>
  Object.fromEntries(keys.map((key) => [key, { unsupported: reason }]));

const ADDRESS_PARTS: FieldRule = {
  targets: standard('address', 'city', 'state', 'zip', 'country'),
  reason:
    'Split into street, city, state/region, postal code and country; an address Pipedrive could not split goes whole into Street Address.',
};

/** What every custom field, and any built-in field without a rule of its own, becomes. */
const FIELD_TYPES: Record<string, FieldRule> = {
  varchar: { targets: [{ to: 'created', kind: TEXT }] },
  varchar_auto: { targets: [{ to: 'created', kind: TEXT }] },
  varchar_options: {
    targets: [{ to: 'created', kind: TEXT }],
    reason:
      'Free text with suggested values in Pipedrive, so it stays text: a HubSpot dropdown would refuse values outside its list.',
  },
  text: { targets: [{ to: 'created', kind: TEXTAREA }] },
  phone: { targets: [{ to: 'created', kind: PHONE }] },
  int: { targets: [{ to: 'created', kind: NUMBER }] },
  double: { targets: [{ to: 'created', kind: NUMBER }] },
  boolean: { targets: [{ to: 'created', kind: BOOL }] },
  monetary: {
    targets: [
      { to: 'created', kind: NUMBER },
      { to: 'created', kind: TEXT, part: { key: 'currency', label: 'currency' } },
    ],
    reason: 'The amount goes to a number property and its currency code to a text property beside it.',
  },
  date: { targets: [{ to: 'created', kind: DATE }] },
  daterange: {
    targets: [
      { to: 'created', kind: DATE, part: { key: 'start', label: 'start' } },
      { to: 'created', kind: DATE, part: { key: 'end', label: 'end' } },
    ],
    reason: 'Split into a start date and an end date: HubSpot has no date-range property.',
  },
  time: {
    targets: [{ to: 'created', kind: TEXT }],
    reason: 'Kept as text (e.g. "09:30 Europe/London"): HubSpot has no time-of-day property.',
  },
  timerange: {
    targets: [
      { to: 'created', kind: TEXT, part: { key: 'start', label: 'start' } },
      { to: 'created', kind: TEXT, part: { key: 'end', label: 'end' } },
    ],
    reason:
      'Split into a start time and an end time, kept as text (e.g. "09:30 Europe/London"): HubSpot has no time-of-day property.',
  },
  enum: { targets: [{ to: 'created', kind: SELECT, options: 'source' }] },
  set: { targets: [{ to: 'created', kind: CHECKBOX, options: 'source' }] },
  address: {
    targets: [
      { to: 'created', kind: TEXT },
      { to: 'created', kind: TEXT, part: { key: 'street', label: 'street' } },
      { to: 'created', kind: TEXT, part: { key: 'city', label: 'city' } },
      { to: 'created', kind: TEXT, part: { key: 'state', label: 'state/region' } },
      { to: 'created', kind: TEXT, part: { key: 'zip', label: 'postal code' } },
      { to: 'created', kind: TEXT, part: { key: 'country', label: 'country' } },
    ],
    reason:
      'Kept whole, and split into street, city, state/region, postal code and country so each can be filtered on.',
  },
  user: {
    targets: [{ to: 'owner', property: 'created' }],
    reason: 'A HubSpot user property: Pipedrive users are matched to HubSpot users by email.',
  },
  org: { targets: [{ to: 'association', object: 'companies' }], reason: 'Becomes an association with the company.' },
  people: { targets: [{ to: 'association', object: 'contacts' }], reason: 'Becomes an association with the contact.' },
  deal: { targets: [{ to: 'association', object: 'deals' }], reason: 'Becomes an association with the deal.' },
  deals: { targets: [{ to: 'association', object: 'deals' }], reason: 'Becomes associations with the deals.' },
  lead: {
    unsupported:
      'Pipedrive leads are not transferred, so there is no HubSpot record to link to. Convert the lead to a deal in Pipedrive first if the link matters.',
  },
  ...unsupported(
    ['project', 'projects_board', 'projects_phase'],
    'Pipedrive Projects are not transferred. If the project matters, note it in a text field in Pipedrive before transferring.',
  ),
  activity: {
    unsupported:
      'A link to a single activity; the activities themselves are transferred and appear on the record’s timeline. Nothing to do.',
  },
  stage: { targets: [{ to: 'created', kind: TEXT }], reason: 'Kept as the stage’s name.' },
  status: { targets: [{ to: 'created', kind: TEXT }] },
  billing_frequency: { targets: [{ to: 'created', kind: TEXT }] },
  price_list: {
    unsupported: 'Price lists only exist on products, where they become the product’s price. Nothing to do.',
  },
  json: {
    targets: [{ to: 'created', kind: TEXTAREA }],
    reason: 'Structured data, kept as JSON text: HubSpot cannot create JSON properties.',
  },
  picture: {
    unsupported:
      'Pictures are image files, and HubSpot records have no picture property to hold them. Download the pictures you need from Pipedrive and upload them to HubSpot’s file manager.',
  },
  visible_to: {
    unsupported:
      'Pipedrive visibility groups have no HubSpot equivalent: in HubSpot, who sees a record follows its owner, teams and permission sets. Set up HubSpot teams and permission sets to match after the transfer.',
  },
};

/** Built-in fields Pipedrive computes from other records; HubSpot computes its own from the transferred records. */
const COUNTS = [
  'open_deals_count',
  'closed_deals_count',
  'won_deals_count',
  'lost_deals_count',
  'related_open_deals_count',
  'related_closed_deals_count',
  'related_won_deals_count',
  'related_lost_deals_count',
  'participant_open_deals_count',
  'participant_closed_deals_count',
  'activities_count',
  'done_activities_count',
  'undone_activities_count',
  'email_messages_count',
  'files_count',
  'notes_count',
  'followers_count',
  'participants_count',
  'people_count',
  'products_count',
  'weighted_value',
  'weighted_value_currency',
  'product_quantity',
  'product_amount',
];
const ACTIVITY_SUMMARIES = [
  'next_activity_id',
  'next_activity_date',
  'next_activity_time',
  'next_activity_subject',
  'next_activity_type',
  'next_activity_duration',
  'next_activity_note',
  'last_activity_id',
  'last_activity_date',
  'last_incoming_mail_time',
  'last_outgoing_mail_time',
];

const COMMON_FIELDS: Record<string, FieldRule> = {
  id: {
    targets: [{ to: 'created', kind: TEXT, label: 'Pipedrive ID' }],
    reason: 'The sync finds the record again by this unique value.',
  },
  owner_id: { targets: [{ to: 'owner', property: 'standard' }] },
  add_time: keptTime('HubSpot sets its own create date; the Pipedrive one is kept here.'),
  update_time: keptTime('HubSpot keeps its own last-modified date; the Pipedrive one is kept here.'),
  marked_as_done_time: keptTime('Kept with its time of day.'),
  ...unsupported(
    COUNTS,
    'Pipedrive calculates it from other records; HubSpot calculates its own from the transferred records. Nothing to do.',
  ),
  ...unsupported(
    ACTIVITY_SUMMARIES,
    'Pipedrive derives it from the activities and emails; the activities are transferred and HubSpot derives its own. Nothing to do.',
  ),
  ...unsupported(
    ['cc_email', 'smart_bcc_email'],
    'Pipedrive’s address for copying emails into the record; it does nothing in HubSpot. Use the record’s HubSpot BCC address instead.',
  ),
};

const PERSON_FIELDS: Record<string, FieldRule> = {
  name: {
    targets: standard('firstname', 'lastname'),
    reason:
      'Filled from First name and Last name; when both are empty the full name is split, its last word becoming the last name.',
  },
  first_name: into('firstname'),
  last_name: into('lastname'),
  emails: {
    targets: standard('email', 'hs_additional_emails'),
    reason:
      'The primary email becomes Email; the others go into Other e-mails (Pipedrive), or, when chosen in setup, become HubSpot secondary e-mails (Additional email addresses).',
  },
  phones: {
    targets: [...standard('phone', 'mobilephone'), { to: 'created', kind: TEXTAREA, label: 'Other phone numbers' }],
    reason:
      'The primary number becomes Phone Number, the first mobile number Mobile Phone Number, every other number (with its label) Other phone numbers.',
  },
  org_id: {
    targets: [{ to: 'association', object: 'companies', primary: true }],
    reason: 'Becomes the contact’s primary company.',
  },
  job_title: into('jobtitle'),
  birthday: {
    targets: standard('date_of_birth'),
    reason: 'HubSpot’s Date of birth is a text property: written as YYYY-MM-DD.',
  },
  postal_address: ADDRESS_PARTS,
};

const ORGANIZATION_FIELDS: Record<string, FieldRule> = {
  name: into('name'),
  address: ADDRESS_PARTS,
  website: {
    targets: standard('domain', 'website'),
    reason:
      'Its host name becomes the Company Domain Name (HubSpot’s key for companies); the full address is kept in Website URL.',
  },
  linkedin: into('linkedin_company_page'),
  annual_revenue: into('annualrevenue'),
  employee_count: into('numberofemployees'),
};

const DEAL_FIELDS: Record<string, FieldRule> = {
  title: into('dealname'),
  value: {
    targets: standard('amount', 'deal_currency_code'),
    reason:
      'The amount becomes Amount and its currency the deal’s Currency, which must exist in HubSpot: the configure step asks for its exchange rate.',
  },
  currency: {
    targets: standard('deal_currency_code'),
    reason: 'Must exist in HubSpot: the configure step asks for its exchange rate.',
  },
  person_id: {
    targets: [{ to: 'association', object: 'contacts' }],
    reason: 'Becomes an association with the contact.',
  },
  org_id: {
    targets: [{ to: 'association', object: 'companies', primary: true }],
    reason: 'Becomes the deal’s primary company.',
  },
  pipeline_id: { targets: [{ to: 'pipeline' }], reason: 'Each Pipedrive pipeline becomes a HubSpot deal pipeline.' },
  stage_id: {
    targets: [{ to: 'stage' }, { to: 'created', kind: TEXT, label: 'Stage in Pipedrive' }],
    reason:
      'Open deals keep their stage; won and lost deals go to Closed won and Closed lost, so the Pipedrive stage is also kept as text.',
  },
  status: {
    targets: [{ to: 'stage' }],
    reason: 'Won deals go to the pipeline’s Closed won stage, lost deals to Closed lost; open deals keep their stage.',
  },
  probability: {
    targets: [{ to: 'created', kind: NUMBER }],
    reason:
      'HubSpot derives a deal’s probability from its stage; the percentage set on the Pipedrive deal is kept here.',
  },
  lost_reason: into('closed_lost_reason'),
  add_time: keptTime('Kept here, and copied into Create Date by the create-date workflow setup adds.'),
  close_time: {
    targets: [{ to: 'created', kind: DATETIME }, ...standard('closedate')],
    reason:
      'A closed deal’s Close Date; kept here too, so the close-date workflow can restore it when HubSpot moves Close Date on a stage change.',
  },
  won_time: keptTime('Kept with its time of day; Close Date comes from “Deal closed on”.'),
  lost_time: keptTime('Kept with its time of day; Close Date comes from “Deal closed on”.'),
  first_won_time: keptTime('Kept with its time of day.'),
  stage_change_time: keptTime('Kept with its time of day.'),
  expected_close_date: {
    targets: [...standard('closedate'), { to: 'created', kind: DATE }],
    reason: 'An open deal’s Close Date (closed deals take the day they closed); kept here for every deal.',
  },
  is_archived: {
    targets: [{ to: 'created', kind: BOOL, label: 'Archived in Pipedrive' }],
    reason: 'Archived deals become ordinary HubSpot deals in their pipeline and stage, marked here.',
  },
  archive_time: keptTime('When the deal was archived in Pipedrive, with its time of day.'),
};

const PRODUCT_FIELDS: Record<string, FieldRule> = {
  name: into('name'),
  code: into('hs_sku'),
  description: into('description'),
  tax: { targets: standard('tax'), reason: 'Pipedrive’s tax rate in percent, written as the same number.' },
  /** HubSpot has no owner on products. */
  owner_id: {
    targets: [{ to: 'owner', property: 'created' }],
    reason: 'A HubSpot user property: Pipedrive users are matched to HubSpot users by email.',
  },
  prices: {
    targets: standard('price', 'hs_cost_of_goods_sold'),
    reason:
      'The price in the account’s default currency becomes Unit price and its cost Unit cost; prices in other currencies are not transferred yet.',
  },
  billing_frequency: {
    targets: standard('recurringbillingfrequency'),
    reason:
      'Weekly, monthly, quarterly and annually keep their names, semi-annually becomes Every six months; one-time products get none.',
  },
  billing_frequency_cycles: {
    targets: standard('hs_recurring_billing_period'),
    reason: 'The number of billing cycles becomes the term, e.g. 12 monthly cycles → 12 months.',
  },
};

/** Per HubSpot engagement object: where an activity's subject, date, duration, done flag and notes go. */
interface ActivityTargets {
  subject: string;
  body: string;
  duration: FieldRule;
  done: FieldRule;
  extra: Record<string, FieldRule>;
}

const DONE_KEPT: FieldRule = {
  targets: [{ to: 'created', kind: BOOL }],
  reason: 'HubSpot has no done flag on this activity; kept as Yes/No.',
};
const DURATION_KEPT: FieldRule = {
  targets: [{ to: 'created', kind: TEXT }],
  reason: 'Kept as text (hours:minutes): HubSpot has no duration on this activity.',
};
const LOCATION_KEPT: FieldRule = { targets: [{ to: 'created', kind: TEXT }], reason: 'Kept as one line of text.' };

const ACTIVITY_TARGETS: Record<'calls' | 'meetings' | 'tasks' | 'emails', ActivityTargets> = {
  calls: {
    subject: 'hs_call_title',
    body: 'hs_call_body',
    duration: {
      targets: standard('hs_call_duration'),
      reason: 'Converted to milliseconds, as HubSpot stores call durations.',
    },
    done: DONE_KEPT,
    extra: { location: LOCATION_KEPT },
  },
  meetings: {
    subject: 'hs_meeting_title',
    body: 'hs_internal_meeting_notes',
    duration: { targets: standard('hs_meeting_end_time'), reason: 'End Time is the start time plus the duration.' },
    done: {
      targets: standard('hs_meeting_outcome'),
      reason: 'Done becomes the outcome Completed, not done Scheduled.',
    },
    extra: { location: into('hs_meeting_location'), public_description: into('hs_meeting_body') },
  },
  tasks: {
    subject: 'hs_task_subject',
    body: 'hs_task_body',
    duration: DURATION_KEPT,
    done: { targets: standard('hs_task_status'), reason: 'Done becomes the status Completed, not done Not started.' },
    extra: {
      location: LOCATION_KEPT,
      priority: {
        targets: standard('hs_task_priority'),
        reason: 'High, Medium and Low become the same HubSpot priorities.',
      },
    },
  },
  emails: {
    subject: 'hs_email_subject',
    body: 'hs_email_html',
    duration: DURATION_KEPT,
    done: DONE_KEPT,
    extra: { location: LOCATION_KEPT },
  },
};

const NOTE_FIELDS: Record<string, FieldRule> = {
  content: into('hs_note_body'),
  deal_id: {
    targets: [{ to: 'association', object: 'deals' }],
    reason: 'Becomes the note’s association with the deal.',
  },
  user_id: { targets: [{ to: 'owner', property: 'standard' }] },
  add_time: { targets: standard('hs_timestamp'), reason: 'The note’s date on the timeline.' },
};

/** `source` is typed by the connector's object keys, so a rule cannot read an object the catalog never reports. */
function row(
  key: string,
  label: string,
  source: PipedriveObjectKey,
  hubspotObject: HubSpotObjectType,
  singular: string,
  fields: Record<string, FieldRule>,
): ObjectRule {
  return { key, label, source, hubspotObject, singular, fields };
}

function activityRow(hubspotObject: keyof typeof ACTIVITY_TARGETS, key: string, label: string): ObjectRule {
  const targets = ACTIVITY_TARGETS[hubspotObject];
  const when =
    hubspotObject === 'meetings' ? standard('hs_timestamp', 'hs_meeting_start_time') : standard('hs_timestamp');
  return row(key, label, 'activities', hubspotObject, 'activity', {
    subject: into(targets.subject),
    note: into(targets.body),
    type: {
      targets: [{ to: 'created', kind: SELECT, label: 'Pipedrive activity type', options: 'activity-types' }],
      reason: 'Kept so every Pipedrive type, custom ones included, can still be told apart and remapped.',
    },
    due_date: { targets: when, reason: 'Due date and due time together become the activity’s date.' },
    due_time: { targets: when, reason: 'Due date and due time together become the activity’s date.' },
    participants: {
      targets: [{ to: 'association', object: 'contacts' }],
      reason: 'Every participant becomes an association with the contact.',
    },
    duration: targets.duration,
    done: targets.done,
    ...targets.extra,
  });
}

/** ARCHITECTURE.md "Activities": call → calls, meeting and lunch → meetings, task and deadline → tasks, email → emails. */
const ACTIVITY_TYPES: Record<string, HubSpotObjectType> = {
  call: 'calls',
  meeting: 'meetings',
  lunch: 'meetings',
  task: 'tasks',
  deadline: 'tasks',
  email: 'emails',
};

/** Counted from the deal pages' `include_fields` counts, live and archived deals alike. */
const fromDeals = (key: string): HoldingSource[] =>
  (['deals', 'archived_deals'] satisfies PipedriveCountKey[]).map((count) => ({
    count,
    facet: { name: 'linked', key },
  }));

/** What the account holds beyond the transferred objects (counted by pipedrive-counts.ts) and what becomes of it. */
const HOLDINGS: readonly HoldingRule[] = [
  {
    key: 'archived_deals',
    label: 'Archived deals',
    from: [{ count: 'archived_deals' }],
    under: 'deals',
    becomes: 'Deals',
    note: 'Pipedrive keeps archived deals out of its deal list. They become ordinary HubSpot deals in their pipeline and stage, with “Archived in Pipedrive” set; turn “Include archived deals” off to leave them behind.',
  },
  {
    key: 'deal_products',
    label: 'Deal products',
    from: fromDeals('products'),
    becomes: 'Line items',
    note: 'Each product on a deal becomes a line item on the HubSpot deal (quantity, price, discount), copied by the one-time transfer.',
  },
  {
    key: 'deal_participants',
    label: 'Deal participants',
    from: fromDeals('participants'),
    becomes: 'Deal–contact associations',
    note: 'Each participant becomes an association between the deal and the contact, made by the one-time transfer.',
  },
  {
    key: 'files',
    label: 'Files',
    from: [{ count: 'files' }],
    bytes: { name: 'size', key: 'bytes' },
    becomes: 'Attachments',
    note: 'Each file is uploaded to HubSpot’s file manager and attached to its records by the one-time transfer.',
  },
  {
    key: 'organization_relationships',
    label: 'Organization relationships',
    from: [{ count: 'organization_relationships' }],
    becomes: 'Company associations',
    note: 'A “parent” relationship becomes HubSpot’s parent/child company association; a “related” one becomes a company-to-company association labelled “Related (Pipedrive)”, as HubSpot has no related-company link of its own.',
  },
  {
    key: 'leads',
    label: 'Leads',
    from: [{ count: 'leads' }],
    becomes: null,
    note: 'Pipedrive leads (with their labels, and the activities and notes on them) are not transferred yet. Convert the leads you want to keep into deals before transferring.',
  },
  {
    key: 'archived_leads',
    label: 'Archived leads',
    from: [{ count: 'archived_leads' }],
    becomes: null,
    note: 'Archived leads are not transferred. Unarchive and convert the ones you want to keep into deals before transferring.',
  },
  {
    key: 'filters',
    label: 'Filters',
    from: [{ count: 'filters' }],
    becomes: null,
    note: 'Pipedrive filters are saved searches with conditions HubSpot cannot read. Recreate the ones you use as HubSpot lists or saved views.',
  },
];

export const PIPEDRIVE_RULES: SourceMappingRules = {
  source: 'pipedrive',
  sourceName: 'Pipedrive',
  propertyPrefix: 'pipedrive',
  objects: [
    row('persons', 'Persons', 'persons', 'contacts', 'person', PERSON_FIELDS),
    row('organizations', 'Organizations', 'organizations', 'companies', 'organization', ORGANIZATION_FIELDS),
    row('deals', 'Deals', 'deals', 'deals', 'deal', DEAL_FIELDS),
    row('products', 'Products', 'products', 'products', 'product', PRODUCT_FIELDS),
    activityRow('calls', 'call_activities', 'Call activities'),
    activityRow('meetings', 'meeting_activities', 'Meeting activities'),
    activityRow('tasks', 'task_activities', 'Task activities'),
    activityRow('emails', 'email_activities', 'Email activities'),
    row('notes', 'Notes', 'notes', 'notes', 'note', NOTE_FIELDS),
  ],
  notTransferred: {
    leads: 'Pipedrive leads are not part of the transfer; convert the leads you want to keep into deals first.',
    projects: 'Pipedrive Projects have no HubSpot equivalent and are not transferred.',
  },
  holdings: HOLDINGS,
  archivedDeals: 'archived_deals',
  activities: { source: 'activities' satisfies PipedriveObjectKey, byType: ACTIVITY_TYPES, otherTypes: 'tasks' },
  commonFields: COMMON_FIELDS,
  fieldTypes: FIELD_TYPES,
  pipelines: {
    closedStages: [
      { label: 'Closed won', probability: 1 },
      { label: 'Closed lost', probability: 0 },
    ],
    /** Pipedrive counts a deal in full when its pipeline does not track probability, as a 100% stage does. */
    unknownProbabilityPercent: 100,
  },
};
