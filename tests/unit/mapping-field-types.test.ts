import { describe, expect, it } from '@jest/globals';
import {
  catalogOf,
  customField,
  everyTypeEverywhere,
  fieldOf,
  mapPipedrive,
  objectOf,
  options,
} from './mapping-fixtures.js';

describe('Pipedrive field types', () => {
  it('gives the reason a user needs where a value changes shape or cannot go', () => {
    const mapped = mapPipedrive(
      catalogOf([
        objectOf(
          'deal',
          ['monetary', 'daterange', 'time', 'visible_to', 'picture', 'lead', 'project'].map((type) =>
            customField(type, `My ${type}`),
          ),
        ),
      ]),
    );
    const reason = (type: string) =>
      mapped.fields['deals']?.find((field) => field.sourceType === type && field.isCustom)?.reason;
    expect(reason('monetary')).toMatch(/currency/);
    expect(reason('daterange')).toMatch(/start date and an end date/);
    expect(reason('time')).toMatch(/no time-of-day property/);
    expect(reason('visible_to')).toMatch(/visibility/);
    expect(reason('picture')).toMatch(/picture/);
    expect(reason('lead')).toMatch(/leads are not transferred/);
    expect(reason('project')).toMatch(/Projects are not transferred/);
  });

  it('labels the parts of split values after the field', () => {
    const range = customField('daterange', 'Contract period');
    const mapped = fieldOf(mapPipedrive(catalogOf([objectOf('deal', [range])])), 'deals', range.key);
    expect(mapped.targets.map((target) => target.label)).toEqual(['Contract period (start)', 'Contract period (end)']);
  });

  it('refuses a type it does not know, naming it, instead of dropping the field', () => {
    const field = customField('hologram', 'Shiny');
    const mapped = fieldOf(mapPipedrive(catalogOf([objectOf('person', [field])])), 'persons', field.key);
    expect(mapped).toMatchObject({ supported: false, targets: [] });
    expect(mapped.reason).toContain('hologram');
  });

  it('keeps the linked record’s name as text where HubSpot cannot associate: products associate with nothing', () => {
    const org = customField('org', 'Supplier');
    const person = customField('people', 'Buyer');
    const mapped = mapPipedrive(catalogOf([objectOf('product', [org, person])]));
    for (const [field, other, singular] of [
      [org, 'companies', 'company'],
      [person, 'contacts', 'contact'],
    ] as const) {
      const result = fieldOf(mapped, 'products', field.key);
      expect(result).toMatchObject({
        supported: true,
        reason: `HubSpot products can’t be associated with ${other}, so the linked ${singular}’s name is kept as text.`,
      });
      expect(result.targets.map((target) => [target.objectType, target.kind, target.type, target.fieldType])).toEqual([
        ['products', 'reference', 'string', 'text'],
      ]);
    }
  });

  it('keeps the source options (id and label) on option fields', () => {
    const field = customField('enum', 'Tier', { options: options('Gold', 'Silver') });
    const mapped = fieldOf(mapPipedrive(catalogOf([objectOf('organization', [field])])), 'organizations', field.key);
    expect(mapped.options).toEqual([
      { id: '1', label: 'Gold' },
      { id: '2', label: 'Silver' },
    ]);
  });
});

describe('option limits (≤ 5,000 options; label and value ≤ 3,000 characters; unique labels)', () => {
  const verdict = (type: 'enum' | 'set', fieldOptions: { id: string; label: string }[]) => {
    const field = customField(type, 'Choice', { options: fieldOptions });
    return fieldOf(mapPipedrive(catalogOf([objectOf('person', [field])])), 'persons', field.key);
  };
  const many = (count: number) =>
    Array.from({ length: count }, (_, index) => ({ id: String(index + 1), label: `Option ${index + 1}` }));

  it('takes exactly 5,000 options as a dropdown', () => {
    expect(verdict('enum', many(5000)).targets[0]).toMatchObject({ type: 'enumeration', fieldType: 'select' });
  });

  it('keeps a field with 5,001 options as text and says why', () => {
    const single = verdict('enum', many(5001));
    expect(single.supported).toBe(true);
    expect(single.targets[0]).toMatchObject({ type: 'string', fieldType: 'text', kind: 'created' });
    expect(single.reason).toMatch(/5,001 options.*at most 5,000/);
    const multiple = verdict('set', many(5001));
    expect(multiple.targets[0]).toMatchObject({ type: 'string', fieldType: 'textarea' });
    expect(multiple.reason).toMatch(/separated by semicolons/);
  });

  it('counts label and internal value (the option id) against 3,000 characters', () => {
    expect(verdict('enum', [{ id: '7', label: 'x'.repeat(2999) }]).targets[0]).toMatchObject({ fieldType: 'select' });
    const tooLong = verdict('enum', [{ id: '17', label: 'x'.repeat(2999) }]);
    expect(tooLong.targets[0]).toMatchObject({ type: 'string', fieldType: 'text' });
    expect(tooLong.reason).toMatch(/longer than HubSpot’s 3,000 characters/);
  });

  it('falls back to text for duplicate labels, empty labels and no options at all', () => {
    expect(verdict('set', options('Red', 'Red')).reason).toMatch(/two options are called “Red”/);
    expect(verdict('enum', options('Red', ' ')).reason).toMatch(/no label/);
    expect(verdict('enum', []).reason).toMatch(/no options yet/);
    expect(verdict('enum', []).targets[0]).toMatchObject({ type: 'string', fieldType: 'text' });
  });
});

describe('a catalog with every field type on every object', () => {
  it('gives every field a verdict: supported with targets, or unsupported with a reason', () => {
    const catalog = everyTypeEverywhere();
    const mapped = mapPipedrive(catalog);
    for (const row of mapped.objects) {
      const source = catalog.objects.find((object) => object.key === row.sourceObject);
      const fields = mapped.fields[row.key] ?? [];
      expect(fields.map((field) => field.key)).toEqual(source?.fields.map((field) => field.key));
      for (const field of fields) {
        if (field.supported) expect(field.targets.length).toBeGreaterThan(0);
        else expect(field.reason).toEqual(expect.stringMatching(/\w/));
      }
      expect(row.properties).toBe(fields.length);
      expect(row.supportedProperties).toBe(fields.filter((field) => field.supported).length);
      expect(row.unsupportedProperties).toBe(fields.filter((field) => !field.supported).length);
    }
    expect(mapped.objects.map((row) => row.key)).toEqual([
      'persons',
      'organizations',
      'deals',
      'products',
      'call_activities',
      'meeting_activities',
      'task_activities',
      'email_activities',
      'notes',
    ]);
  });
});
