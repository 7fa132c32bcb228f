import { type BaseContext, Button, Flex, ProgressBar, Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';
import { JobControls } from '../components/JobControls.tsx';
import { JobStatusTag } from '../components/JobStatusTag.tsx';
import type { SyncResponse } from '../contracts/sync.ts';
import { formatCount } from '../format.ts';
import { isUnfinished } from '../useJob.ts';
import { RetryFailedRecords } from './RetryFailedRecords.tsx';
import { formatEta, formatRate, hasErrors } from './sync-labels.ts';
import { SyncErrors } from './SyncErrors.tsx';
import { SyncTasksTable } from './SyncTasksTable.tsx';
import type { SyncController } from './useSync.ts';

interface SyncRunProps {
  sync: SyncController;
  run: SyncResponse;
  context: BaseContext;
}

/**
 * A sync as it runs and after: its tiles (read / written / skipped / failed, records per second, time
 * left), progress per task, pause / resume / cancel, and the records that did not land with "Retry failed
 * records" once it ended.
 */
export function SyncRun({ sync, run, context }: SyncRunProps) {
  const { job, summary } = run;
  const unfinished = isUnfinished(job.status);
  const done = run.tasks.filter((task) => task.status === 'done').length;
  const failed = run.tasks.reduce((total, task) => total + task.counts.failed, 0);
  return (
    <Flex direction="column" gap="md" testId="sync-run">
      <Flex direction="row" gap="sm" align="center">
        <Text format={{ fontWeight: 'demibold' }} testId="sync-title">
          {run.retryOf === null ? 'Syncing your records' : 'Retrying the failed records'}
        </Text>
        <JobStatusTag status={job.status} testId="sync-status" />
      </Flex>
      {unfinished && (
        <ProgressBar
          testId="sync-progress-bar"
          title={job.progress.phase}
          value={done}
          maxValue={Math.max(1, run.tasks.length)}
          valueDescription={`${done} of ${run.tasks.length} steps done`}
        />
      )}
      <Statistics testId="sync-tiles">
        <StatisticsItem label="Read" number={formatCount(summary.read)} />
        <StatisticsItem label="Written" number={formatCount(summary.created + summary.updated)} />
        <StatisticsItem label="Skipped" number={formatCount(summary.skipped)} />
        <StatisticsItem label="Failed" number={formatCount(summary.failed)} />
        {unfinished && <StatisticsItem label="Records per second" number={formatRate(run.recordsPerSecond)} />}
        {unfinished && <StatisticsItem label="Time left" number={formatEta(run.etaSeconds)} />}
      </Statistics>
      {job.statusReason !== null && <Text testId="sync-status-reason">{job.statusReason}</Text>}
      <JobControls audit={sync} status={job.status} testIdPrefix="sync" />
      {(job.status === 'FAILED' || job.status === 'CANCELED') && (
        <Flex direction="row" gap="sm">
          <Button testId="sync-start-again" onClick={sync.start} disabled={sync.pending !== null}>
            Start sync again
          </Button>
        </Flex>
      )}
      <SyncTasksTable tasks={run.tasks} />
      {hasErrors(run.tasks) && <SyncErrors syncId={run.id} context={context} version={`${job.status}:${failed}`} />}
      {hasErrors(run.tasks) && !unfinished && (
        <RetryFailedRecords key={run.id} syncId={run.id} context={context} onStarted={sync.reload} />
      )}
    </Flex>
  );
}
