/**
 * The built-in (non-custom) fields of each object, as an account starts with them. field_code is the
 * record key in API v2; options of built-in fields have string ids, as the v2 fields schema says.
 */
import type { FieldEntity, FieldType } from './types.js';

/** Option labels; a label's id is its position + 1 unless the pair gives it. */
type Options = readonly (string | readonly [id: number, label: string])[];
type BuiltIn = readonly [key: string, name: string, type: FieldType, options?: Options];

const VISIBILITY: Options = [
  [1, 'Owner & followers'],
  [3, 'Entire company'],
];
/** Note flags are enum fields with Yes = 1 and No = 0 (the noteFields example). */
const YES_NO: Options = [
  [1, 'Yes'],
  [0, 'No'],
];

/** Labels whose position + 1 is the option id (label_ids on records refer to these ids). */
export const DEAL_LABELS = ['Hot', 'Warm', 'Cold', '🔥 Priority'] as const;
export const PERSON_LABELS = ['Customer', 'Hot lead', 'Warm lead', 'Cold lead'] as const;
export const ORGANIZATION_LABELS = ['Customer', 'Partner', 'Prospect', 'Competitor'] as const;
export const INDUSTRIES = [
  'Software',
  'Manufacturing',
  'Retail',
  'Healthcare',
  'Finance',
  'Education',
  'Logistics',
] as const;
export const PRODUCT_CATEGORIES = ['Hardware', 'Software', 'Services', 'Training'] as const;
export const DEAL_CHANNELS = ['Website', 'Referral', 'Event', 'Cold outreach', 'Partner'] as const;

const BUILT_IN: Record<FieldEntity, readonly BuiltIn[]> = {
  deal: [
    ['title', 'Title', 'varchar'],
    ['creator_user_id', 'Creator', 'user'],
    ['owner_id', 'Owner', 'user'],
    ['value', 'Value', 'monetary'],
    ['person_id', 'Contact person', 'people'],
    ['org_id', 'Organization', 'org'],
    ['pipeline_id', 'Pipeline', 'double'],
    ['stage_id', 'Stage', 'stage'],
    ['status', 'Status', 'status', ['Open', 'Won', 'Lost', 'Deleted']],
    ['probability', 'Deal probability', 'double'],
    ['lost_reason', 'Lost reason', 'varchar_options'],
    ['visible_to', 'Visible to', 'visible_to', VISIBILITY],
    ['add_time', 'Deal created', 'date'],
    ['update_time', 'Update time', 'date'],
    ['stage_change_time', 'Last stage change', 'date'],
    ['close_time', 'Deal closed on', 'date'],
    ['won_time', 'Won time', 'date'],
    ['lost_time', 'Lost time', 'date'],
    ['expected_close_date', 'Expected close date', 'date'],
    ['label_ids', 'Label', 'set', DEAL_LABELS],
    ['origin', 'Source origin', 'varchar'],
    ['channel', 'Source channel', 'enum', DEAL_CHANNELS],
    ['channel_id', 'Source channel ID', 'varchar'],
  ],
  person: [
    ['name', 'Name', 'varchar'],
    ['first_name', 'First name', 'varchar'],
    ['last_name', 'Last name', 'varchar'],
    ['owner_id', 'Owner', 'user'],
    ['org_id', 'Organization', 'org'],
    ['emails', 'Email', 'varchar'],
    ['phones', 'Phone', 'phone'],
    ['label_ids', 'Labels', 'set', PERSON_LABELS],
    ['visible_to', 'Visible to', 'visible_to', VISIBILITY],
    ['add_time', 'Person created', 'date'],
    ['update_time', 'Update time', 'date'],
    ['job_title', 'Job title', 'varchar'],
    ['birthday', 'Birthday', 'date'],
    ['postal_address', 'Postal address', 'address'],
    ['notes', 'Notes', 'text'],
    ['im', 'Instant messenger', 'varchar'],
    ['picture_id', 'Profile picture', 'picture'],
  ],
  organization: [
    ['name', 'Name', 'varchar'],
    ['owner_id', 'Owner', 'user'],
    ['address', 'Address', 'address'],
    ['label_ids', 'Labels', 'set', ORGANIZATION_LABELS],
    ['visible_to', 'Visible to', 'visible_to', VISIBILITY],
    ['website', 'Website', 'varchar'],
    ['linkedin', 'LinkedIn profile', 'varchar'],
    ['industry', 'Industry', 'enum', INDUSTRIES],
    ['annual_revenue', 'Annual revenue', 'int'],
    ['employee_count', 'Number of employees', 'int'],
    ['add_time', 'Organization created', 'date'],
    ['update_time', 'Update time', 'date'],
  ],
  product: [
    ['name', 'Name', 'varchar'],
    ['code', 'Product code', 'varchar'],
    ['description', 'Description', 'text'],
    ['unit', 'Unit', 'varchar'],
    ['tax', 'Tax', 'double'],
    ['category', 'Category', 'enum', PRODUCT_CATEGORIES],
    ['owner_id', 'Owner', 'user'],
    ['is_linkable', 'Linkable', 'boolean'],
    ['visible_to', 'Visible to', 'visible_to', VISIBILITY],
    ['prices', 'Price', 'price_list'],
    ['billing_frequency', 'Billing frequency', 'billing_frequency'],
    ['add_time', 'Product created', 'date'],
    ['update_time', 'Update time', 'date'],
  ],
  activity: [
    ['subject', 'Subject', 'varchar'],
    ['type', 'Type', 'varchar'],
    ['due_date', 'Due date', 'date'],
    ['due_time', 'Due time', 'time'],
    ['duration', 'Duration', 'time'],
    ['owner_id', 'Assigned to user', 'user'],
    ['deal_id', 'Deal', 'deal'],
    ['lead_id', 'Lead', 'lead'],
    ['person_id', 'Contact person', 'people'],
    ['org_id', 'Organization', 'org'],
    ['project_id', 'Project', 'project'],
    ['done', 'Done', 'boolean'],
    ['busy', 'Free/busy', 'boolean'],
    ['note', 'Note', 'text'],
    ['location', 'Location', 'address'],
    ['public_description', 'Public description', 'text'],
    ['priority', 'Priority', 'enum', ['High', 'Medium', 'Low']],
    ['add_time', 'Add time', 'date'],
    ['update_time', 'Update time', 'date'],
  ],
  // The v1 noteFields schema allows no `deal`/`lead` field types, so the deal and lead links are not listed.
  note: [
    ['content', 'Content', 'text'],
    ['person_id', 'Person', 'people'],
    ['org_id', 'Organization', 'org'],
    ['user_id', 'User', 'user'],
    ['add_time', 'Add time', 'date'],
    ['pinned_to_deal_flag', 'Pinned to deal', 'enum', YES_NO],
    ['pinned_to_person_flag', 'Pinned to person', 'enum', YES_NO],
    ['pinned_to_organization_flag', 'Pinned to organization', 'enum', YES_NO],
  ],
};

export interface BuiltInField {
  key: string;
  name: string;
  type: FieldType;
  options: { id: number; label: string }[] | undefined;
}

export function builtInFields(entity: FieldEntity): BuiltInField[] {
  return BUILT_IN[entity].map(([key, name, type, options]) => ({
    key,
    name,
    type,
    options: options?.map((option, index) =>
      typeof option === 'string' ? { id: index + 1, label: option } : { id: option[0], label: option[1] },
    ),
  }));
}
