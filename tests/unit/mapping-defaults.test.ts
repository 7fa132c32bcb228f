import { describe, expect, it } from '@jest/globals';
import type { SourceField } from '../../backend/src/sources/connector.js';
import { PIPEDRIVE_RULES } from '../../backend/src/sources/pipedrive/mapping-rules.js';
import { catalogOf, customField, described, everyTypeEverywhere, fieldOf, mapPipedrive, objectOf } from './mapping-fixtures.js';

const mapped = mapPipedrive(everyTypeEverywhere());
const targetsOf = (row: string, key: string) => described(fieldOf(mapped, row, key));
const builtIn = (key: string, type: string): SourceField => ({ key, label: key, type, isCustom: false, options: null, subfields: null, mandatory: false });

describe('Pipedrive objects', () => {
  it('become contacts, companies, deals, products, the four activity objects and notes', () => {
    expect(mapped.objects.map((row) => [row.key, row.sourceObject, row.hubspotObject, row.hubspotLabel])).toEqual([
      ['persons', 'persons', 'contacts', 'Contacts'],
      ['organizations', 'organizations', 'companies', 'Companies'],
      ['deals', 'deals', 'deals', 'Deals'],
      ['products', 'products', 'products', 'Products'],
      ['call_activities', 'activities', 'calls', 'Calls'],
      ['meeting_activities', 'activities', 'meetings', 'Meetings'],
      ['task_activities', 'activities', 'tasks', 'Tasks'],
      ['email_activities', 'activities', 'emails', 'Emails'],
      ['notes', 'notes', 'notes', 'Notes'],
    ]);
  });

  it('groups created properties per source object', () => {
    expect(mapped.objects.find((row) => row.key === 'persons')?.propertyGroup).toEqual({ name: 'pipedrive_person', label: 'Pipedrive person fields' });
    expect(mapped.objects.find((row) => row.key === 'task_activities')?.propertyGroup).toEqual({
      name: 'pipedrive_activity',
      label: 'Pipedrive activity fields',
    });
  });

  it('lists catalog objects it does not transfer, with a reason, and skips rows the catalog lacks', () => {
    const leads = { key: 'leads', label: 'Leads', fields: [] };
    const invoices = { key: 'invoices', label: 'Invoices', fields: [] };
    const result = mapPipedrive(catalogOf([objectOf('deal'), leads, invoices]));
    expect(result.objects.map((row) => row.key)).toEqual(['deals']);
    expect(result.notTransferred).toEqual([
      { key: 'leads', label: 'Leads', reason: expect.stringContaining('convert the leads') },
      { key: 'invoices', label: 'Invoices', reason: 'Smart Transfer does not transfer Pipedrive invoices yet.' },
    ]);
  });
});

describe('built-in person fields', () => {
  it('map to the contact properties HubSpot already has', () => {
    expect(targetsOf('persons', 'name')).toEqual(['standard contacts.firstname string/text', 'standard contacts.lastname string/text']);
    expect(targetsOf('persons', 'first_name')).toEqual(['standard contacts.firstname string/text']);
    expect(targetsOf('persons', 'last_name')).toEqual(['standard contacts.lastname string/text']);
    expect(targetsOf('persons', 'emails')).toEqual(['standard contacts.email string/text', 'standard contacts.hs_additional_emails enumeration/select']);
    expect(targetsOf('persons', 'phones')).toEqual([
      'standard contacts.phone string/phonenumber',
      'standard contacts.mobilephone string/phonenumber',
      'created contacts.pipedrive_person_phones string/textarea',
    ]);
    expect(targetsOf('persons', 'job_title')).toEqual(['standard contacts.jobtitle string/text']);
    expect(targetsOf('persons', 'birthday')).toEqual(['standard contacts.date_of_birth string/text']);
    expect(targetsOf('persons', 'postal_address')).toEqual(
      ['address', 'city', 'state', 'zip', 'country'].map((name) => `standard contacts.${name} string/text`),
    );
  });

  it('make the owner the contact owner and the organization the primary company', () => {
    expect(targetsOf('persons', 'owner_id')).toEqual(['owner contacts.hubspot_owner_id enumeration/select']);
    expect(targetsOf('persons', 'org_id')).toEqual(['association companies.primary association/HUBSPOT_DEFINED']);
  });

  it('keep Pipedrive timestamps with their time of day', () => {
    expect(targetsOf('persons', 'add_time')).toEqual(['created contacts.pipedrive_person_add_time datetime/date']);
    expect(fieldOf(mapped, 'persons', 'add_time').targets[0]?.label).toBe('Person created');
  });

  it('refuse visibility and pictures with a reason', () => {
    for (const key of ['visible_to', 'picture_id']) {
      expect(fieldOf(mapped, 'persons', key)).toMatchObject({ supported: false, targets: [], reason: expect.any(String) });
    }
  });
});

describe('built-in organization fields', () => {
  it('map to company properties: name, domain from the website, address, revenue, employees', () => {
    expect(targetsOf('organizations', 'name')).toEqual(['standard companies.name string/text']);
    expect(targetsOf('organizations', 'website')).toEqual(['standard companies.domain string/text', 'standard companies.website string/text']);
    expect(targetsOf('organizations', 'address')).toEqual(
      ['address', 'city', 'state', 'zip', 'country'].map((name) => `standard companies.${name} string/text`),
    );
    expect(targetsOf('organizations', 'annual_revenue')).toEqual(['standard companies.annualrevenue number/number']);
    expect(targetsOf('organizations', 'employee_count')).toEqual(['standard companies.numberofemployees number/number']);
    expect(targetsOf('organizations', 'owner_id')).toEqual(['owner companies.hubspot_owner_id enumeration/select']);
  });

  it('keep Pipedrive’s industry list as its own dropdown: HubSpot’s industry values are fixed', () => {
    expect(targetsOf('organizations', 'industry')).toEqual(['created companies.pipedrive_organization_industry enumeration/select']);
  });
});

describe('built-in deal fields', () => {
  it('map title, value and currency, owner, pipeline and stage', () => {
    expect(targetsOf('deals', 'title')).toEqual(['standard deals.dealname string/text']);
    expect(targetsOf('deals', 'value')).toEqual(['standard deals.amount number/number', 'standard deals.deal_currency_code enumeration/select']);
    expect(targetsOf('deals', 'owner_id')).toEqual(['owner deals.hubspot_owner_id enumeration/select']);
    expect(targetsOf('deals', 'pipeline_id')).toEqual(['pipeline deals.pipeline enumeration/select']);
    expect(targetsOf('deals', 'stage_id')).toEqual(['stage deals.dealstage enumeration/radio', 'created deals.pipedrive_deal_stage_id string/text']);
    expect(targetsOf('deals', 'status')).toEqual(['stage deals.dealstage enumeration/radio']);
    expect(targetsOf('deals', 'lost_reason')).toEqual(['standard deals.closed_lost_reason string/textarea']);
  });

  it('make the person and the organization associations', () => {
    expect(targetsOf('deals', 'person_id')).toEqual(['association contacts.unlabeled association/HUBSPOT_DEFINED']);
    expect(targetsOf('deals', 'org_id')).toEqual(['association companies.primary association/HUBSPOT_DEFINED']);
  });

  it('write Close Date from the expected or actual close and keep every source date', () => {
    expect(targetsOf('deals', 'expected_close_date')).toEqual([
      'standard deals.closedate datetime/date',
      'created deals.pipedrive_deal_expected_close_date date/date',
    ]);
    expect(targetsOf('deals', 'close_time')).toEqual(['created deals.pipedrive_deal_close_time datetime/date', 'standard deals.closedate datetime/date']);
    for (const key of ['add_time', 'won_time', 'lost_time']) {
      expect(targetsOf('deals', key)).toEqual([`created deals.pipedrive_deal_${key} datetime/date`]);
    }
    expect(fieldOf(mapped, 'deals', 'add_time').reason).toMatch(/workflow/);
  });

  it('keep the deal’s own probability apart from HubSpot’s stage probability', () => {
    const probability = fieldOf(mapped, 'deals', 'probability');
    expect(described(probability)).toEqual(['created deals.pipedrive_deal_probability number/number']);
    expect(probability.targets[0]?.label).toBe('Deal probability (Pipedrive)');
  });

  it('make the creator a user property of its own', () => {
    expect(targetsOf('deals', 'creator_user_id')).toEqual(['owner deals.pipedrive_deal_creator_user_id enumeration/select']);
  });
});

describe('built-in product fields', () => {
  it('map code, prices, tax, billing frequency, and an owner property of their own', () => {
    expect(targetsOf('products', 'name')).toEqual(['standard products.name string/text']);
    expect(targetsOf('products', 'code')).toEqual(['standard products.hs_sku string/text']);
    expect(targetsOf('products', 'prices')).toEqual(['standard products.price number/number', 'standard products.hs_cost_of_goods_sold number/number']);
    expect(targetsOf('products', 'tax')).toEqual(['standard products.tax number/number']);
    expect(targetsOf('products', 'billing_frequency')).toEqual(['standard products.recurringbillingfrequency enumeration/select']);
    expect(targetsOf('products', 'unit')).toEqual(['created products.pipedrive_product_unit string/text']);
    expect(targetsOf('products', 'owner_id')).toEqual(['owner products.pipedrive_product_owner_id enumeration/select']);
  });
});

describe('built-in activity fields, per HubSpot activity object', () => {
  it('put subject and note where each object keeps them', () => {
    expect(targetsOf('call_activities', 'subject')).toEqual(['standard calls.hs_call_title string/text']);
    expect(targetsOf('meeting_activities', 'subject')).toEqual(['standard meetings.hs_meeting_title string/text']);
    expect(targetsOf('task_activities', 'subject')).toEqual(['standard tasks.hs_task_subject string/text']);
    expect(targetsOf('email_activities', 'subject')).toEqual(['standard emails.hs_email_subject string/text']);
    expect(targetsOf('call_activities', 'note')).toEqual(['standard calls.hs_call_body string/html']);
    expect(targetsOf('meeting_activities', 'note')).toEqual(['standard meetings.hs_internal_meeting_notes string/html']);
    expect(targetsOf('task_activities', 'note')).toEqual(['standard tasks.hs_task_body string/html']);
    expect(targetsOf('email_activities', 'note')).toEqual(['standard emails.hs_email_html string/html']);
  });

  it('date the activity by its due date and time', () => {
    for (const key of ['due_date', 'due_time']) {
      expect(targetsOf('task_activities', key)).toEqual(['standard tasks.hs_timestamp datetime/date']);
      expect(targetsOf('meeting_activities', key)).toEqual([
        'standard meetings.hs_timestamp datetime/date',
        'standard meetings.hs_meeting_start_time datetime/date',
      ]);
    }
  });

  it('carry duration and done where HubSpot has them, and keep them otherwise', () => {
    expect(targetsOf('call_activities', 'duration')).toEqual(['standard calls.hs_call_duration number/number']);
    expect(targetsOf('meeting_activities', 'duration')).toEqual(['standard meetings.hs_meeting_end_time datetime/date']);
    expect(targetsOf('task_activities', 'duration')).toEqual(['created tasks.pipedrive_activity_duration string/text']);
    expect(targetsOf('task_activities', 'done')).toEqual(['standard tasks.hs_task_status enumeration/select']);
    expect(targetsOf('meeting_activities', 'done')).toEqual(['standard meetings.hs_meeting_outcome enumeration/select']);
    expect(targetsOf('call_activities', 'done')).toEqual(['created calls.pipedrive_activity_done bool/booleancheckbox']);
    expect(targetsOf('task_activities', 'priority')).toEqual(['standard tasks.hs_task_priority enumeration/select']);
    expect(targetsOf('meeting_activities', 'location')).toEqual(['standard meetings.hs_meeting_location string/text']);
    expect(targetsOf('meeting_activities', 'public_description')).toEqual(['standard meetings.hs_meeting_body string/html']);
  });

  it('assign the owner and associate deal, person and organization; leads and projects stay behind', () => {
    expect(targetsOf('email_activities', 'owner_id')).toEqual(['owner emails.hubspot_owner_id enumeration/select']);
    expect(targetsOf('call_activities', 'deal_id')).toEqual(['association deals.unlabeled association/HUBSPOT_DEFINED']);
    expect(targetsOf('call_activities', 'person_id')).toEqual(['association contacts.unlabeled association/HUBSPOT_DEFINED']);
    expect(targetsOf('call_activities', 'org_id')).toEqual(['association companies.unlabeled association/HUBSPOT_DEFINED']);
    expect(fieldOf(mapped, 'task_activities', 'lead_id').supported).toBe(false);
    expect(fieldOf(mapped, 'task_activities', 'project_id').supported).toBe(false);
  });
});

describe('built-in note fields', () => {
  it('map content, author and date, and associate the note', () => {
    expect(targetsOf('notes', 'content')).toEqual(['standard notes.hs_note_body string/html']);
    expect(targetsOf('notes', 'user_id')).toEqual(['owner notes.hubspot_owner_id enumeration/select']);
    expect(targetsOf('notes', 'add_time')).toEqual(['standard notes.hs_timestamp datetime/date']);
    // noteFields lists no deal link (its schema has no deal field type); the person and organization links it has:
    expect(targetsOf('notes', 'person_id')).toEqual(['association contacts.unlabeled association/HUBSPOT_DEFINED']);
    expect(targetsOf('notes', 'org_id')).toEqual(['association companies.unlabeled association/HUBSPOT_DEFINED']);
    // Pipedrive's noteFields give the pinned flags as Yes/No enum fields: they stay a Yes/No dropdown.
    expect(targetsOf('notes', 'pinned_to_deal_flag')).toEqual(['created notes.pipedrive_note_pinned_to_deal_flag enumeration/select']);
  });
});

describe('fields of the live API that the sandbox does not model', () => {

  it('refuse counts Pipedrive calculates, keep the record id, and take the deal currency', () => {
    const result = mapPipedrive(catalogOf([
      objectOf('deal', [builtIn('id', 'int'), builtIn('activities_count', 'int'), builtIn('next_activity_date', 'date'), builtIn('currency', 'varchar')]),
    ]));
    expect(fieldOf(result, 'deals', 'activities_count')).toMatchObject({ supported: false, reason: expect.stringContaining('calculates') });
    expect(fieldOf(result, 'deals', 'next_activity_date').supported).toBe(false);
    expect(described(fieldOf(result, 'deals', 'id'))).toEqual(['created deals.pipedrive_deal_id string/text']);
    expect(described(fieldOf(result, 'deals', 'currency'))).toEqual(['standard deals.deal_currency_code enumeration/select']);
  });

  it('apply built-in rules by key to built-in fields only', () => {
    const lookalike = { ...customField('varchar', 'Title'), key: 'title' };
    expect(described(fieldOf(mapPipedrive(catalogOf([{ key: 'deals', label: 'Deals', fields: [lookalike] }])), 'deals', 'title'))).toEqual([
      'created deals.pipedrive_deal_title string/text',
    ]);
  });
});

describe('the Pipedrive rules themselves', () => {
  it('name only HubSpot properties that exist, for every built-in key they know on every row', () => {
    const keys = Object.keys(PIPEDRIVE_RULES.commonFields);
    const objects = PIPEDRIVE_RULES.objects.map((row) => ({
      key: row.source,
      label: row.label,
      fields: [...new Set([...Object.keys(row.fields), ...keys])].map((key) => builtIn(key, 'varchar')),
    }));
    const unique = objects.filter((object, index) => objects.findIndex((other) => other.key === object.key) === index);
    const result = mapPipedrive(catalogOf(unique));
    for (const fields of Object.values(result.fields)) {
      for (const field of fields) expect(field.supported ? field.targets.length > 0 : field.reason !== null).toBe(true);
    }
  });

  it('route every activity type to an object that has an activity row', () => {
    const activityRows = PIPEDRIVE_RULES.objects.filter((row) => row.source === PIPEDRIVE_RULES.activities.source).map((row) => row.hubspotObject);
    for (const object of [...Object.values(PIPEDRIVE_RULES.activities.byType), PIPEDRIVE_RULES.activities.otherTypes]) {
      expect(activityRows).toContain(object);
    }
  });

  it('give split parts keys that cannot read as a hash (a letter outside a–f)', () => {
    const parts = Object.values(PIPEDRIVE_RULES.fieldTypes).flatMap((rule) =>
      'targets' in rule ? rule.targets.flatMap((target) => (target.to === 'created' && target.part ? [target.part.key] : [])) : [],
    );
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) expect(part).toMatch(/[g-z]/);
  });
});
