import { describe, expect, it } from '@jest/globals';
import { buildGuide, type GuideProgress } from '../../backend/src/transfer/guide.js';
import type { JobStatus } from '../../shared/src/contracts/index.js';

const connected = (audit: JobStatus | null, setup: JobStatus | null, sync: JobStatus | null = null): GuideProgress => ({
  installed: true,
  connection: 'connected',
  audit,
  setup,
  sync,
});

const stepOf = (progress: GuideProgress, id: string) => {
  const step = buildGuide(progress, 'Pipedrive').find((entry) => entry.id === id);
  return step === undefined ? undefined : { state: step.state, reason: step.reason };
};

describe('User guide: Prepare HubSpot and the step after it', () => {
  it('keeps Prepare HubSpot locked until an audit is complete, whatever setup ran before', () => {
    for (const audit of [null, 'PROCESSING', 'FAILED', 'PAUSED'] as const)
      expect(stepOf(connected(audit, 'COMPLETE'), 'configure')).toEqual({
        state: 'locked',
        reason: 'Finish an audit first.',
      });
    expect(stepOf({ ...connected('COMPLETE', 'COMPLETE'), connection: 'reconnect_needed' }, 'configure')?.state).toBe(
      'locked',
    );
  });

  it('follows the latest setup transfer once the audit is complete', () => {
    expect(stepOf(connected('COMPLETE', null), 'configure')).toEqual({ state: 'available', reason: undefined });
    expect(stepOf(connected('COMPLETE', 'PROCESSING'), 'configure')?.state).toBe('in_progress');
    expect(stepOf(connected('COMPLETE', 'PAUSED'), 'configure')).toEqual({
      state: 'needs_attention',
      reason: 'The setup is paused. Resume it to finish.',
    });
    expect(stepOf(connected('COMPLETE', 'FAILED'), 'configure')).toEqual({
      state: 'needs_attention',
      reason: 'The last setup failed. Run it again.',
    });
    expect(stepOf(connected('COMPLETE', 'COMPLETE'), 'configure')?.state).toBe('complete');
  });

  it('keeps "Sync records" waiting for Prepare HubSpot until setup is complete, then follows the latest sync', () => {
    for (const setup of [null, 'PROCESSING', 'FAILED', 'CANCELED'] as const)
      expect(stepOf(connected('COMPLETE', setup), 'sync')).toEqual({
        state: 'locked',
        reason: 'Prepare HubSpot first.',
      });
    expect(stepOf(connected('COMPLETE', 'COMPLETE'), 'sync')).toEqual({ state: 'available', reason: undefined });
    expect(stepOf(connected('COMPLETE', 'COMPLETE', 'PROCESSING'), 'sync')?.state).toBe('in_progress');
    expect(stepOf(connected('COMPLETE', 'COMPLETE', 'FAILED'), 'sync')).toEqual({
      state: 'needs_attention',
      reason: 'The last sync failed. Run it again.',
    });
    expect(stepOf(connected('COMPLETE', 'COMPLETE', 'COMPLETE'), 'sync')?.state).toBe('complete');
  });
});
