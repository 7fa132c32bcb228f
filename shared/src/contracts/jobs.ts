import { z } from 'zod';

/** The life of every job (audit, and later setup, sync, one-time, revert). Transitions: backend/src/jobs/job-states.ts. */
export const JobStatus = z.enum(['PENDING', 'PROCESSING', 'PAUSED', 'RETRYING', 'COMPLETE', 'FAILED', 'CANCELED']);
export type JobStatus = z.infer<typeof JobStatus>;

/** What a job runs: one transfer of this kind (audit, setup, sync, one-time, revert). */
export const JobKind = z.enum(['audit', 'setup', 'sync', 'onetime', 'revert']);
export type JobKind = z.infer<typeof JobKind>;

export const JobProgress = z.object({
  /** Units done and expected (records counted, for an audit); total may be unknown while counting. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  /** What the job is doing now, in words for the user. */
  phase: z.string(),
});
export type JobProgress = z.infer<typeof JobProgress>;

export const Job = z.object({
  id: z.string().uuid(),
  kind: JobKind,
  connectionId: z.string().uuid(),
  status: JobStatus,
  progress: JobProgress,
  /** Why the job waits (RETRYING) or failed (FAILED), in words for the user. */
  statusReason: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;

/** POST /api/v1/jobs/:id/pause | resume | cancel */
export const JobAction = z.enum(['pause', 'resume', 'cancel']);
export type JobAction = z.infer<typeof JobAction>;
