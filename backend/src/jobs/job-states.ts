import type { JobStatus } from '../../../shared/src/contracts/index.js';

/**
 * Every allowed status change, in one place. PROCESSING → PROCESSING is a worker taking over a job whose
 * previous worker died; RETRYING → PROCESSING is the retry after a limit or an outage.
 */
const JOB_TRANSITIONS: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  PENDING: ['PROCESSING', 'PAUSED', 'CANCELED'],
  PROCESSING: ['PROCESSING', 'COMPLETE', 'FAILED', 'RETRYING', 'PAUSED', 'CANCELED'],
  RETRYING: ['PROCESSING', 'FAILED', 'PAUSED', 'CANCELED'],
  PAUSED: ['PENDING', 'CANCELED'],
  COMPLETE: [],
  FAILED: [],
  CANCELED: [],
};

/** The statuses a job may be in for a change to `to` to be allowed. */
export function statusesLeadingTo(to: JobStatus): JobStatus[] {
  return (Object.keys(JOB_TRANSITIONS) as JobStatus[]).filter((from) => JOB_TRANSITIONS[from].includes(to));
}

export function canTransition(from: JobStatus, to: JobStatus): boolean {
  return JOB_TRANSITIONS[from].includes(to);
}
