import { describe, expect, it } from '@jest/globals';
import { compareAudits } from '../../backend/src/transfer/audit/compare-audits.js';
import { auditResult, field } from '../support/audit-fixture.js';

const ids = {
  auditId: '00000000-0000-4000-8000-000000000002',
  previousAuditId: '00000000-0000-4000-8000-000000000001',
};

describe('comparing two audits', () => {
  it('reports nothing when nothing changed', () => {
    const comparison = compareAudits(ids, auditResult(), auditResult());
    expect(comparison).toEqual({
      ...ids,
      objects: [],
      fields: [],
      pipelines: [],
      users: [],
      currencies: [],
      records: [],
      holdings: [],
      notTransferred: [],
    });
  });

  it('reports an added field, a renamed option, an added stage, a removed user and count deltas', () => {
    const before = auditResult();
    const after = auditResult({
      objects: before.objects.map((object) => (object.key === 'persons' ? { ...object, records: 3 } : object)),
      fields: {
        ...before.fields,
        deals: [
          field('a1', 'Region', {
            sourceType: 'enum',
            options: [
              { id: '1', label: 'Northern' },
              { id: '2', label: 'South' },
              { id: '3', label: 'East' },
            ],
          }),
          field('a2', 'Notes'),
          field('a3', 'Budget'),
        ],
      },
      pipelines: [
        {
          ...(before.pipelines[0] as (typeof before.pipelines)[number]),
          stages: [
            ...(before.pipelines[0]?.stages ?? []),
            { id: '3', name: 'Negotiation', order: 3, sourceProbability: 80, hubspotProbability: 0.8 },
          ],
        },
      ],
      users: [],
      currencies: [...before.currencies, { code: 'USD', name: 'US Dollar', used: true, inHubSpot: false }],
    });
    const comparison = compareAudits(ids, before, after);
    expect(comparison.fields).toEqual([
      {
        change: 'changed',
        id: 'a1',
        label: 'Region',
        objectKey: 'deals',
        details: ['Option renamed from "North" to "Northern"', 'Option "East" added'],
      },
      { change: 'added', id: 'a3', label: 'Budget', objectKey: 'deals', details: [] },
    ]);
    expect(comparison.pipelines).toEqual([
      { change: 'changed', id: '1', label: 'Sales', objectKey: null, details: ['Stage "Negotiation" added'] },
    ]);
    expect(comparison.users).toEqual([{ change: 'removed', id: '1', label: 'Ann', objectKey: null, details: [] }]);
    expect(comparison.currencies).toEqual([
      { change: 'added', id: 'USD', label: 'US Dollar', objectKey: null, details: [] },
    ]);
    expect(comparison.records).toEqual([{ key: 'persons', label: 'Persons', before: 5, after: 3, delta: -2 }]);
    expect(comparison.objects).toEqual([]);
  });

  it('reports removed fields and options, type and support changes, stage probability changes', () => {
    const before = auditResult();
    const after = auditResult({
      fields: {
        deals: [
          field('a1', 'Region', {
            sourceType: 'set',
            supported: false,
            targets: [],
            reason: 'Too many options',
            options: [{ id: '2', label: 'South' }],
          }),
        ],
        persons: before.fields.persons ?? [],
      },
      pipelines: [
        {
          ...(before.pipelines[0] as (typeof before.pipelines)[number]),
          stages: [{ id: '1', name: 'Lead', order: 1, sourceProbability: 20, hubspotProbability: 0.2 }],
        },
      ],
    });
    const comparison = compareAudits(ids, before, after);
    expect(comparison.fields).toEqual([
      {
        change: 'changed',
        id: 'a1',
        label: 'Region',
        objectKey: 'deals',
        details: ['Type changed from enum to set', 'No longer supported: Too many options', 'Option "North" removed'],
      },
      { change: 'removed', id: 'a2', label: 'Notes', objectKey: 'deals', details: [] },
    ]);
    expect(comparison.pipelines[0]?.details).toEqual([
      'Stage "Lead" probability changed from 10 to 20',
      'Stage "Offer" removed',
    ]);
  });
});

it('compares what else the account holds and what is not transferred', () => {
  const holding = (records: number) => ({
    key: 'files',
    label: 'Files',
    records,
    breakdown: {},
    bytes: null,
    count: 'exact' as const,
    becomes: 'Attachments',
    note: 'Uploaded.',
    underObject: null,
  });
  const before = auditResult({ holdings: [holding(3)], notTransferred: [] });
  const after = auditResult({
    holdings: [holding(5)],
    notTransferred: [{ key: 'leads', label: 'Leads', records: 2, reason: 'Leads stay.' }],
  });
  const comparison = compareAudits(ids, before, after);
  expect(comparison.holdings).toEqual([
    { key: 'holding:files', label: 'Files', before: 3, after: 5, delta: 2 },
    { key: 'not_transferred:leads', label: 'Leads', before: 0, after: 2, delta: 2 },
  ]);
  expect(comparison.notTransferred).toEqual([
    { change: 'added', id: 'leads', label: 'Leads', objectKey: null, details: [] },
  ]);
});
