import type { SourceId } from '../../../shared/src/contracts/index.js';

/**
 * The shape of a source's mapping rules, and the HubSpot side every source maps onto. A source's rules
 * are plain data of these types (sources/<source>/mapping-rules.ts); transfer/audit/map-catalog.ts
 * applies any of them to a catalog, so Zoho CRM, Salesforce and ActiveCampaign are more data, not code.
 */

export type HubSpotObjectType = 'contacts' | 'companies' | 'deals' | 'products' | 'calls' | 'meetings' | 'tasks' | 'emails' | 'notes';

/** A HubSpot property type with the fieldTypes HubSpot accepts for it (properties guide), so an invalid pair does not compile. */
export type PropertyKind =
  | { type: 'string'; fieldType: 'text' | 'textarea' | 'html' | 'phonenumber' }
  | { type: 'number'; fieldType: 'number' }
  | { type: 'date' | 'datetime'; fieldType: 'date' }
  | { type: 'bool'; fieldType: 'booleancheckbox' }
  | { type: 'enumeration'; fieldType: 'select' | 'checkbox' | 'radio' };

export const TEXT: PropertyKind = { type: 'string', fieldType: 'text' };
export const TEXTAREA: PropertyKind = { type: 'string', fieldType: 'textarea' };
export const HTML: PropertyKind = { type: 'string', fieldType: 'html' };
export const PHONE: PropertyKind = { type: 'string', fieldType: 'phonenumber' };
export const NUMBER: PropertyKind = { type: 'number', fieldType: 'number' };
export const DATE: PropertyKind = { type: 'date', fieldType: 'date' };
export const DATETIME: PropertyKind = { type: 'datetime', fieldType: 'date' };
export const BOOL: PropertyKind = { type: 'bool', fieldType: 'booleancheckbox' };
export const SELECT: PropertyKind = { type: 'enumeration', fieldType: 'select' };
export const CHECKBOX: PropertyKind = { type: 'enumeration', fieldType: 'checkbox' };
export const RADIO: PropertyKind = { type: 'enumeration', fieldType: 'radio' };

/**
 * One part of a split value (range end, address city, monetary currency). `key` ends the property name
 * after a double underscore; it must contain a letter outside a–f so it can never read as the hash
 * part of a name (see map-catalog's property names).
 */
export interface ValuePart {
  key: string;
  label: string;
}

/** Where (a part of) a source field's value goes in HubSpot. */
export type TargetRule =
  /** A HubSpot default property of the row's object, by name (label and type come from HUBSPOT_OBJECTS). */
  | { to: 'standard'; name: string }
  /** A property setup creates, named after the source field's key and labelled with its label (or `label`). */
  | { to: 'created'; kind: PropertyKind; part?: ValuePart; label?: string; options?: 'source' | 'activity-types' }
  /** A HubSpot owner: the record's owner (hubspot_owner_id) or a created owner property. */
  | { to: 'owner'; property: 'standard' | 'created' }
  /** An association to a record of `object`; `primary` where HubSpot has a primary label for the pair. */
  | { to: 'association'; object: HubSpotObjectType; primary?: boolean }
  | { to: 'pipeline' }
  | { to: 'stage' };

/** The verdict for one source field: where its value goes (and what changes on the way), or why it cannot go. */
export type FieldRule = { targets: readonly TargetRule[]; reason?: string } | { unsupported: string };

/** One row of the audit: (part of) a source object and the HubSpot object it becomes. */
export interface ObjectRule {
  key: string;
  label: string;
  /** The catalog object the row reads. */
  source: string;
  hubspotObject: HubSpotObjectType;
  /** Names the row's created properties and their group, e.g. `deal` → `pipedrive_deal_…`; lowercase letters only. */
  singular: string;
  /** Rules for the source's built-in fields, by field key; they win over `commonFields` and the type rules. */
  fields: Readonly<Record<string, FieldRule>>;
}

/** Activities are one source object that becomes several HubSpot objects, chosen by the activity's type. */
export interface ActivityRouting {
  /** The catalog object whose records are split by type. */
  source: string;
  byType: Readonly<Record<string, HubSpotObjectType>>;
  /** Where every other (custom) type goes. */
  otherTypes: HubSpotObjectType;
}

export interface PipelineRules {
  /** The closed stages HubSpot needs in every deal pipeline; won and lost deals go there. */
  closedStages: readonly { label: string; probability: number }[];
  /** The percent assumed for a stage whose source does not track a probability. */
  unknownProbabilityPercent: number;
}

export interface SourceMappingRules {
  source: SourceId;
  /** As users know the app, e.g. "Pipedrive"; used in created group labels and to tell labels apart. */
  sourceName: string;
  /** Starts every created property name; lowercase letters only. */
  propertyPrefix: string;
  objects: readonly ObjectRule[];
  /** Catalog objects the transfer leaves out, with the reason the audit shows. */
  notTransferred: Readonly<Record<string, string>>;
  activities: ActivityRouting;
  /** Built-in fields found on many objects (add_time, counts, …), by key; an object's own `fields` win. */
  commonFields: Readonly<Record<string, FieldRule>>;
  /** By the source's field type: every custom field and any built-in field without a rule of its own. */
  fieldTypes: Readonly<Record<string, FieldRule>>;
  pipelines: PipelineRules;
}

type StandardProperties = Readonly<Record<string, readonly [label: string, kind: PropertyKind]>>;

export interface HubSpotObjectInfo {
  label: string;
  singular: string;
  /**
   * HubSpot's default properties that rules map to, plus the other common ones: their labels are taken,
   * so a created property with the same label gets told apart (HubSpot wants labels unique per object).
   */
  properties: StandardProperties;
}

const ADDRESS_PROPERTIES: StandardProperties = {
  address: ['Street Address', TEXT],
  city: ['City', TEXT],
  state: ['State/Region', TEXT],
  zip: ['Postal Code', TEXT],
  country: ['Country/Region', TEXT],
};

const RECORD_PROPERTIES: StandardProperties = {
  hs_object_id: ['Record ID', NUMBER],
  createdate: ['Create Date', DATETIME],
};

const ENGAGEMENT_PROPERTIES: StandardProperties = {
  hs_timestamp: ['Activity date', DATETIME],
  hubspot_owner_id: ['Activity assigned to', SELECT],
  hs_attachment_ids: ['Attached file IDs', TEXT],
  hs_object_id: ['Record ID', NUMBER],
};

/** From docs/reference/hubspot-properties.md §2 (labels and type/fieldType as HubSpot reports them). */
export const HUBSPOT_OBJECTS: Readonly<Record<HubSpotObjectType, HubSpotObjectInfo>> = {
  contacts: {
    label: 'Contacts',
    singular: 'Contact',
    properties: {
      ...RECORD_PROPERTIES,
      ...ADDRESS_PROPERTIES,
      email: ['Email', TEXT],
      hs_additional_emails: ['Additional email addresses', SELECT],
      firstname: ['First Name', TEXT],
      lastname: ['Last Name', TEXT],
      salutation: ['Salutation', TEXT],
      phone: ['Phone Number', PHONE],
      mobilephone: ['Mobile Phone Number', PHONE],
      fax: ['Fax Number', TEXT],
      jobtitle: ['Job Title', TEXT],
      company: ['Company Name', TEXT],
      website: ['Website URL', TEXT],
      industry: ['Industry', TEXT],
      annualrevenue: ['Annual Revenue', TEXT],
      date_of_birth: ['Date of birth', TEXT],
      message: ['Message', TEXTAREA],
      lifecyclestage: ['Lifecycle Stage', RADIO],
      hs_lead_status: ['Lead Status', RADIO],
      hubspot_owner_id: ['Contact owner', SELECT],
      closedate: ['Close Date', DATETIME],
      lastmodifieddate: ['Last Modified Date', DATETIME],
      hs_language: ['Preferred language', SELECT],
    },
  },
  companies: {
    label: 'Companies',
    singular: 'Company',
    properties: {
      ...RECORD_PROPERTIES,
      ...ADDRESS_PROPERTIES,
      name: ['Company name', TEXT],
      domain: ['Company Domain Name', TEXT],
      hs_additional_domains: ['Additional Domains', CHECKBOX],
      website: ['Website URL', TEXT],
      phone: ['Phone Number', PHONE],
      address2: ['Street Address 2', TEXT],
      description: ['Description', TEXTAREA],
      about_us: ['About Us', TEXT],
      founded_year: ['Year Founded', TEXT],
      linkedin_company_page: ['LinkedIn Company Page', TEXT],
      industry: ['Industry', SELECT],
      type: ['Type', RADIO],
      lifecyclestage: ['Lifecycle Stage', RADIO],
      hs_lead_status: ['Lead Status', RADIO],
      annualrevenue: ['Annual Revenue', NUMBER],
      numberofemployees: ['Number of Employees', NUMBER],
      hubspot_owner_id: ['Company owner', SELECT],
      is_public: ['Is Public', BOOL],
      hs_lastmodifieddate: ['Last Modified Date', DATETIME],
    },
  },
  deals: {
    label: 'Deals',
    singular: 'Deal',
    properties: {
      ...RECORD_PROPERTIES,
      dealname: ['Deal Name', TEXT],
      amount: ['Amount', NUMBER],
      closedate: ['Close Date', DATETIME],
      dealstage: ['Deal Stage', RADIO],
      pipeline: ['Pipeline', SELECT],
      dealtype: ['Deal Type', RADIO],
      description: ['Deal Description', TEXTAREA],
      closed_lost_reason: ['Closed Lost Reason', TEXTAREA],
      closed_won_reason: ['Closed Won Reason', TEXTAREA],
      hubspot_owner_id: ['Deal owner', SELECT],
      deal_currency_code: ['Currency', SELECT],
      hs_priority: ['Priority', SELECT],
      hs_next_step: ['Next step', TEXTAREA],
      hs_deal_stage_probability: ['Deal probability', NUMBER],
      hs_lastmodifieddate: ['Last Modified Date', DATETIME],
    },
  },
  products: {
    label: 'Products',
    singular: 'Product',
    properties: {
      ...RECORD_PROPERTIES,
      name: ['Name', TEXT],
      description: ['Description', TEXTAREA],
      price: ['Unit price', NUMBER],
      hs_sku: ['SKU', TEXT],
      hs_cost_of_goods_sold: ['Unit cost', NUMBER],
      hs_recurring_billing_period: ['Term', TEXT],
      recurringbillingfrequency: ['Billing frequency', SELECT],
      tax: ['Tax', NUMBER],
      hs_url: ['URL', TEXT],
      hs_product_type: ['Product type', SELECT],
      hs_lastmodifieddate: ['Last Modified Date', DATETIME],
    },
  },
  calls: {
    label: 'Calls',
    singular: 'Call',
    properties: {
      ...ENGAGEMENT_PROPERTIES,
      hs_call_title: ['Call Title', TEXT],
      hs_call_body: ['Call notes', HTML],
      hs_call_duration: ['Call duration', NUMBER],
      hs_call_status: ['Call status', SELECT],
      hs_call_direction: ['Call direction', SELECT],
      hs_call_disposition: ['Call outcome', SELECT],
      hs_activity_type: ['Call and meeting type', TEXT],
    },
  },
  meetings: {
    label: 'Meetings',
    singular: 'Meeting',
    properties: {
      ...ENGAGEMENT_PROPERTIES,
      hs_meeting_title: ['Meeting name', TEXT],
      hs_meeting_body: ['Meeting description', HTML],
      hs_internal_meeting_notes: ['Internal meeting notes', HTML],
      hs_meeting_location: ['Location', TEXT],
      hs_meeting_start_time: ['Start Time', DATETIME],
      hs_meeting_end_time: ['End Time', DATETIME],
      hs_meeting_outcome: ['Meeting outcome', SELECT],
      hs_activity_type: ['Call and meeting type', TEXT],
    },
  },
  tasks: {
    label: 'Tasks',
    singular: 'Task',
    properties: {
      ...ENGAGEMENT_PROPERTIES,
      hs_task_subject: ['Task Title', TEXT],
      hs_task_body: ['Notes', HTML],
      hs_task_status: ['Task Status', SELECT],
      hs_task_priority: ['Priority', SELECT],
      hs_task_type: ['Task Type', SELECT],
      hs_task_completion_date: ['Completed at', DATETIME],
    },
  },
  emails: {
    label: 'Emails',
    singular: 'Email',
    properties: {
      ...ENGAGEMENT_PROPERTIES,
      hs_email_subject: ['Email subject', TEXT],
      hs_email_text: ['Email body', TEXTAREA],
      hs_email_html: ['Email HTML', HTML],
      hs_email_direction: ['Email direction', SELECT],
      hs_email_status: ['Email send status', SELECT],
    },
  },
  notes: {
    label: 'Notes',
    singular: 'Note',
    properties: { ...ENGAGEMENT_PROPERTIES, hs_note_body: ['Note body', HTML] },
  },
};

const ENGAGEMENTS = ['calls', 'meetings', 'tasks', 'emails', 'notes'] as const;
const RECORDS = ['contacts', 'companies', 'deals'] as const;

/**
 * Object pairs HubSpot associates by default (association type ids in api-contracts.md A.6). Products
 * associate with nothing (line items carry them to deals); engagements with contacts, companies and deals.
 */
const ASSOCIABLE = new Set<string>([
  ...RECORDS.flatMap((from) => RECORDS.map((to) => `${from}>${to}`)),
  ...ENGAGEMENTS.flatMap((engagement) => RECORDS.flatMap((record) => [`${engagement}>${record}`, `${record}>${engagement}`])),
]);

export function canAssociate(from: HubSpotObjectType, to: HubSpotObjectType): boolean {
  return ASSOCIABLE.has(`${from}>${to}`);
}
