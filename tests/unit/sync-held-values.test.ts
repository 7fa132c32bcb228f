import { describe, expect, it } from '@jest/globals';
import type { MappingPlan, PlannedObject } from '../../backend/src/transfer/mapping/mapping-plan.js';
import { cutLongText, cutText, optionValues } from '../../backend/src/transfer/sync/held-values.js';

const row = { key: 'notes', hubspotObject: 'notes' } as PlannedObject;
const plan = {
  fields: {
    notes: [
      {
        key: 'content',
        label: 'Content',
        targets: [{ name: 'hs_note_body' }],
      },
    ],
  },
} as unknown as MappingPlan;

describe('values over HubSpot’s text limit', () => {
  it('cuts at 65,536 characters and never leaves half of a surrogate pair', () => {
    expect(cutText('a'.repeat(65_536))).toHaveLength(65_536);
    expect(cutText('a'.repeat(70_000))).toBe('a'.repeat(65_536));
    // The 65,536th unit is the first half of 😀: the cut keeps 65,535 units, a whole text.
    const text = `${'a'.repeat(65_535)}😀tail`;
    expect(cutText(text)).toBe('a'.repeat(65_535));
  });

  it('cuts only text properties, each with a warning naming the record and the field', () => {
    const long = 'b'.repeat(65_537);
    const { properties, warnings } = cutLongText(
      plan,
      row,
      '42',
      { hs_note_body: long, other_number: long, hs_timestamp: '2024-01-01T00:00:00.000Z' },
      (name) => name !== 'other_number',
    );
    expect(properties).toEqual({
      hs_note_body: 'b'.repeat(65_536),
      other_number: long,
      hs_timestamp: '2024-01-01T00:00:00.000Z',
    });
    expect(warnings).toEqual([
      {
        sourceId: '42',
        code: 'VALUE_CUT',
        property: 'hs_note_body',
        message:
          '“Content” (hs_note_body) holds 65,537 characters; HubSpot keeps 65,536, so the text was cut after that.',
        hint: expect.stringMatching(/source record/),
      },
    ]);
  });

  it('reads multiple-checkbox values as their options', () => {
    expect(optionValues('1;2;;3', true)).toEqual(['1', '2', '3']);
    expect(optionValues('1;2', false)).toEqual(['1;2']);
    expect(optionValues('', false)).toEqual([]);
  });
});
