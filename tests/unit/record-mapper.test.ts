import { describe, expect, it } from '@jest/globals';
import type { SourceCatalog } from '../../backend/src/sources/connector.js';
import { PIPEDRIVE_RULES } from '../../backend/src/sources/pipedrive/mapping-rules.js';
import { buildMappingPlan } from '../../backend/src/transfer/mapping/build-mapping-plan.js';
import type { MappingPlan } from '../../backend/src/transfer/mapping/mapping-plan.js';
import { type MapperContext, mapRecord, rowForRecord } from '../../backend/src/transfer/mapping/record-mapper.js';
import { dayIn } from '../../backend/src/transfer/mapping/time-values.js';
import { defaultSettings } from '../../backend/src/transfer/settings/default-settings.js';
import { cutLongText, HUBSPOT_TEXT_LIMIT } from '../../backend/src/transfer/sync/held-values.js';
import type { TransferSettings } from '../../shared/src/contracts/index.js';
import { catalogOf, customField, customKey, objectOf, options } from './mapping-fixtures.js';

const AUDIT_ID = '00000000-0000-4000-8000-000000000001';
const custom = (type: string) => customKey(`${type}:My ${type}`);

function catalog(): SourceCatalog {
  const base = catalogOf(
    (['person', 'organization', 'deal', 'product', 'activity', 'note'] as const).map((entity) =>
      objectOf(entity, [
        customField('double', 'My double'),
        customField('date', 'My date'),
        customField('enum', 'My enum', { options: options('Gold', 'Silver') }),
        customField('set', 'My set', { options: options('Red', 'Green', 'Blue') }),
        // Two options with one label: HubSpot refuses such a dropdown, so it is kept as text.
        customField('enum', 'My clash', { options: options('Same', 'Same') }),
        customField('text', 'My text'),
        customField('user', 'My user'),
        customField('org', 'My org'),
      ]),
    ),
    [
      {
        id: '1',
        name: 'Sales',
        order: 1,
        stages: [
          { id: '11', name: 'Qualified', order: 1, probability: 20 },
          { id: '12', name: 'Proposal', order: 2, probability: 60 },
        ],
      },
    ],
  );
  return {
    ...base,
    users: [
      { id: '1', name: 'Ann', email: 'ann@acme.example', active: true },
      { id: '2', name: 'Bob', email: 'bob@acme.example', active: true },
      { id: '3', name: 'Cy', email: 'cy@acme.example', active: true },
    ],
  };
}

const PLAN: MappingPlan = buildMappingPlan({
  source: 'pipedrive',
  rules: PIPEDRIVE_RULES,
  catalog: catalog(),
  owners: [
    { id: '501', email: 'ANN@acme.example', firstName: 'Ann', lastName: null },
    { id: '503', email: 'cy@acme.example', firstName: 'Cy', lastName: null },
  ] as never,
  portal: {},
});

const BERLIN: MapperContext = { timeZone: 'Europe/Berlin', recordLinkBase: 'https://acme.pipedrive.com' };

function settings(change: Partial<TransferSettings> = {}): TransferSettings {
  return { ...defaultSettings(AUDIT_ID), ...change };
}

function map(
  object: string,
  values: Record<string, unknown>,
  options: { settings?: TransferSettings; context?: MapperContext; id?: string } = {},
) {
  const chosen = options.settings ?? settings();
  const record = { id: options.id ?? '7', updatedAt: null, values };
  const row = rowForRecord(PLAN, chosen, object, record);
  if (!row) throw new Error(`no row takes this ${object} record`);
  return mapRecord({ row, record, settings: chosen, plan: PLAN, context: options.context ?? BERLIN });
}

describe('lineage', () => {
  it('writes the source id and link whatever else the record holds, and nothing for empty values', () => {
    const mapped = map('persons', { name: null, emails: [], phones: null, owner_id: null, [custom('double')]: '' });
    expect(mapped.properties).toEqual({
      pipedrive_person__record_id: '7',
      pipedrive_person__record_link: 'https://acme.pipedrive.com/person/7',
    });
    expect(mapped.associations).toEqual([]);
  });

  it('keeps the source id even when its field is excluded, and no link without a base URL', () => {
    const excluded = settings({ fields: { persons: { id: { mode: 'exclude' } } } });
    const mapped = map('persons', { id: 7 }, { settings: excluded, context: { timeZone: null, recordLinkBase: null } });
    expect(mapped.properties).toEqual({ pipedrive_person__record_id: '7' });
  });
});

describe('deal close date', () => {
  it('is the instant a won deal closed: 23:30 UTC is the next day in a Berlin portal', () => {
    const mapped = map('deals', {
      status: 'won',
      won_time: '2026-03-09T23:30:00Z',
      close_time: '2026-03-09T23:30:00Z',
      expected_close_date: '2026-03-01',
    });
    expect(mapped.properties.closedate).toBe('2026-03-09T23:30:00.000Z');
    // What a Berlin portal shows: the day the deal was won there.
    expect(dayIn(new Date(mapped.properties.closedate as string), 'Europe/Berlin')).toBe('2026-03-10');
    expect(mapped.properties.pipedrive_deal_expected_close_date).toBe('2026-03-01');
  });

  it('is the lost time when a lost deal has no close time', () => {
    const mapped = map('deals', { status: 'lost', lost_time: '2026-05-01 10:00:00', close_time: null });
    expect(mapped.properties.closedate).toBe('2026-05-01T10:00:00.000Z');
  });

  it('is the start of the expected close day in the account’s zone for an open deal (Auckland)', () => {
    const auckland = { timeZone: 'Pacific/Auckland', recordLinkBase: null };
    const mapped = map('deals', { status: 'open', expected_close_date: '2026-04-05' }, { context: auckland });
    expect(mapped.properties.closedate).toBe('2026-04-04T11:00:00.000Z');
  });

  it('is left empty for an open deal without an expected close date', () => {
    expect(map('deals', { status: 'open', expected_close_date: null }).properties).not.toHaveProperty('closedate');
  });
});

describe('pipelines and stages', () => {
  it('sends an open deal to its stage and a won or lost one to the pipeline’s closed stage, keeping the source stage', () => {
    const open = map('deals', { status: 'open', stage_id: 12, pipeline_id: 1 });
    expect(open.pending).toEqual([
      { property: 'pipeline', itemKey: '1' },
      { property: 'dealstage', itemKey: '1/12' },
    ]);
    expect(open.properties.pipedrive_deal_stage_id).toBe('Proposal');
    const lost = map('deals', { status: 'lost', stage_id: 12, pipeline_id: 1 });
    expect(lost.pending[1]).toEqual({ property: 'dealstage', itemKey: '1/closed_lost' });
  });

  it('writes the HubSpot ids once setup created them', () => {
    const ids = new Map([
      ['1', 'p-100'],
      ['1/closed_won', 's-200'],
    ]);
    const won = map(
      'deals',
      { status: 'won', stage_id: 11, pipeline_id: 1 },
      { context: { ...BERLIN, pipelineIds: ids } },
    );
    expect(won.properties).toMatchObject({ pipeline: 'p-100', dealstage: 's-200' });
    expect(won.pending).toEqual([]);
  });
});

describe('numbers, dates and options', () => {
  it('writes numbers digit by digit and drops what is not a number', () => {
    const name = `pipedrive_deal_${custom('double')}`;
    expect(map('deals', { [custom('double')]: 1e-7 }).properties[name]).toBe('0.0000001');
    expect(map('deals', { [custom('double')]: ' 12.50 ' }).properties[name]).toBe('12.5');
    expect(map('deals', { [custom('double')]: -1e21 }).properties[name]).toBe('-1000000000000000000000');
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 'twelve', {}, true]) {
      expect(map('deals', { [custom('double')]: bad }).properties).not.toHaveProperty(name);
    }
  });

  it('writes dates as the day (midnight UTC) and refuses impossible days', () => {
    const name = `pipedrive_deal_${custom('date')}`;
    expect(map('deals', { [custom('date')]: '2026-02-28' }).properties[name]).toBe('2026-02-28');
    expect(map('deals', { [custom('date')]: '2026-02-30' }).properties).not.toHaveProperty(name);
  });

  it('writes source create and update times as instants', () => {
    const mapped = map('deals', { add_time: '2026-01-05T08:00:00Z', update_time: '2026-01-06 09:00:00' });
    expect(mapped.properties).toMatchObject({
      pipedrive_deal_add_time: '2026-01-05T08:00:00.000Z',
      pipedrive_deal_update_time: '2026-01-06T09:00:00.000Z',
    });
  });

  it('writes single and multiple options by their option values, and labels where the options stay text', () => {
    const mapped = map('deals', {
      [custom('enum')]: 2,
      [custom('set')]: [{ id: 1, label: 'Red' }, 3],
      [customKey('enum:My clash')]: 2,
    });
    expect(mapped.properties[`pipedrive_deal_${custom('enum')}`]).toBe('2');
    expect(mapped.properties[`pipedrive_deal_${custom('set')}`]).toBe('1;3');
    expect(mapped.properties[`pipedrive_deal_${customKey('enum:My clash')}`]).toBe('Same');
    expect(map('deals', { [custom('set')]: [] }).properties).not.toHaveProperty(`pipedrive_deal_${custom('set')}`);
  });

  it('writes the deal’s amount and currency', () => {
    expect(map('deals', { value: 5000.5, currency: 'usd' }).properties).toMatchObject({
      amount: '5000.5',
      deal_currency_code: 'USD',
    });
  });
});

describe('e-mails and phones', () => {
  it('trims and lower-cases e-mails, puts the primary first, keeps the others once and sets invalid ones apart', () => {
    const mapped = map('persons', {
      emails: [
        { value: ' Second@Example.COM ', primary: false, label: 'home' },
        { value: '\tPRIMARY@acme.example ', primary: true, label: 'work' },
        { value: 'second@example.com', primary: false, label: 'other' },
        { value: '<script>@x', primary: false, label: 'other' },
        { value: 'a@b.c; d@e.f', primary: false, label: 'other' },
        { value: '   ', primary: false, label: 'other' },
      ],
    });
    expect(mapped.properties.email).toBe('primary@acme.example');
    expect(mapped.properties).not.toHaveProperty('hs_additional_emails');
    // By default the others go into the "Other e-mails" text property, in the same write as the contact.
    expect(mapped.properties['pipedrive_person__other_emails']).toBe('second@example.com');
    expect(mapped.additionalEmails).toEqual([]);
    expect(mapped.warnings).toHaveLength(2);
  });

  const threeAddresses = {
    emails: [
      { value: 'anna@alpha.example', primary: true, label: 'work' },
      { value: 'Anna@Home.example', primary: false, label: 'home' },
      { value: 'anna@old.example', primary: false, label: 'other' },
    ],
  };

  it('writes the other addresses `;`-separated, as HubSpot lists its own', () => {
    expect(map('persons', threeAddresses).properties['pipedrive_person__other_emails']).toBe(
      'anna@home.example;anna@old.example',
    );
    expect(map('persons', { emails: [{ value: 'only@one.example', primary: true }] }).properties).not.toHaveProperty(
      'pipedrive_person__other_emails',
    );
  });

  it('hands the other addresses to the secondary-email step instead when the settings add them as secondary e-mails', () => {
    const mapped = map('persons', threeAddresses, { settings: settings({ addSecondaryEmails: true }) });
    expect(mapped.additionalEmails).toEqual(['anna@home.example', 'anna@old.example']);
    expect(mapped.properties).not.toHaveProperty('pipedrive_person__other_emails');
  });

  it('leaves the other addresses out with a warning when contact properties are off (setup creates no property)', () => {
    const off = settings({ dataTypes: { ...settings().dataTypes, contact_properties: false } });
    const mapped = map('persons', threeAddresses, { settings: off });
    expect(mapped.properties).not.toHaveProperty('pipedrive_person__other_emails');
    expect(mapped.additionalEmails).toEqual([]);
    expect(mapped.warnings).toEqual([
      'The other e-mail addresses (anna@home.example, anna@old.example) have no property while contact properties are off; left out.',
    ]);
  });

  it('cuts other addresses over HubSpot’s text limit with a VALUE_CUT warning, like any text', () => {
    const others = Array.from({ length: 3_000 }, (_, index) => ({
      value: `person${index}@example.com`,
      primary: false,
    }));
    const mapped = map('persons', { emails: [{ value: 'main@example.com', primary: true }, ...others] });
    const row = PLAN.objects.find((object) => object.key === 'persons');
    if (!row) throw new Error('no persons row');
    const cut = cutLongText(PLAN, row, '7', mapped.properties, () => true);
    expect(cut.properties['pipedrive_person__other_emails']).toHaveLength(HUBSPOT_TEXT_LIMIT);
    expect(cut.warnings).toEqual([
      expect.objectContaining({ sourceId: '7', code: 'VALUE_CUT', property: 'pipedrive_person__other_emails' }),
    ]);
  });

  it('takes the first address as primary when none is marked, and writes no e-mail when none is valid', () => {
    expect(map('persons', { emails: [{ value: 'x@y.example', primary: false }] }).properties.email).toBe('x@y.example');
    const none = map('persons', { emails: [{ value: 'nope', primary: true }] });
    expect(none.properties).not.toHaveProperty('email');
    expect(none.additionalEmails).toEqual([]);
  });

  it('puts the primary number in Phone, the first mobile in Mobile, and the rest with labels in Other phone numbers', () => {
    const mapped = map('persons', {
      phones: [
        { value: '+1 555 0101', primary: false, label: 'work' },
        { value: ' +1 555 0100 ', primary: true, label: 'home' },
        { value: '+1 555 0102', primary: false, label: 'mobile' },
        { value: '+1 555 0103', primary: false, label: 'mobile' },
      ],
    });
    expect(mapped.properties).toMatchObject({ phone: '+1 555 0100', mobilephone: '+1 555 0102' });
    expect(Object.values(mapped.properties)).toContain('work: +1 555 0101\nmobile: +1 555 0103');
  });
});

describe('hostile text', () => {
  it('passes unicode, emoji and markup through text properties unchanged (HubSpot shows text as text)', () => {
    const title = 'Ünïcødé 🚀 <script>alert(1)</script> “quotes” \u202e';
    expect(map('deals', { title }).properties.dealname).toBe(title);
    expect(map('deals', { title: '   ' }).properties).not.toHaveProperty('dealname');
  });
});

describe('HTML notes', () => {
  const body = (html: string) => map('notes', { content: html }).properties.hs_note_body;

  it('keeps formatting and safe links', () => {
    expect(body('<p>Hi <b>there</b><br><a href="https://x.example/?a=1&b=2">link</a></p>')).toBe(
      '<p>Hi <b>there</b><br><a href="https://x.example/?a=1&amp;b=2" rel="noopener noreferrer">link</a></p>',
    );
  });

  it('drops scripts, handlers, dangerous links and unknown tags, and escapes stray brackets', () => {
    expect(body('<script>alert(1)</script>ok')).toBe('ok');
    expect(body('<img src=x onerror=alert(1)>pic')).toBe('pic');
    expect(body('<p onclick="x()" style="color:red">a</p>')).toBe('<p>a</p>');
    expect(body('<a href="javascript:alert(1)">a</a>')).toBe('<a>a</a>');
    expect(body('<a href="&#106;avascript:alert(1)">a</a>')).toBe('<a>a</a>');
    expect(body('<a href="java\tscript:alert(1)">a</a>')).toBe('<a>a</a>');
    expect(body('<scr<script>ipt>alert(1)</script>')).toBe('&lt;scr');
    expect(body('<svg><script>alert(1)</script></svg>x')).toBe('x');
    expect(body('1 < 2 > 0 <!-- hidden --> <b>bold')).toBe('1 &lt; 2 &gt; 0  <b>bold</b>');
    expect(body('<iframe src="https://evil.example">')).toBe('');
  });
});

describe('owners', () => {
  it('go through the override, then the e-mail match, then the default owner', () => {
    const chosen = settings({ ownerOverrides: { '1': '777' }, defaultOwnerId: '900' });
    expect(map('deals', { owner_id: 1 }, { settings: chosen }).properties.hubspot_owner_id).toBe('777');
    expect(map('deals', { owner_id: 3 }, { settings: chosen }).properties.hubspot_owner_id).toBe('503');
    expect(map('deals', { owner_id: 2 }, { settings: chosen }).properties.hubspot_owner_id).toBe('900');
    // A user deleted from the source since the audit is unknown to the plan: the default owner.
    expect(map('deals', { owner_id: 99 }, { settings: chosen }).properties.hubspot_owner_id).toBe('900');
  });

  it('leave the record unassigned without a default owner, and are not written when users are not transferred', () => {
    expect(map('deals', { owner_id: 2 }).properties).not.toHaveProperty('hubspot_owner_id');
    const noUsers = settings({ dataTypes: { ...settings().dataTypes, users: false } });
    expect(map('deals', { owner_id: 1 }, { settings: noUsers }).properties).not.toHaveProperty('hubspot_owner_id');
  });

  it('fill created user properties the same way', () => {
    expect(map('deals', { [custom('user')]: 1 }).properties[`pipedrive_deal_${custom('user')}`]).toBe('501');
  });
});

describe('associations', () => {
  it('are source references, kept for referenced records that may since be deleted (the id map decides)', () => {
    const mapped = map('deals', { person_id: 404, org_id: { id: 10, name: 'Acme' }, [custom('org')]: 11 });
    expect(mapped.associations).toEqual([
      { field: 'person_id', hubspotObject: 'contacts', sourceObject: 'persons', sourceId: '404', label: 'unlabeled' },
      { field: 'org_id', hubspotObject: 'companies', sourceObject: 'organizations', sourceId: '10', label: 'primary' },
      {
        field: custom('org'),
        hubspotObject: 'companies',
        sourceObject: 'organizations',
        sourceId: '11',
        label: `pipedrive_deal_${custom('org')}`,
      },
    ]);
  });
});

describe('field choices', () => {
  it('exclude drops the field and existing writes onto the chosen property', () => {
    const chosen = settings({
      fields: {
        deals: {
          title: { mode: 'exclude' },
          [custom('double')]: { mode: 'existing', hubspotProperty: 'their_number' },
        },
      },
    });
    const mapped = map('deals', { title: 'Big', [custom('double')]: 3 }, { settings: chosen });
    expect(mapped.properties).not.toHaveProperty('dealname');
    expect(mapped.properties).not.toHaveProperty(`pipedrive_deal_${custom('double')}`);
    expect(mapped.properties.their_number).toBe('3');
  });

  it('leaves custom fields out when the object’s properties are not transferred', () => {
    const chosen = settings({ dataTypes: { ...settings().dataTypes, deal_properties: false } });
    const mapped = map('deals', { title: 'Big', [custom('double')]: 3 }, { settings: chosen });
    expect(mapped.properties.dealname).toBe('Big');
    expect(mapped.properties).not.toHaveProperty(`pipedrive_deal_${custom('double')}`);
  });
});

describe('activities', () => {
  it('go where their type goes, or where the settings remap it', () => {
    expect(map('activities', { type: 'call' }).hubspotObject).toBe('calls');
    expect(map('activities', { type: 'site_visit' }).hubspotObject).toBe('tasks');
    const remapped = settings({ activityTypes: { lunch: 'tasks' } });
    expect(map('activities', { type: 'lunch' }, { settings: remapped }).hubspotObject).toBe('tasks');
    expect(map('activities', { type: 'lunch' }).hubspotObject).toBe('meetings');
  });

  it('turn done into Completed, and their due day and time into hs_timestamp', () => {
    const task = map('activities', { type: 'task', done: true, due_date: '2026-03-29', due_time: '23:30' });
    expect(task.properties).toMatchObject({ hs_task_status: 'COMPLETED', hs_timestamp: '2026-03-29T23:30:00.000Z' });
    const open = map('activities', { type: 'task', done: false, due_date: '2026-03-29', due_time: null });
    // No time: the start of the day in the account's zone.
    expect(open.properties).toMatchObject({ hs_task_status: 'NOT_STARTED', hs_timestamp: '2026-03-28T23:00:00.000Z' });
  });

  it('give calls their duration in milliseconds and meetings an end time and an outcome', () => {
    const call = map('activities', { type: 'call', duration: '01:30', done: true });
    expect(call.properties).toMatchObject({ hs_call_duration: '5400000', pipedrive_activity_done: 'true' });
    const meeting = map('activities', {
      type: 'meeting',
      due_date: '2026-06-01',
      due_time: '09:00',
      duration: '00:45',
      done: false,
    });
    expect(meeting.properties).toMatchObject({
      hs_timestamp: '2026-06-01T09:00:00.000Z',
      hs_meeting_start_time: '2026-06-01T09:00:00.000Z',
      hs_meeting_end_time: '2026-06-01T09:45:00.000Z',
      hs_meeting_outcome: 'SCHEDULED',
    });
  });
});
