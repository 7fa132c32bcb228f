import { Flex, LoadingButton } from '@hubspot/ui-extensions';
import type { JobAction, JobStatus } from '../contracts/jobs.ts';
import { type AuditController, isRunning, isUnfinished } from '../useAudit.ts';

const CONTROLS: { action: JobAction; label: string; applies: (status: JobStatus) => boolean }[] = [
  { action: 'pause', label: 'Pause', applies: isRunning },
  { action: 'resume', label: 'Resume', applies: (status) => status === 'PAUSED' },
  { action: 'cancel', label: 'Cancel', applies: isUnfinished },
];

/** Pause, Resume and Cancel, as far as they apply to the job's status. */
export function JobControls({ audit, status }: { audit: AuditController; status: JobStatus }) {
  return (
    <Flex direction="row" gap="sm">
      {CONTROLS.filter((control) => control.applies(status)).map(({ action, label }) => (
        <LoadingButton
          key={action}
          testId={`audit-${action}`}
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
