/**
 * Deterministic crash points of the sync, for the restart tests only: with SMART_TRANSFER_TEST_SYNC_CRASH set
 * to `<point>:<task>:<n>`, the worker kills itself (SIGKILL, no clean-up) the n-th time (1-based, counted in
 * this process) the task passes that point. Unset in every real deployment.
 * - `records-written`: HubSpot acknowledged a batch's records, nothing of it is committed yet;
 * - `batch-committed`: a batch is committed (mid-page when the page holds more batches);
 * - `associations-written`: HubSpot acknowledged a call of kept association pairs (association-buffer.ts),
 *   before the commit that removes them and counts their outcomes.
 */
export type SyncCrashPoint = 'records-written' | 'batch-committed' | 'associations-written';

const passes = new Map<string, number>();

export function crashPoint(point: SyncCrashPoint, task: string): void {
  const target = process.env.SMART_TRANSFER_TEST_SYNC_CRASH;
  if (!target) return;
  const key = `${point}:${task}`;
  const count = (passes.get(key) ?? 0) + 1;
  passes.set(key, count);
  if (target === `${key}:${count}`) process.kill(process.pid, 'SIGKILL');
}
