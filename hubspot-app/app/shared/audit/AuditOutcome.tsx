import { Alert, Flex, Text } from '@hubspot/ui-extensions';
import type { Job } from '../contracts/jobs.ts';
import { StartAuditButton } from './StartAuditButton.tsx';
import type { AuditController } from './useAudit.ts';

const FAILED_FALLBACK =
  'Something went wrong while reading your account. Run the audit again; if it keeps failing, contact support.';

/** The words for an audit that ended without results. */
function outcomeOf(job: Job): { title: string; message: string; variant: 'danger' | 'info' } {
  if (job.status === 'CANCELED') {
    return {
      title: 'The audit was canceled',
      message: 'Nothing changed in either account. Run it again when you are ready.',
      variant: 'info',
    };
  }
  if (job.status === 'FAILED')
    return { title: 'The audit failed', message: job.statusReason ?? FAILED_FALLBACK, variant: 'danger' };
  return {
    title: "We couldn't read the audit's results",
    message: 'Run the audit again; if it keeps happening, contact support.',
    variant: 'danger',
  };
}

/** An audit that ended without results (failed, canceled): why, and a way to run it again. */
export function AuditOutcome({ audit, job }: { audit: AuditController; job: Job }) {
  const outcome = outcomeOf(job);
  return (
    <Alert testId="audit-outcome" title={outcome.title} variant={outcome.variant}>
      <Flex direction="column" gap="sm">
        <Text testId="audit-outcome-message">{outcome.message}</Text>
        <StartAuditButton audit={audit} label="Run a new audit" />
      </Flex>
    </Alert>
  );
}
