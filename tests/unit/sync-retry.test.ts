import { describe, expect, it } from '@jest/globals';
import type { PlannedObject } from '../../backend/src/transfer/mapping/mapping-plan.js';
import type { AssociationPair } from '../../backend/src/transfer/sync/association-writer.js';
import { associationErrorFrom, associationErrorKey } from '../../backend/src/transfer/sync/sync-associations.js';
import { failedRecordsOf, retriedSyncOf } from '../../backend/src/transfer/sync/sync-retry.js';

const row = (key: string, sourceObject: string, hubspotObject: string): PlannedObject => ({
  key,
  sourceLabel: key,
  hubspotObject,
  hubspotLabel: hubspotObject,
  properties: 0,
  supportedProperties: 0,
  unsupportedProperties: 0,
  sourceObject,
  sourceTypes: null,
  takesOtherTypes: false,
  propertyGroup: { name: `pipedrive_${key}`, label: key },
});

const pair = (fromType: string, fromSourceId: string, toType: string, toSourceId: string): AssociationPair => ({
  fromType,
  toType,
  fromSourceId,
  toSourceId,
  fromId: null,
  toId: null,
});

describe('retry failed records: which records a retry writes again', () => {
  it('names an association by both ends and reads its start back', () => {
    const key = associationErrorKey(pair('deals', '12', 'companies', '7'));
    expect(key).toBe('deals/12 → companies/7');
    expect(associationErrorFrom(key)).toEqual({ hubspotObject: 'deals', sourceId: '12' });
    expect(associationErrorFrom('12')).toBeNull();
    expect(associationErrorFrom('deals 12 companies 7')).toBeNull();
  });

  it("takes the row's own record errors and the records its failed associations start from, each with the errors it resolves", () => {
    const errors = [
      { id: 1, object: 'organizations', sourceId: '2' },
      { id: 2, object: 'deals', sourceId: '5' },
      { id: 3, object: 'associations', sourceId: 'deals/2 → companies/2' },
      { id: 4, object: 'associations', sourceId: 'contacts/2 → companies/2' },
      { id: 5, object: 'associations', sourceId: 'deals/5 → contacts/4' },
      { id: 6, object: 'call_activities', sourceId: '5' },
    ];
    const deals = failedRecordsOf(row('deals', 'deals', 'deals'), errors);
    expect([...deals.entries()]).toEqual([
      ['5', [2, 5]],
      ['2', [3]],
    ]);
    expect([...failedRecordsOf(row('persons', 'persons', 'contacts'), errors).entries()]).toEqual([['2', [4]]]);
    expect([...failedRecordsOf(row('organizations', 'organizations', 'companies'), errors).entries()]).toEqual([
      ['2', [1]],
    ]);
    expect(failedRecordsOf(row('products', 'products', 'products'), errors).size).toBe(0);
  });

  it('knows a retry run by its checkpoint', () => {
    expect(retriedSyncOf({ retryOf: '5a7c9e1b-3d5f-4a7c-9e1b-3d5f7a9c1e3b' })).toBe(
      '5a7c9e1b-3d5f-4a7c-9e1b-3d5f7a9c1e3b',
    );
    expect(retriedSyncOf({})).toBeNull();
    expect(retriedSyncOf({ retryOf: 7 })).toBeNull();
  });
});
