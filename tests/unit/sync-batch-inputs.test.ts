import { describe, expect, it } from '@jest/globals';
import type { HubSpotBatchResult, HubSpotInputError } from '../../backend/src/hubspot/hubspot-errors.js';
import {
  type BatchItem,
  lastPerKey,
  matchResults,
  namedItems,
  splitRefused,
} from '../../backend/src/transfer/sync/batch-inputs.js';
import { type BatchRecord, sendSplitting } from '../../backend/src/transfer/sync/batch-sender.js';
import { searchValueLists } from '../../backend/src/transfer/sync/create-writer.js';

const error = (
  message: string,
  context: Record<string, string[]> = {},
  code: string | null = null,
): HubSpotInputError => ({
  category: 'VALIDATION_ERROR',
  subCategory: null,
  message,
  context,
  details: code ? [{ code, message, context: {} }] : [],
});

const MISSING = error('no result');

const items = (count: number): BatchItem[] =>
  Array.from({ length: count }, (_, i) => ({
    key: `p${i + 1}`,
    id: `p${i + 1}`,
    properties: { email: `person${i + 1}@example.com`, firstname: `Person ${i + 1}` },
  }));

/** HubSpot's whole-batch refusal of an invalid value, as its "Property values were not valid" body words it. */
const invalidValue = (name: string, value: string) =>
  error(
    `Property values were not valid: ${JSON.stringify([
      {
        isValid: false,
        message: `Email address ${value} is invalid`,
        error: 'INVALID_EMAIL',
        name,
        propertyValue: value,
      },
    ])}`,
    {},
    'INVALID_EMAIL',
  );

describe('matchResults', () => {
  it('pairs each input with the result holding its id-property value, whatever the order', () => {
    const batch = items(5);
    const results = [...batch].reverse().map((item, i) => ({ id: `h${i}`, properties: { src: item.key } }));
    const matched = matchResults(
      batch,
      results,
      [],
      (item) => item.key,
      (r) => r.properties.src,
      MISSING,
    );
    expect(matched.map((m) => [m.key, 'record' in m ? m.record.properties.src : null])).toEqual(
      batch.map((item) => [item.key, item.key]),
    );
  });

  it("gives a refused input its own error (by trace id) and an input HubSpot did not account for 'missing'", () => {
    const batch = items(3);
    const bad = error('Email address x@y.con is invalid', { objectWriteTraceId: ['p2'] });
    const matched = matchResults(
      batch,
      [{ id: 'h1', properties: { src: 'p1' } }],
      [bad],
      (item) => item.key,
      (r) => r.properties.src,
      MISSING,
    );
    expect(matched).toEqual([
      { key: 'p1', record: { id: 'h1', properties: { src: 'p1' } } },
      { key: 'p2', error: bad },
      { key: 'p3', error: MISSING },
    ]);
  });
});

describe('splitRefused', () => {
  it('fails the input holding the invalid value the refusal names and sends the rest again', () => {
    const batch = items(100);
    const target = batch[41] as BatchItem;
    const { failed, retry } = splitRefused(batch, invalidValue('email', target.properties.email as string));
    expect(failed.map((item) => item.key)).toEqual([target.key]);
    expect(retry).toHaveLength(1);
    expect(retry[0]).toHaveLength(99);
    expect(retry[0]?.some((item) => item.key === target.key)).toBe(false);
  });

  it('names inputs by trace id and by the ids of a duplicate-ids refusal', () => {
    const batch = items(4);
    expect([...namedItems(batch, error('x', { objectWriteTraceId: ['p3'] }))]).toEqual(['p3']);
    expect([...namedItems(batch, error('Duplicate IDs found in batch input: [p1]', { ids: ['p1'] }))]).toEqual(['p1']);
  });

  it('halves a batch when the refusal names no input, and fails a single input outright', () => {
    const batch = items(7);
    const refusal = error('Contact already exists. Existing ID: 12');
    const { failed, retry } = splitRefused(batch, refusal);
    expect(failed).toEqual([]);
    expect(retry.map((part) => part.map((item) => item.key))).toEqual([
      ['p1', 'p2', 'p3', 'p4'],
      ['p5', 'p6', 'p7'],
    ]);
    expect(splitRefused(batch.slice(0, 1), refusal)).toEqual({ failed: batch.slice(0, 1), retry: [] });
  });
});

describe('sendSplitting', () => {
  /** A HubSpot that refuses a whole batch (naming nothing) while it holds one of `bad`, else writes it. */
  function refusingHubSpot(bad: Set<string>) {
    const calls: number[] = [];
    return {
      calls,
      send: async (batch: BatchItem[]): Promise<HubSpotBatchResult<BatchRecord>> => {
        calls.push(batch.length);
        if (batch.some((item) => bad.has(item.key)))
          return { outcome: 'rejected', results: [], errors: [error('Contact already exists. Existing ID: 7')] };
        return {
          outcome: 'complete',
          results: batch.map((item) => ({ id: `h-${item.key}`, new: true, properties: { src: item.key } })),
          errors: [],
        };
      },
    };
  }

  it('lands every good input of a refused batch of 100 in O(log n) calls, without a call per record', async () => {
    const hubspot = refusingHubSpot(new Set(['p37']));
    const results = await sendSplitting(items(100), {
      send: hubspot.send,
      valueOf: (item) => item.key,
      resultValueOf: (record) => record.properties.src,
    });
    expect(results.filter((r) => 'record' in r)).toHaveLength(99);
    expect(results.filter((r) => 'error' in r).map((r) => r.key)).toEqual(['p37']);
    // One bad input among 100: at most 1 + 2·ceil(log2 100) calls.
    expect(hubspot.calls.length).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(100)));
  });

  it('fails a batch refused for a reason of its own (every half refused alike) in three calls, not one per record', async () => {
    const calls: number[] = [];
    const refusal = error('Unable to perform upsert by non-unique property st_source_id');
    const results = await sendSplitting(items(100), {
      send: async (part) => {
        calls.push(part.length);
        return { outcome: 'rejected', results: [], errors: [refusal] };
      },
      valueOf: (item) => item.key,
      resultValueOf: (record: BatchRecord) => record.properties.src,
    });
    expect(calls).toEqual([100, 50, 50]);
    expect(results).toEqual(items(100).map((item) => ({ key: item.key, error: refusal })));
  });

  it('needs two calls when the refusal names the bad input', async () => {
    const batch = items(100);
    const calls: number[] = [];
    const results = await sendSplitting(batch, {
      send: async (part) => {
        calls.push(part.length);
        const bad = part.find((item) => item.key === 'p5');
        if (bad)
          return { outcome: 'rejected', results: [], errors: [invalidValue('email', bad.properties.email as string)] };
        return {
          outcome: 'complete',
          results: part.map((item) => ({ id: `h-${item.key}`, properties: { src: item.key } })),
          errors: [],
        };
      },
      valueOf: (item) => item.key,
      resultValueOf: (record: BatchRecord) => record.properties.src,
    });
    expect(calls).toEqual([100, 99]);
    expect(results.filter((r) => 'error' in r).map((r) => r.key)).toEqual(['p5']);
  });
});

describe('lastPerKey', () => {
  it('keeps one input per source id, the last one read', () => {
    const kept = lastPerKey(
      [
        { sourceId: '1', v: 'a' },
        { sourceId: '2', v: 'b' },
        { sourceId: '1', v: 'c' },
      ],
      (input) => input.sourceId,
    );
    expect(kept).toEqual([
      { sourceId: '2', v: 'b' },
      { sourceId: '1', v: 'c' },
    ]);
  });
});

describe('searchValueLists', () => {
  it('keeps every IN list within 100 values and the search body budget, values lowercase', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `Deal-${String(i).padStart(40, '0')}`);
    const lists = searchValueLists(ids);
    expect(lists.flat()).toEqual(ids.map((id) => id.toLowerCase()));
    for (const list of lists) {
      expect(list.length).toBeLessThanOrEqual(100);
      expect(JSON.stringify(list).length).toBeLessThanOrEqual(2_500);
    }
  });
});
