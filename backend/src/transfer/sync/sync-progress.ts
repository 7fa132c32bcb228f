/**
 * The sync's speed and time left (records per second, ETA). Each attempt of the job marks where it
 * started (time, records read so far) and how many records the sync expects (the audit's counts of the
 * synced objects) in the job's checkpoint; the sync's GET turns the mark and the tasks' counts into a rate.
 * Counting from the attempt's start keeps pauses and waits for a budget out of the rate.
 */
import type { JobStatus } from '../../../../shared/src/contracts/index.js';
import type { Db } from '../../db/pool.js';
import { auditsRepository } from '../../db/repositories/audits.repository.js';
import { mappingPlansRepository } from '../../db/repositories/mapping-plans.repository.js';
import type { TransferTaskRecord } from '../../db/repositories/transfer-tasks.repository.js';
import type { JobContext } from '../../jobs/job-runner.js';
import type { PlannedObject } from '../mapping/mapping-plan.js';
import { ASSOCIATIONS_TASK } from './sync-plan.js';

/** Kept in the job's checkpoint under `rate`. */
export interface RateMark {
  /** When this attempt started writing (ISO). */
  since: string;
  /** Records the sync's tasks had read by then. */
  read: number;
  /** Records the audit counted in the synced objects; null when unknown. */
  expected: number | null;
}

export const recordsRead = (tasks: readonly Pick<TransferTaskRecord, 'object' | 'counts'>[]): number =>
  tasks.filter((task) => task.object !== ASSOCIATIONS_TASK).reduce((total, task) => total + task.counts.read, 0);

/** The audit's record counts of the synced rows (filtered-out records included: they are read too). */
export async function expectedRecords(
  db: Db,
  input: { portalId: number; connectionId: string; rows: readonly PlannedObject[] },
): Promise<number | null> {
  const latest = await mappingPlansRepository.latestForConnection(db, input.connectionId);
  const audit = latest ? await auditsRepository.findForPortal(db, input.portalId, latest.auditId) : null;
  if (!audit?.result) return null;
  const keys = new Set(input.rows.map((row) => row.key));
  return audit.result.objects.filter((object) => keys.has(object.key)).reduce((sum, object) => sum + object.records, 0);
}

/** Marks this attempt's start in the job's checkpoint (after the tasks were taken over, before any batch). */
export async function markAttemptStart(
  context: JobContext,
  db: Db,
  rows: readonly PlannedObject[],
  tasks: readonly TransferTaskRecord[],
): Promise<void> {
  const { transfer } = context.transfer;
  const mark: RateMark = {
    since: new Date().toISOString(),
    read: recordsRead(tasks),
    expected: await expectedRecords(db, { portalId: transfer.portalId, connectionId: transfer.connectionId, rows }),
  };
  await context.saveProgress(context.job.progress, { ...context.job.checkpoint, rate: mark });
}

export function rateMarkOf(checkpoint: Record<string, unknown>): RateMark | null {
  const mark = checkpoint.rate as Partial<RateMark> | undefined;
  if (typeof mark?.since !== 'string' || typeof mark.read !== 'number') return null;
  return { since: mark.since, read: mark.read, expected: typeof mark.expected === 'number' ? mark.expected : null };
}

/** Records per second of the running (or finished) attempt, and the seconds left at that rate. Pure. */
export function syncRate(input: {
  status: JobStatus;
  mark: RateMark | null;
  read: number;
  now: Date;
  finishedAt: Date | null;
}): { recordsPerSecond: number | null; etaSeconds: number | null } {
  const { status, mark, read } = input;
  const running = status === 'PROCESSING' || status === 'COMPLETE';
  const end = status === 'COMPLETE' ? (input.finishedAt ?? input.now) : input.now;
  const seconds = mark ? (end.getTime() - Date.parse(mark.since)) / 1000 : 0;
  if (!running || !mark || seconds <= 0 || read <= mark.read)
    return { recordsPerSecond: null, etaSeconds: status === 'COMPLETE' ? 0 : null };
  const recordsPerSecond = (read - mark.read) / seconds;
  if (status === 'COMPLETE') return { recordsPerSecond, etaSeconds: 0 };
  const left = mark.expected === null ? null : Math.max(0, mark.expected - read);
  return { recordsPerSecond, etaSeconds: left === null ? null : Math.ceil(left / recordsPerSecond) };
}
