/** Which existing HubSpot property may take a field: issue 13's rule, table by table. */
import { describe, expect, it } from '@jest/globals';
import {
  existingPropertyRefusal,
  incompatibility,
} from '../../backend/src/transfer/settings/property-compatibility.js';

const FIELD_TYPES = ['string', 'number', 'date', 'datetime', 'enumeration', 'bool'];
const takers = (propertyType: string) => FIELD_TYPES.filter((type) => incompatibility(type, propertyType) === null);

describe('an existing property takes a field', () => {
  it('of any type when it holds text', () => {
    expect(takers('string')).toEqual(FIELD_TYPES);
  });

  it('holding numbers only when it holds numbers', () => {
    expect(takers('number')).toEqual(['number']);
    expect(incompatibility('string', 'number')).toBe('This property holds numbers, and this field holds text.');
  });

  it('holding dates or dates with a time when it holds either', () => {
    expect(takers('date')).toEqual(['date', 'datetime']);
    expect(takers('datetime')).toEqual(['date', 'datetime']);
  });

  it('of single or multiple options when it is an enumeration', () => {
    expect(takers('enumeration')).toEqual(['enumeration']);
  });

  it('of no type when HubSpot has no writable values of its kind, with the reason', () => {
    expect(takers('object_coordinates')).toEqual([]);
    expect(incompatibility('string', 'object_coordinates')).toMatch(/can’t take/);
  });
});

describe('an existing property refuses a field', () => {
  it('whatever its type when HubSpot computes it, else by its type', () => {
    const recordId = { label: 'Record ID', type: 'number', readOnly: true };
    const notes = { label: 'Notes', type: 'string', readOnly: false };
    expect(existingPropertyRefusal('number', recordId)).toBe(
      'HubSpot computes “Record ID” itself: nothing can be written to it.',
    );
    expect(existingPropertyRefusal('number', notes)).toBeNull();
    expect(existingPropertyRefusal('string', { ...recordId, readOnly: false })).toBe(
      incompatibility('string', 'number'),
    );
  });
});
