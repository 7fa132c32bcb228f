import { Text } from '@hubspot/ui-extensions';

/** What the backend refused about one setting, shown next to it. */
export function FieldProblem({ path, message }: { path: string; message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <Text testId={`setting-problem-${path}`} variant="microcopy">
      {message}
    </Text>
  );
}
