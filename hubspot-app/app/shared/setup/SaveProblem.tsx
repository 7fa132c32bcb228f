import { Alert, Text } from '@hubspot/ui-extensions';
import type { ApiError } from '../api-error.ts';

/** The last save's refusal: its message, and what it names that no field on this step shows. */
export function SaveProblem({ error, shownPaths }: { error: ApiError | null; shownPaths: (path: string) => boolean }) {
  if (error === null) return null;
  const elsewhere = error.details.filter((problem) => !shownPaths(problem.path));
  return (
    <Alert testId="settings-save-error" title="We couldn't save your settings" variant="danger">
      <Text>{error.message}</Text>
      {elsewhere.map((problem) => (
        <Text key={problem.path} testId={`settings-save-error-${problem.path}`}>
          {problem.message}
        </Text>
      ))}
    </Alert>
  );
}
