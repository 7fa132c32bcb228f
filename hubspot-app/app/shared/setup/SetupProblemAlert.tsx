import { Alert, Button, Text } from '@hubspot/ui-extensions';
import type { JobProblem } from '../useJob.ts';

const TITLES: Record<JobProblem['during'], string> = {
  start: "We couldn't start the setup",
  pause: "We couldn't pause the setup",
  resume: "We couldn't resume the setup",
  cancel: "We couldn't cancel the setup",
  check: "We couldn't check on the setup",
};

/** What went wrong with the user's last setup command, or with checking on it (then "Check again"). */
export function SetupProblemAlert({ problem, onCheckAgain }: { problem: JobProblem | null; onCheckAgain: () => void }) {
  if (problem === null) return null;
  return (
    <Alert testId="setup-problem" title={TITLES[problem.during]} variant="danger">
      <Text>{problem.error.message}</Text>
      {problem.stopped && (
        <Button testId="setup-check-again" size="sm" onClick={onCheckAgain}>
          Check again
        </Button>
      )}
    </Alert>
  );
}
