import { Flex, ProgressBar, Text } from '@hubspot/ui-extensions';
import { JobControls } from '../components/JobControls.tsx';
import { JobStatusTag } from '../components/JobStatusTag.tsx';
import type { Job } from '../contracts/jobs.ts';
import { formatCount } from '../format.ts';
import type { AuditController } from './useAudit.ts';

/** How far the counting got: "1,200 of 5,000 records", or only what is counted while the total is unknown. */
function progressWords({ done, total }: Job['progress']): string {
  return total === null
    ? `${formatCount(done)} records counted so far`
    : `${formatCount(done)} of ${formatCount(total)} records`;
}

/** What the paused or waiting audit is waiting for, in words. */
function waitingWords(job: Job): string | null {
  if (job.status === 'PAUSED') return 'Paused. Resume to continue where it stopped.';
  if (job.status === 'RETRYING') return job.statusReason ?? 'Waiting a moment before trying again.';
  return null;
}

/** A running or paused audit: what it is doing, how far it got, and Pause / Resume / Cancel. */
export function AuditProgress({ audit, job }: { audit: AuditController; job: Job }) {
  const waiting = waitingWords(job);
  return (
    <Flex direction="column" gap="sm" testId="audit-running">
      <Flex direction="row" gap="sm" align="center">
        <Text format={{ fontWeight: 'demibold' }}>Auditing your data</Text>
        <JobStatusTag status={job.status} testId="audit-status" />
      </Flex>
      <ProgressBar
        testId="audit-progress"
        title={job.progress.phase}
        // While the total is being counted there is no share to show: the bar stays empty, the words say how far.
        value={job.progress.total === null ? undefined : job.progress.done}
        maxValue={job.progress.total ?? undefined}
        showPercentage={job.progress.total !== null}
        valueDescription={progressWords(job.progress)}
        variant={waiting === null ? undefined : 'warning'}
      />
      {waiting !== null && <Text testId="audit-waiting">{waiting}</Text>}
      <Text variant="microcopy">
        The audit only reads your data: nothing changes in either account. You can leave this page; it keeps running.
      </Text>
      <JobControls audit={audit} status={job.status} />
    </Flex>
  );
}
