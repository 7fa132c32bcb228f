import { type BaseContext, Button, Flex, ProgressBar, Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';
import { JobControls } from '../components/JobControls.tsx';
import { JobStatusTag } from '../components/JobStatusTag.tsx';
import type { SetupResponse } from '../contracts/setup.ts';
import { formatCount } from '../format.ts';
import { isUnfinished } from '../useJob.ts';
import { SetupErrors } from './SetupErrors.tsx';
import type { SetupController } from './useSetup.ts';

const DATE_WORDS: Record<SetupResponse['syncWritesDates'][number], string> = {
  create_date: 'create date',
  close_date: 'close date',
};

interface SetupProgressProps {
  setup: SetupController;
  transfer: SetupResponse;
  context: BaseContext;
  onChangeSettings: () => void;
}

/** Step 4: the setup transfer as it runs and after: created / reused / failed, controls, notices, errors. */
export function SetupProgress({ setup, transfer, context, onChangeSettings }: SetupProgressProps) {
  const { job, summary } = transfer;
  const done = transfer.tasks.filter((task) => task.status === 'done').length;
  return (
    <Flex direction="column" gap="md" testId="setup-progress">
      <Flex direction="row" gap="sm" align="center">
        <Text format={{ fontWeight: 'demibold' }}>Preparing HubSpot</Text>
        <JobStatusTag status={job.status} testId="setup-status" />
      </Flex>
      {isUnfinished(job.status) && (
        <ProgressBar
          testId="setup-progress-bar"
          title={job.progress.phase}
          value={done}
          maxValue={Math.max(1, transfer.tasks.length)}
          valueDescription={`${done} of ${transfer.tasks.length} steps done`}
        />
      )}
      <Statistics testId="setup-tiles">
        <StatisticsItem label="Created" number={formatCount(summary.created)} />
        <StatisticsItem label="Reused" number={formatCount(summary.reused)} />
        <StatisticsItem label="Failed" number={formatCount(summary.failed)} />
      </Statistics>
      {job.statusReason !== null && <Text testId="setup-status-reason">{job.statusReason}</Text>}
      {transfer.syncWritesDates.length > 0 && (
        <Text testId="setup-sync-writes-dates" variant="microcopy">
          {`Without its backfill workflow, the sync writes the ${transfer.syncWritesDates
            .map((date) => DATE_WORDS[date])
            .join(' and ')} itself.`}
        </Text>
      )}
      {transfer.notices.map((notice) => (
        <Text key={notice} variant="microcopy">
          {notice}
        </Text>
      ))}
      <JobControls audit={setup} status={job.status} testIdPrefix="setup" />
      {summary.failed > 0 && <SetupErrors transferId={transfer.id} context={context} />}
      {!isUnfinished(job.status) && (
        <Flex direction="row" gap="sm">
          <Button testId="setup-change-settings" onClick={onChangeSettings}>
            Change settings
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
