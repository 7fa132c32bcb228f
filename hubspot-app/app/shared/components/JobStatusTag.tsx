import type { JobStatus } from '../contracts/jobs.ts';
import { MappedStatusTag, type StatusTagStyle } from './MappedStatusTag.tsx';

const STYLES: Record<JobStatus, StatusTagStyle> = {
  PENDING: { label: 'Queued', variant: 'info', hollow: true },
  PROCESSING: { label: 'Running', variant: 'info' },
  RETRYING: { label: 'Waiting to retry', variant: 'warning' },
  PAUSED: { label: 'Paused', variant: 'warning', hollow: true },
  COMPLETE: { label: 'Complete', variant: 'success' },
  FAILED: { label: 'Failed', variant: 'danger' },
  CANCELED: { label: 'Canceled', variant: 'default', hollow: true },
};

/** Where a job (an audit, later a transfer) stands, in words. */
export function JobStatusTag({ status, testId }: { status: JobStatus; testId?: string }) {
  return <MappedStatusTag styles={STYLES} value={status} testId={testId} />;
}
