import { describe, expect, it } from '@jest/globals';
import { buildGuide, type GuideProgress } from '../../backend/src/transfer/guide.js';
import type { JobStatus } from '../../shared/src/contracts/index.js';

const ready = (sync: JobStatus | null, syncErrors = 0): GuideProgress => ({
  installed: true,
  connection: 'connected',
  audit: 'COMPLETE',
  setup: 'COMPLETE',
  sync,
  syncErrors,
});

const syncStep = (progress: GuideProgress) => {
  const step = buildGuide(progress, 'Pipedrive').find((entry) => entry.id === 'sync');
  return { state: step?.state, reason: step?.reason, actionLabel: step?.actionLabel };
};

describe('User guide: the "Sync records" step', () => {
  it("names its button after the sync's state", () => {
    expect(syncStep(ready(null)).actionLabel).toBe('Start sync');
    expect(syncStep(ready('PROCESSING')).actionLabel).toBe('View progress');
    expect(syncStep(ready('PAUSED')).actionLabel).toBe('Review the sync');
    expect(syncStep(ready('COMPLETE')).actionLabel).toBe('View the sync');
    expect(syncStep({ ...ready(null), setup: null })).toEqual({
      state: 'locked',
      reason: 'Prepare HubSpot first.',
      actionLabel: 'Sync records',
    });
  });

  it('needs attention when the finished sync left errors, until a retry resolves them', () => {
    expect(syncStep(ready('COMPLETE', 3))).toEqual({
      state: 'needs_attention',
      reason: '3 records or associations failed. Review the errors and retry the failed records.',
      actionLabel: 'Review the sync',
    });
    expect(syncStep(ready('COMPLETE', 1)).reason).toBe(
      '1 record or association failed. Review the errors and retry the failed records.',
    );
    expect(syncStep(ready('PROCESSING', 3)).state).toBe('in_progress');
    expect(syncStep(ready('COMPLETE', 0)).state).toBe('complete');
  });
});
