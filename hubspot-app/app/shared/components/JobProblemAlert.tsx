import { Alert, Button, Text } from '@hubspot/ui-extensions';
import type { JobProblem } from '../useJob.ts';

const VERBS: Record<JobProblem['during'], string> = {
  start: 'start',
  pause: 'pause',
  resume: 'resume',
  cancel: 'cancel',
  check: 'check on',
};

/**
 * What went wrong with the user's last command on a job (`what`: "the sync"), or with checking on it (then
 * "Check again"). Test ids: `<testIdPrefix>-problem`, `<testIdPrefix>-check-again`.
 */
export function JobProblemAlert(props: {
  problem: JobProblem | null;
  what: string;
  testIdPrefix: string;
  onCheckAgain: () => void;
}) {
  const { problem } = props;
  if (problem === null) return null;
  return (
    <Alert
      testId={`${props.testIdPrefix}-problem`}
      title={`We couldn't ${VERBS[problem.during]} ${props.what}`}
      variant="danger"
    >
      <Text>{problem.error.message}</Text>
      {problem.stopped && (
        <Button testId={`${props.testIdPrefix}-check-again`} size="sm" onClick={props.onCheckAgain}>
          Check again
        </Button>
      )}
    </Alert>
  );
}
