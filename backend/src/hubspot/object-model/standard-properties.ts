import {
  BOOL,
  CHECKBOX,
  DATETIME,
  HTML,
  type HubSpotObjectType,
  NUMBER,
  PHONE,
  type PropertyKind,
  RADIO,
  SELECT,
  TEXT,
  TEXTAREA,
} from './property-kinds.js';

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

/** From docs/notes/hubspot-crm.md, Default properties (labels and type/fieldType as HubSpot reports them). */
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
