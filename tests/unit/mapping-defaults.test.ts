import { describe, expect, it } from '@jest/globals';
import type { SourceField } from '../../backend/src/sources/connector.js';
import { PIPEDRIVE_RULES } from '../../backend/src/sources/pipedrive/mapping-rules.js';
import {
  catalogOf,
  customField,
  described,
  everyTypeEverywhere,
  fieldOf,
  mapPipedrive,
  objectOf,
} from './mapping-fixtures.js';

const mapped = mapPipedrive(everyTypeEverywhere());
const targetsOf = (row: string, key: string) => described(fieldOf(mapped, row, key));
const builtIn = (key: string, type: string): SourceField => ({
  key,
  label: key,
  type,
  isCustom: false,
  options: null,
  subfields: null,
  mandatory: false,
});

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
    expect(mapped.objects.find((row) => row.key === 'persons')?.propertyGroup).toEqual({
      name: 'pipedrive_person',
      label: 'Pipedrive person fields',
    });
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
      { key: 'leads', label: 'Leads', reason: expect.stringContaining('convert the leads'), records: null },
      {
        key: 'invoices',
        label: 'Invoices',
        reason: 'Smart Transfer does not transfer Pipedrive invoices yet.',
        records: null,
      },
    ]);
  });
});

/**
 * Decisions of the design card and README, not the rule tables line by line: whether each target exists
 * and is valid in HubSpot is checked against the sandbox's HubSpot in mapping-oracles.test.ts.
 */
describe('decisions the mapping keeps', () => {
  it('keeps Pipedrive’s industry list as its own dropdown: HubSpot’s industry values are fixed', () => {
    expect(targetsOf('organizations', 'industry')).toEqual([
      'created companies.pipedrive_organization_industry enumeration/select',
    ]);
  });

  it('writes Close Date from the expected or actual close and keeps every source date (Dates)', () => {
    expect(targetsOf('deals', 'expected_close_date')).toContain('standard deals.closedate datetime/date');
    expect(targetsOf('deals', 'close_time')).toContain('standard deals.closedate datetime/date');
    for (const key of ['add_time', 'won_time', 'lost_time', 'close_time']) {
      expect(targetsOf('deals', key)).toContain(`created deals.pipedrive_deal_${key} datetime/date`);
    }
    expect(fieldOf(mapped, 'deals', 'add_time').reason).toMatch(/workflow/);
  });

  it('keeps the deal’s own probability apart from HubSpot’s stage probability, told apart by label', () => {
    const probability = fieldOf(mapped, 'deals', 'probability');
    expect(described(probability)).toEqual(['created deals.pipedrive_deal_probability number/number']);
    expect(probability.targets[0]?.label).toBe('Deal probability (Pipedrive)');
  });

  it('gives records their owner and deals their pipeline and stage (Users, Pipelines)', () => {
    for (const row of ['persons', 'organizations', 'deals', 'email_activities']) {
      expect(fieldOf(mapped, row, 'owner_id').targets.map((target) => [target.kind, target.name])).toEqual([
        ['owner', 'hubspot_owner_id'],
      ]);
    }
    expect(fieldOf(mapped, 'deals', 'pipeline_id').targets.map((target) => target.kind)).toEqual(['pipeline']);
    expect(fieldOf(mapped, 'deals', 'stage_id').targets.map((target) => target.kind)).toEqual(['stage', 'created']);
  });
});

describe('fields of the live API that the sandbox does not model', () => {
  it('refuse counts Pipedrive calculates, keep the record id, and take the deal currency', () => {
    const result = mapPipedrive(
      catalogOf([
        objectOf('deal', [
          builtIn('id', 'int'),
          builtIn('activities_count', 'int'),
          builtIn('next_activity_date', 'date'),
          builtIn('currency', 'varchar'),
        ]),
      ]),
    );
    expect(fieldOf(result, 'deals', 'activities_count')).toMatchObject({
      supported: false,
      reason: expect.stringContaining('calculates'),
    });
    expect(fieldOf(result, 'deals', 'next_activity_date').supported).toBe(false);
    expect(described(fieldOf(result, 'deals', 'id'))).toEqual(['created deals.pipedrive_deal_id string/text']);
    expect(described(fieldOf(result, 'deals', 'currency'))).toEqual([
      'standard deals.deal_currency_code enumeration/select',
    ]);
  });

  it('apply built-in rules by key to built-in fields only', () => {
    const lookalike = { ...customField('varchar', 'Title'), key: 'title' };
    expect(
      described(
        fieldOf(mapPipedrive(catalogOf([{ key: 'deals', label: 'Deals', fields: [lookalike] }])), 'deals', 'title'),
      ),
    ).toEqual(['created deals.pipedrive_deal_title string/text']);
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
    const activityRows = PIPEDRIVE_RULES.objects
      .filter((row) => row.source === PIPEDRIVE_RULES.activities.source)
      .map((row) => row.hubspotObject);
    for (const object of [...Object.values(PIPEDRIVE_RULES.activities.byType), PIPEDRIVE_RULES.activities.otherTypes]) {
      expect(activityRows).toContain(object);
    }
  });

  it('give split parts keys that cannot read as a hash (a letter outside a–f)', () => {
    const parts = Object.values(PIPEDRIVE_RULES.fieldTypes).flatMap((rule) =>
      'targets' in rule
        ? rule.targets.flatMap((target) => (target.to === 'created' && target.part ? [target.part.key] : []))
        : [],
    );
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) expect(part).toMatch(/[g-z]/);
  });
});
