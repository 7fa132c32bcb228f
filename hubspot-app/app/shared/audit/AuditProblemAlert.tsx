import { Alert, Button, Flex, Text } from '@hubspot/ui-extensions';
import type { AuditProblem } from './useAudit.ts';

const TITLES: Record<Exclude<AuditProblem['during'], 'check'>, string> = {
  start: "We couldn't start the audit",
  pause: "We couldn't pause the audit",
  resume: "We couldn't resume the audit",
  cancel: "We couldn't cancel the audit",
};

/** What went wrong with the user's last command, or with checking on the audit, and what to do now. */
export function AuditProblemAlert({ problem, onCheckAgain }: { problem: AuditProblem; onCheckAgain: () => void }) {
  if (problem.during !== 'check') {
    return (
      <Alert testId="audit-problem" title={TITLES[problem.during]} variant="danger">
        <Text testId="audit-problem-message">{problem.error.message}</Text>
      </Alert>
    );
  }
  return (
    <Alert
      testId="audit-problem"
      title={problem.stopped ? 'We stopped checking on the audit' : "We couldn't check on the audit"}
      variant={problem.stopped ? 'danger' : 'warning'}
    >
      <Flex direction="column" gap="sm">
        <Text testId="audit-problem-message">
          {problem.stopped
            ? `${problem.error.message} The audit itself keeps running.`
            : `${problem.error.message} We'll try again in a moment.`}
        </Text>
        {problem.stopped && (
          <Button testId="audit-check-again" onClick={onCheckAgain}>
            Check again
          </Button>
        )}
      </Flex>
    </Alert>
  );
}
