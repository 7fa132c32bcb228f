import { describe, expect, it } from '@jest/globals';
import type { SourceField } from '../../backend/src/sources/connector.js';
import { catalogOf, customField, everyTypeEverywhere, fieldOf, mapPipedrive, objectOf } from './mapping-fixtures.js';

const VALID_NAME = /^[a-z][a-z0-9_]*$/;
const createdTargets = (
  fields: { targets: { kind: string; name: string; objectType: string; type: string; label: string }[] }[],
) =>
  fields
    .flatMap((field) => field.targets)
    .filter((target) => target.kind === 'created' || (target.kind === 'owner' && target.name !== 'hubspot_owner_id'));

function dealFields(...fields: SourceField[]) {
  return mapPipedrive(catalogOf([objectOf('deal', fields)]));
}

describe('created property names', () => {
  it('are valid HubSpot names (lowercase, start with a letter, [a-z0-9_], ≤ 100) and unique per HubSpot object', () => {
    const mapped = mapPipedrive(everyTypeEverywhere());
    const byObject = new Map<string, string[]>();
    for (const target of createdTargets(Object.values(mapped.fields).flat())) {
      expect(target.name).toMatch(VALID_NAME);
      expect(target.name.length).toBeLessThanOrEqual(100);
      byObject.set(target.objectType, [...(byObject.get(target.objectType) ?? []), target.name]);
    }
    for (const names of byObject.values()) expect(new Set(names).size).toBe(names.length);
  });

  it('are the source object and the Pipedrive key, so renaming a field keeps its property', () => {
    const field = customField('varchar', 'Region');
    const before = fieldOf(dealFields(field), 'deals', field.key);
    const after = fieldOf(dealFields({ ...field, label: 'Sales region' }), 'deals', field.key);
    expect(before.targets[0]?.name).toBe(`pipedrive_deal_${field.key}`);
    expect(after.targets[0]?.name).toBe(before.targets[0]?.name);
    expect(after.targets[0]?.label).toBe('Sales region');
  });

  it('are the same on every run', () => {
    expect(mapPipedrive(everyTypeEverywhere())).toEqual(mapPipedrive(everyTypeEverywhere()));
  });

  it('stay apart for keys that slug alike, and stay valid for keys that are not names', () => {
    const keys = ['deal_size', 'Deal-Size', 'DEAL SIZE', 'deal__size', '_deal_size', '9 Größe', '日本語'];
    const mapped = dealFields(...keys.map((key) => ({ ...customField('varchar', 'Deal size'), key })));
    const names = keys.map((key) => fieldOf(mapped, 'deals', key).targets[0]?.name ?? '');
    expect(names[0]).toBe('pipedrive_deal_deal_size');
    expect(new Set(names).size).toBe(keys.length);
    for (const name of names) expect(name).toMatch(VALID_NAME);
    expect(names[1]).toMatch(/^pipedrive_deal_deal_size__[0-9a-f]{12}$/);
  });

  it('never give a part of a split value the name of another field', () => {
    const range = { ...customField('daterange', 'Term'), key: 'term' };
    const lookalike = { ...customField('date', 'Term start'), key: 'term__start' };
    const mapped = dealFields(range, lookalike);
    const rangeNames = fieldOf(mapped, 'deals', 'term').targets.map((target) => target.name);
    expect(rangeNames).toEqual(['pipedrive_deal_term__start', 'pipedrive_deal_term__end']);
    expect(rangeNames).not.toContain(fieldOf(mapped, 'deals', 'term__start').targets[0]?.name);
  });

  it('fit 100 characters for long keys and keep two long keys with a common start apart', () => {
    const common = 'k'.repeat(150);
    const mapped = dealFields(
      { ...customField('monetary', 'A'), key: `${common}a` },
      { ...customField('monetary', 'B'), key: `${common}b` },
    );
    const names = [`${common}a`, `${common}b`].flatMap((key) =>
      fieldOf(mapped, 'deals', key).targets.map((target) => target.name),
    );
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(100);
      expect(name).toMatch(VALID_NAME);
    }
    expect(new Set(names).size).toBe(4);
    expect(names[1]).toMatch(/__currency$/);
  });
});

describe('created property labels', () => {
  it('are the source label', () => {
    const field = customField('varchar', 'Renewal owner notes');
    expect(fieldOf(dealFields(field), 'deals', field.key).targets[0]?.label).toBe('Renewal owner notes');
  });

  it('say "(Pipedrive)" when HubSpot already has the label on that object', () => {
    const industry = customField('varchar', 'Industry');
    const mapped = mapPipedrive(catalogOf([objectOf('person', [industry])]));
    expect(fieldOf(mapped, 'persons', industry.key).targets[0]?.label).toBe('Industry (Pipedrive)');
  });

  it('tell two fields with one label apart, whatever else the catalog holds', () => {
    const first = customField('varchar', 'Deal size');
    const second = customField('double', 'deal size');
    const labels = (mapped: ReturnType<typeof dealFields>) =>
      [first, second].map((field) => fieldOf(mapped, 'deals', field.key).targets[0]?.label ?? '');
    const together = labels(dealFields(first, second));
    expect(together[0]).toMatch(/^Deal size \(Pipedrive [0-9a-f]{6}\)$/);
    expect(together[1]).toMatch(/^deal size \(Pipedrive [0-9a-f]{6}\)$/);
    expect(together[0]?.toLowerCase()).not.toBe(together[1]?.toLowerCase());
    expect(labels(dealFields(customField('date', 'Unrelated'), first, second))).toEqual(together);
  });

  it('keep the part after the told-apart label', () => {
    const address = customField('address', 'City');
    const parts = fieldOf(mapPipedrive(catalogOf([objectOf('person', [address])])), 'persons', address.key).targets.map(
      (target) => target.label,
    );
    expect(parts).toEqual([
      'City (Pipedrive)',
      'City (Pipedrive) (street)',
      'City (Pipedrive) (city)',
      'City (Pipedrive) (state/region)',
      'City (Pipedrive) (postal code)',
      'City (Pipedrive) (country)',
    ]);
  });

  it('are unique per HubSpot object across a whole catalog', () => {
    const mapped = mapPipedrive(everyTypeEverywhere());
    const byObject = new Map<string, string[]>();
    for (const target of createdTargets(Object.values(mapped.fields).flat())) {
      byObject.set(target.objectType, [...(byObject.get(target.objectType) ?? []), target.label.toLowerCase()]);
    }
    for (const labels of byObject.values()) expect(new Set(labels).size).toBe(labels.length);
  });
});
