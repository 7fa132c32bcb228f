import { describe, expect, it } from '@jest/globals';
import { valueBefore } from '../../backend/src/transfer/sync/foreign-records.js';
import { recordName } from '../../backend/src/transfer/sync/reference-names.js';

describe('what a record held before the sync changed it', () => {
  const writtenAt = '2026-12-05T10:00:00.000Z';

  it('is the newest version older than the write', () => {
    const versions = [
      { value: 'Acme Supplies', timestamp: writtenAt },
      { value: 'Acme (old name)', timestamp: '2026-12-01T09:00:00.000Z' },
      { value: 'Acme', timestamp: '2026-11-01T09:00:00.000Z' },
    ];
    expect(valueBefore(versions, writtenAt)).toBe('Acme (old name)');
  });

  it('is the current value when the write did not change it, and empty when there was none', () => {
    expect(valueBefore([{ value: 'Same', timestamp: '2026-12-01T09:00:00.000Z' }], writtenAt)).toBe('Same');
    expect(valueBefore([{ value: 'New', timestamp: writtenAt }], writtenAt)).toBeNull();
    expect(valueBefore(undefined, writtenAt)).toBeNull();
  });
});

describe('a record’s name as a reference kept as text shows it', () => {
  it('is what HubSpot shows as the record’s name', () => {
    expect(recordName('companies', { name: 'Acme Supplies', domain: 'acme.example' })).toBe('Acme Supplies');
    expect(recordName('contacts', { firstname: 'Anna', lastname: 'Alpha', email: 'anna@alpha.example' })).toBe(
      'Anna Alpha',
    );
    expect(recordName('contacts', { email: 'anna@alpha.example' })).toBe('anna@alpha.example');
    expect(recordName('deals', { dealname: 'Big deal' })).toBe('Big deal');
    expect(recordName('notes', { hs_note_body: 'x' })).toBeNull();
  });
});
