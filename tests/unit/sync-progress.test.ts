import { describe, expect, it } from '@jest/globals';
import { type RateMark, syncRate } from '../../backend/src/transfer/sync/sync-progress.js';

const since = '2026-12-05T10:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(since) + seconds * 1000);
const mark: RateMark = { since, read: 200, expected: 2000 };

describe('the sync rate and ETA', () => {
  it('counts the records this attempt read since it started, and the rest of the audit count at that rate', () => {
    // 300 records in 20 s → 15/s; 2000 − 500 = 1500 left → 100 s.
    expect(syncRate({ status: 'PROCESSING', mark, read: 500, now: at(20), finishedAt: null })).toEqual({
      recordsPerSecond: 15,
      etaSeconds: 100,
    });
  });

  it('rounds the ETA up and never goes below zero when the source holds more than the audit counted', () => {
    expect(syncRate({ status: 'PROCESSING', mark, read: 270, now: at(10), finishedAt: null }).etaSeconds).toBe(248);
    expect(syncRate({ status: 'PROCESSING', mark, read: 2100, now: at(10), finishedAt: null }).etaSeconds).toBe(0);
  });

  it('has no rate before the first batch, while the sync waits, or without a mark; no ETA without an audit count', () => {
    expect(syncRate({ status: 'PROCESSING', mark, read: 200, now: at(5), finishedAt: null })).toEqual({
      recordsPerSecond: null,
      etaSeconds: null,
    });
    for (const status of ['PAUSED', 'RETRYING', 'PENDING'] as const)
      expect(syncRate({ status, mark, read: 500, now: at(5), finishedAt: null })).toEqual({
        recordsPerSecond: null,
        etaSeconds: null,
      });
    expect(
      syncRate({ status: 'PROCESSING', mark: null, read: 500, now: at(5), finishedAt: null }).recordsPerSecond,
    ).toBe(null);
    expect(
      syncRate({ status: 'PROCESSING', mark: { ...mark, expected: null }, read: 400, now: at(10), finishedAt: null }),
    ).toEqual({ recordsPerSecond: 20, etaSeconds: null });
  });

  it('keeps the finished attempt’s average once complete, with nothing left', () => {
    expect(syncRate({ status: 'COMPLETE', mark, read: 2000, now: at(500), finishedAt: at(90) })).toEqual({
      recordsPerSecond: 20,
      etaSeconds: 0,
    });
  });
});
