import { Flex, LoadingButton } from '@hubspot/ui-extensions';
import type { JobAction, JobStatus } from '../contracts/jobs.ts';
import { isRunning, isUnfinished, type JobController, type JobRun } from '../useJob.ts';

const CONTROLS: { action: JobAction; label: string; applies: (status: JobStatus) => boolean }[] = [
  { action: 'pause', label: 'Pause', applies: isRunning },
  { action: 'resume', label: 'Resume', applies: (status) => status === 'PAUSED' },
  { action: 'cancel', label: 'Cancel', applies: isUnfinished },
];

interface JobControlsProps {
  /** The job's controller (an audit's, a setup's…). */
  audit: Pick<JobController<JobRun>, 'pending' | 'control'>;
  status: JobStatus;
  /** The buttons' test ids are `<prefix>-pause` etc. */
  testIdPrefix?: string;
}

/** Pause, Resume and Cancel, as far as they apply to the job's status. */
export function JobControls({ audit, status, testIdPrefix = 'audit' }: JobControlsProps) {
  return (
    <Flex direction="row" gap="sm">
      {CONTROLS.filter((control) => control.applies(status)).map(({ action, label }) => (
        <LoadingButton
          key={action}
          testId={`${testIdPrefix}-${action}`}
          variant={action === 'cancel' ? 'destructive' : 'secondary'}
          size="sm"
          loading={audit.pending === action}
          disabled={audit.pending !== null}
          onClick={() => audit.control(action)}
        >
          {label}
        </LoadingButton>
      ))}
    </Flex>
  );
}
