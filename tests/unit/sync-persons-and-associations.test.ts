import { describe, expect, it } from '@jest/globals';
import {
  type AssociationPair,
  labelOf,
  onePrimaryPerRecord,
} from '../../backend/src/transfer/sync/association-writer.js';
import { groupPersonsByEmail, type PersonInput } from '../../backend/src/transfer/sync/persons-by-email.js';

const person = (sourceId: string, email: string | null, sourceCreatedAt: string): PersonInput => ({
  sourceId,
  email,
  sourceCreatedAt,
  properties: email ? { email } : {},
});

describe('groupPersonsByEmail', () => {
  it('makes persons sharing an e-mail (any case, spaces) one group won by the oldest', () => {
    const groups = groupPersonsByEmail([
      person('30', 'Ann@Example.com ', '2024-03-01T00:00:00Z'),
      person('31', null, '2020-01-01T00:00:00Z'),
      person('12', 'ann@example.com', '2021-06-01T00:00:00Z'),
      person('40', 'ANN@example.COM', '2023-01-01T00:00:00Z'),
    ]);
    expect(groups.map((g) => [g.winner.sourceId, g.merged.map((p) => p.sourceId)])).toEqual([
      ['12', ['40', '30']],
      ['31', []],
    ]);
  });

  it('breaks a tie on the creation time by the lower numeric source id', () => {
    const at = '2022-01-01T10:00:00Z';
    const [group] = groupPersonsByEmail([person('100', 'a@b.io', at), person('9', 'a@b.io', at)]);
    expect(group?.winner.sourceId).toBe('9');
  });

  it('never groups persons without an e-mail', () => {
    expect(groupPersonsByEmail([person('1', null, 'x'), person('2', '', 'x')])).toHaveLength(2);
  });
});

const pair = (overrides: Partial<AssociationPair>): AssociationPair => ({
  fromType: 'deals',
  toType: 'companies',
  fromSourceId: 'd1',
  toSourceId: 'o1',
  fromId: '1',
  toId: '2',
  ...overrides,
});

describe('primary company', () => {
  it("writes a primary company with HubSpot's Primary type (contact 1, deal 5) and a custom label by its type id", () => {
    expect(labelOf(pair({ primary: true }))).toEqual({ category: 'HUBSPOT_DEFINED', typeId: 5 });
    expect(labelOf(pair({ fromType: 'contacts', primary: true }))).toEqual({ category: 'HUBSPOT_DEFINED', typeId: 1 });
    expect(labelOf(pair({ fromType: 'deals', toType: 'contacts', primary: true }))).toBeNull();
    expect(labelOf(pair({ label: { category: 'USER_DEFINED', typeId: 77 } }))).toEqual({
      category: 'USER_DEFINED',
      typeId: 77,
    });
    expect(labelOf(pair({}))).toBeNull();
  });

  it('keeps at most one primary company per contact and per deal, counting only pairs that are written', () => {
    const pairs = onePrimaryPerRecord([
      pair({ toSourceId: 'o1', primary: true }),
      pair({ toSourceId: 'o2', primary: true }),
      pair({ fromSourceId: 'd2', toSourceId: 'o2', primary: true }),
      pair({ fromSourceId: 'd3', toSourceId: 'o1', primary: true, skip: 'filtered_out' }),
      pair({ fromSourceId: 'd3', toSourceId: 'o3', primary: true, toId: null }),
      pair({ fromSourceId: 'd3', toSourceId: 'o2', primary: true }),
    ]);
    expect(pairs.map((p) => [p.fromSourceId, p.toSourceId, p.primary])).toEqual([
      ['d1', 'o1', true],
      ['d1', 'o2', false],
      ['d2', 'o2', true],
      ['d3', 'o1', true],
      ['d3', 'o3', true],
      ['d3', 'o2', true],
    ]);
  });
});
