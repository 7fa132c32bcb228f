/** Pipedrive's value converters, checked against how the sandbox's HubSpot parses property values. */
import { describe, expect, it } from '@jest/globals';
import { pipedrive } from '../../backend/src/sources/pipedrive/index.js';
import { formatDate, isValidNumber, parseTimestamp } from '../../sandbox/hubspot/values.js';

const convert = (type: string, value: unknown) => {
  const converter = pipedrive.valueConverters[type];
  if (!converter) throw new Error(`no converter for ${type}`);
  return converter(value);
};

describe('Pipedrive value converters', () => {
  it.each([0, 12, -3.5, 1e-7, 123456789012345, 0.1 + 0.2, '42.50'])('write %p as a number HubSpot accepts', (value) => {
    for (const type of ['int', 'double', 'monetary']) {
      const converted = convert(type, value);
      expect(converted).not.toBeNull();
      expect(isValidNumber(converted ?? '')).toBe(true);
      expect(Number(converted)).toBeCloseTo(Number(value), 10);
    }
  });

  it('write a Pipedrive date as the same day at midnight UTC in a HubSpot date property', () => {
    const converted = convert('date', '2024-02-29') ?? '';
    const ms = parseTimestamp(converted);
    expect(ms).toBe(Date.UTC(2024, 1, 29));
    expect(formatDate(ms ?? 0)).toBe('2024-02-29');
  });

  it('write multiple options as HubSpot’s semicolon list of option values, and booleans as true/false', () => {
    expect(convert('set', [3, 7])).toBe('3;7');
    expect(convert('enum', 3)).toBe('3');
    expect(convert('boolean', false)).toBe('false');
  });

  it('write nothing for empty or malformed values instead of a value HubSpot would refuse', () => {
    expect([
      convert('set', []),
      convert('int', 'abc'),
      convert('double', Number.NaN),
      convert('date', '29/02/2024'),
      convert('boolean', 'yes'),
      convert('enum', ''),
    ]).toEqual([null, null, null, null, null, null]);
  });
});
