/**
 * HubSpot's default properties per object, from the object guides and the property dumps cited in
 * docs/notes/hubspot-crm.md, Default properties (a representative set, not a portal's full list).
 * Read-only flags follow `modificationMetadata.readOnlyValue`; owner, pipeline, stage and currency
 * properties have `externalOptions` (their options live in owners, pipelines and currency settings).
 */
import type { ObjectType, ObjectTypeName } from '../object-types.js';
import type { PropertyDefinition, PropertyGroup, PropertyType } from './definition.js';

interface Spec {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  options?: ReadonlyArray<readonly [value: string, label: string]>;
  readOnly?: boolean;
  external?: 'OWNER' | 'PIPELINE' | 'STAGE' | 'CURRENCY';
}

const text = (name: string, label: string): Spec => ({ name, label, type: 'string', fieldType: 'text' });
const textarea = (name: string, label: string): Spec => ({ name, label, type: 'string', fieldType: 'textarea' });
const html = (name: string, label: string): Spec => ({ name, label, type: 'string', fieldType: 'html' });
const phone = (name: string, label: string): Spec => ({ name, label, type: 'string', fieldType: 'phonenumber' });
const num = (name: string, label: string): Spec => ({ name, label, type: 'number', fieldType: 'number' });
const datetime = (name: string, label: string): Spec => ({ name, label, type: 'datetime', fieldType: 'date' });
const bool = (name: string, label: string): Spec => ({
  name,
  label,
  type: 'bool',
  fieldType: 'booleancheckbox',
  options: [
    ['true', 'Yes'],
    ['false', 'No'],
  ],
});
const choice = (name: string, label: string, fieldType: string, options: Spec['options']): Spec => ({
  name,
  label,
  type: 'enumeration',
  fieldType,
  ...(options ? { options } : {}),
});
const upper = (values: string[]): Array<[string, string]> =>
  values.map((v) => [v, v.charAt(0) + v.slice(1).toLowerCase().replaceAll('_', ' ')]);
const readOnly = (spec: Spec): Spec => ({ ...spec, readOnly: true });
const owner = (label: string): Spec => ({ ...choice('hubspot_owner_id', label, 'select', []), external: 'OWNER' });

const LIFECYCLE = choice('lifecyclestage', 'Lifecycle Stage', 'radio', [
  ['subscriber', 'Subscriber'],
  ['lead', 'Lead'],
  ['marketingqualifiedlead', 'Marketing Qualified Lead'],
  ['salesqualifiedlead', 'Sales Qualified Lead'],
  ['opportunity', 'Opportunity'],
  ['customer', 'Customer'],
  ['evangelist', 'Evangelist'],
  ['other', 'Other'],
]);
const LEAD_STATUS = choice('hs_lead_status', 'Lead Status', 'radio', [
  ['NEW', 'New'],
  ['OPEN', 'Open'],
  ['IN_PROGRESS', 'In Progress'],
  ['OPEN_DEAL', 'Open Deal'],
  ['UNQUALIFIED', 'Unqualified'],
  ['ATTEMPTED_TO_CONTACT', 'Attempted to Contact'],
  ['CONNECTED', 'Connected'],
  ['BAD_TIMING', 'Bad Timing'],
]);
/** A subset of HubSpot's ~150 fixed industry values (the full list is not published in a machine-readable form). */
const INDUSTRY = choice(
  'industry',
  'Industry',
  'select',
  upper([
    'ACCOUNTING',
    'AIRLINES_AVIATION',
    'APPAREL_FASHION',
    'ARCHITECTURE_PLANNING',
    'AUTOMOTIVE',
    'BANKING',
    'BIOTECHNOLOGY',
    'BROADCAST_MEDIA',
    'BUILDING_MATERIALS',
    'CHEMICALS',
    'COMPUTER_HARDWARE',
    'COMPUTER_SOFTWARE',
    'CONSTRUCTION',
    'CONSUMER_ELECTRONICS',
    'CONSUMER_GOODS',
    'CONSUMER_SERVICES',
    'EDUCATION_MANAGEMENT',
    'E_LEARNING',
    'FINANCIAL_SERVICES',
    'FOOD_BEVERAGES',
    'HEALTH_WELLNESS_AND_FITNESS',
    'HOSPITAL_HEALTH_CARE',
    'HOSPITALITY',
    'INFORMATION_TECHNOLOGY_AND_SERVICES',
    'INSURANCE',
    'INTERNET',
    'LEGAL_SERVICES',
    'LOGISTICS_AND_SUPPLY_CHAIN',
    'MANAGEMENT_CONSULTING',
    'MARKETING_AND_ADVERTISING',
    'MECHANICAL_OR_INDUSTRIAL_ENGINEERING',
    'MEDICAL_DEVICES',
    'NONPROFIT_ORGANIZATION_MANAGEMENT',
    'PHARMACEUTICALS',
    'REAL_ESTATE',
    'RETAIL',
    'STAFFING_AND_RECRUITING',
    'TELECOMMUNICATIONS',
    'TRANSPORTATION_TRUCKING_RAILROAD',
    'UTILITIES',
    'WHOLESALE',
  ]),
);

/** The creation/modification/id properties every object has, under its own names. */
function systemProperties(type: ObjectType): Spec[] {
  const created = readOnly(datetime(type.createdProperty, 'Create Date'));
  const modified = readOnly(datetime(type.modifiedProperty, 'Last Modified Date'));
  const extra =
    type.modifiedProperty === 'lastmodifieddate'
      ? [readOnly(datetime('hs_lastmodifieddate', 'Object last modified date/time'))]
      : [];
  const engagementCreate =
    type.createdProperty === 'createdate' ? [readOnly(datetime('hs_createdate', 'Object create date/time'))] : [];
  return [readOnly(num('hs_object_id', 'Record ID')), created, modified, ...extra, ...engagementCreate];
}

const ENGAGEMENT_COMMON: Spec[] = [
  datetime('hs_timestamp', 'Activity date'),
  owner('Activity assigned to'),
  text('hs_attachment_ids', 'Attached file IDs'),
  readOnly(html('hs_body_preview', 'Body preview')),
];

const SPECS: Record<ObjectTypeName, Spec[]> = {
  contacts: [
    text('email', 'Email'),
    text('firstname', 'First Name'),
    text('lastname', 'Last Name'),
    text('salutation', 'Salutation'),
    phone('phone', 'Phone Number'),
    phone('mobilephone', 'Mobile Phone Number'),
    text('fax', 'Fax Number'),
    text('jobtitle', 'Job Title'),
    text('company', 'Company Name'),
    text('website', 'Website URL'),
    text('address', 'Street Address'),
    text('city', 'City'),
    text('state', 'State/Region'),
    text('zip', 'Postal Code'),
    text('country', 'Country/Region'),
    text('industry', 'Industry'),
    text('annualrevenue', 'Annual Revenue'),
    text('date_of_birth', 'Date of birth'),
    textarea('message', 'Message'),
    LIFECYCLE,
    LEAD_STATUS,
    owner('Contact owner'),
    num('associatedcompanyid', 'Primary Associated Company ID'),
    // hubspot-properties.md §2 (enumeration/select). HubSpot fills it from the contact's secondary e-mails,
    // which are added through the secondary-email API since writes to the property were deprecated
    // (2023: github.com/jpetrucciani/hubspot3/pull/136; legacydocs "add a secondary email address").
    readOnly(choice('hs_additional_emails', 'Additional email addresses', 'select', [])),
    datetime('closedate', 'Close Date'),
    choice('hs_language', 'Preferred language', 'select', [
      ['en', 'English'],
      ['de', 'German'],
      ['fr', 'French'],
      ['es', 'Spanish'],
      ['nl', 'Dutch'],
      ['it', 'Italian'],
      ['pt', 'Portuguese'],
    ]),
    readOnly(num('hubspotscore', 'HubSpot Score')),
    readOnly(num('num_associated_deals', 'Number of Associated Deals')),
    readOnly(num('num_notes', 'Number of Sales Activities')),
    readOnly(datetime('notes_last_updated', 'Last Activity Date')),
    readOnly(bool('hs_email_optout', 'Unsubscribed from all email')),
  ],
  companies: [
    text('name', 'Company name'),
    text('domain', 'Company Domain Name'),
    text('website', 'Website URL'),
    phone('phone', 'Phone Number'),
    text('address', 'Street Address'),
    text('address2', 'Street Address 2'),
    text('city', 'City'),
    text('state', 'State/Region'),
    text('zip', 'Postal Code'),
    text('country', 'Country/Region'),
    textarea('description', 'Description'),
    text('about_us', 'About Us'),
    text('founded_year', 'Year Founded'),
    text('linkedin_company_page', 'LinkedIn Company Page'),
    INDUSTRY,
    choice('type', 'Type', 'radio', [
      ['PROSPECT', 'Prospect'],
      ['PARTNER', 'Partner'],
      ['RESELLER', 'Reseller'],
      ['VENDOR', 'Vendor'],
      ['OTHER', 'Other'],
    ]),
    LIFECYCLE,
    LEAD_STATUS,
    num('annualrevenue', 'Annual Revenue'),
    num('numberofemployees', 'Number of Employees'),
    owner('Company owner'),
    bool('is_public', 'Is Public'),
    readOnly(num('num_associated_contacts', 'Number of Associated Contacts')),
    readOnly(num('num_associated_deals', 'Number of Associated Deals')),
    readOnly(datetime('notes_last_updated', 'Last Activity Date')),
  ],
  deals: [
    text('dealname', 'Deal Name'),
    num('amount', 'Amount'),
    datetime('closedate', 'Close Date'),
    { ...choice('dealstage', 'Deal Stage', 'radio', []), external: 'STAGE' },
    { ...choice('pipeline', 'Pipeline', 'select', []), external: 'PIPELINE' },
    choice('dealtype', 'Deal Type', 'radio', [
      ['newbusiness', 'New Business'],
      ['existingbusiness', 'Existing Business'],
    ]),
    textarea('description', 'Deal Description'),
    textarea('closed_lost_reason', 'Closed Lost Reason'),
    textarea('closed_won_reason', 'Closed Won Reason'),
    owner('Deal owner'),
    { ...choice('deal_currency_code', 'Currency', 'select', []), external: 'CURRENCY' },
    choice('hs_priority', 'Priority', 'select', [
      ['low', 'Low'],
      ['medium', 'Medium'],
      ['high', 'High'],
    ]),
    textarea('hs_next_step', 'Next step'),
    readOnly(num('hs_deal_stage_probability', 'Deal probability')),
    readOnly(num('amount_in_home_currency', 'Amount in company currency')),
    readOnly(bool('hs_is_closed', 'Is Deal Closed?')),
    readOnly(bool('hs_is_closed_won', 'Is Closed Won')),
    readOnly(bool('hs_is_closed_lost', 'Is closed lost')),
    readOnly(num('num_associated_contacts', 'Number of Contacts')),
    readOnly(datetime('notes_last_updated', 'Last Activity Date')),
  ],
  products: [
    text('name', 'Name'),
    textarea('description', 'Description'),
    num('price', 'Unit price'),
    text('hs_sku', 'SKU'),
    num('hs_cost_of_goods_sold', 'Unit cost'),
    text('hs_recurring_billing_period', 'Term'),
    num('tax', 'Tax'),
    text('hs_url', 'URL'),
    choice('recurringbillingfrequency', 'Billing frequency', 'select', [
      ['weekly', 'Weekly'],
      ['biweekly', 'Biweekly'],
      ['monthly', 'Monthly'],
      ['quarterly', 'Quarterly'],
      ['per_six_months', 'Every six months'],
      ['annually', 'Annually'],
      ['per_two_years', 'Every two years'],
      ['per_three_years', 'Every three years'],
    ]),
    choice('hs_product_type', 'Product type', 'select', [
      ['inventory', 'Inventory'],
      ['non_inventory', 'Non-inventory'],
      ['service', 'Service'],
    ]),
  ],
  line_items: [
    text('name', 'Name'),
    textarea('description', 'Description'),
    num('quantity', 'Quantity'),
    num('price', 'Unit price'),
    num('discount', 'Unit discount'),
    num('hs_discount_percentage', 'Discount Percentage'),
    num('hs_product_id', 'Product ID'),
    text('hs_sku', 'SKU'),
    text('hs_recurring_billing_period', 'Term'),
    num('hs_term_in_months', 'Term (months)'),
    { ...choice('hs_line_item_currency_code', 'Currency', 'select', []), external: 'CURRENCY' },
    readOnly(num('amount', 'Net price')),
  ],
  calls: [
    ...ENGAGEMENT_COMMON,
    text('hs_call_title', 'Call Title'),
    html('hs_call_body', 'Call notes'),
    num('hs_call_duration', 'Call duration'),
    text('hs_call_from_number', 'From Number'),
    text('hs_call_to_number', 'To Number'),
    text('hs_call_recording_url', 'Recording URL'),
    text('hs_activity_type', 'Call and meeting type'),
    choice('hs_call_direction', 'Call direction', 'select', [
      ['INBOUND', 'Inbound'],
      ['OUTBOUND', 'Outbound'],
    ]),
    choice(
      'hs_call_status',
      'Call status',
      'select',
      upper([
        'BUSY',
        'CALLING_CRM_USER',
        'CANCELED',
        'COMPLETED',
        'CONNECTING',
        'FAILED',
        'IN_PROGRESS',
        'MISSED',
        'NO_ANSWER',
        'QUEUED',
        'RINGING',
      ]),
    ),
    choice('hs_call_disposition', 'Call outcome', 'select', [
      ['9d9162e7-6cf3-4944-bf63-4dff82258764', 'Busy'],
      ['f240bbac-87c9-4f6e-bf70-924b57d47db7', 'Connected'],
      ['a4c4c377-d246-4b32-a13b-75a56a4cd0ff', 'Left live message'],
      ['b2cf5968-551e-4856-9783-52b3da59a7d0', 'Left voicemail'],
      ['73a0d17f-1163-4015-bdd5-ec830791da20', 'No answer'],
      ['17b47fee-58de-441e-a44c-c6300d46f273', 'Wrong number'],
    ]),
  ],
  emails: [
    ...ENGAGEMENT_COMMON,
    text('hs_email_subject', 'Email subject'),
    textarea('hs_email_text', 'Email body'),
    html('hs_email_html', 'Email HTML'),
    textarea('hs_email_headers', 'Email headers'),
    choice('hs_email_direction', 'Email direction', 'select', [
      ['EMAIL', 'Logged from CRM'],
      ['INCOMING_EMAIL', 'Incoming email'],
      ['FORWARDED_EMAIL', 'Forwarded email'],
    ]),
    choice(
      'hs_email_status',
      'Email send status',
      'select',
      upper(['BOUNCED', 'FAILED', 'SCHEDULED', 'SENDING', 'SENT']),
    ),
    readOnly(text('hs_email_from_email', 'From email')),
    readOnly(text('hs_email_to_email', 'To email')),
  ],
  meetings: [
    ...ENGAGEMENT_COMMON,
    text('hs_meeting_title', 'Meeting name'),
    html('hs_meeting_body', 'Meeting description'),
    html('hs_internal_meeting_notes', 'Internal meeting notes'),
    text('hs_meeting_external_url', 'External URL'),
    text('hs_meeting_location', 'Location'),
    datetime('hs_meeting_start_time', 'Start Time'),
    datetime('hs_meeting_end_time', 'End Time'),
    text('hs_activity_type', 'Call and meeting type'),
    choice(
      'hs_meeting_outcome',
      'Meeting outcome',
      'select',
      upper(['SCHEDULED', 'COMPLETED', 'RESCHEDULED', 'NO_SHOW', 'CANCELED']),
    ),
  ],
  notes: [...ENGAGEMENT_COMMON, html('hs_note_body', 'Note body')],
  tasks: [
    ...ENGAGEMENT_COMMON,
    text('hs_task_subject', 'Task Title'),
    html('hs_task_body', 'Notes'),
    choice(
      'hs_task_status',
      'Task Status',
      'select',
      upper(['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED']),
    ),
    choice('hs_task_priority', 'Priority', 'select', upper(['NONE', 'LOW', 'MEDIUM', 'HIGH'])),
    choice('hs_task_type', 'Task Type', 'select', upper(['EMAIL', 'CALL', 'TODO', 'LINKED_IN'])),
    text('hs_task_reminders', 'Reminder'),
    readOnly(datetime('hs_task_completion_date', 'Completed at')),
    readOnly(bool('hs_task_is_completed', 'Task is completed')),
  ],
};

/** Each object's default group: `<singular>information`, as HubSpot names them (contactinformation, dealinformation, …). */
export const defaultGroupName = (type: ObjectType): string => `${type.singular.replace('_', '')}information`;

export function defaultGroups(type: ObjectType): PropertyGroup[] {
  const label = type.singular.replace('_', ' ');
  return [
    {
      name: defaultGroupName(type),
      label: `${label.charAt(0).toUpperCase()}${label.slice(1)} information`,
      displayOrder: -1,
      archived: false,
    },
  ];
}

export function defaultProperties(type: ObjectType, at: string): PropertyDefinition[] {
  return [...SPECS[type.name], ...systemProperties(type)].map((spec, index) => ({
    name: spec.name,
    label: spec.label,
    type: spec.type,
    fieldType: spec.fieldType,
    description: '',
    groupName: defaultGroupName(type),
    options: (spec.options ?? []).map(([value, label], displayOrder) => ({
      label,
      value,
      displayOrder,
      hidden: false,
    })),
    displayOrder: index,
    calculated: spec.readOnly === true,
    externalOptions: spec.external !== undefined,
    hasUniqueValue: false,
    hidden: false,
    hubspotDefined: true,
    formField: !spec.readOnly,
    archived: false,
    createdAt: at,
    updatedAt: at,
    ...(spec.external === 'OWNER' ? { referencedObjectType: 'OWNER' } : {}),
    modificationMetadata: {
      archivable: false,
      readOnlyDefinition: true,
      readOnlyValue: spec.readOnly === true,
      readOnlyOptions: spec.external !== undefined,
    },
  }));
}

export type ExternalSource = NonNullable<Spec['external']>;

/** Default properties whose options live elsewhere, by name (owner properties are found by referencedObjectType). */
const EXTERNAL_BY_NAME = new Map<string, ExternalSource>(
  Object.values(SPECS)
    .flat()
    .flatMap((spec) => (spec.external && spec.external !== 'OWNER' ? [[spec.name, spec.external] as const] : [])),
);

/** Which store an externalOptions property takes its values from (owners, pipelines, stages, currencies). */
export function externalSource(property: PropertyDefinition): ExternalSource | undefined {
  if (!property.externalOptions) return undefined;
  if (property.referencedObjectType === 'OWNER') return 'OWNER';
  return EXTERNAL_BY_NAME.get(property.name);
}
