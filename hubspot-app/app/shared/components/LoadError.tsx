import { Button, ErrorState, Text } from '@hubspot/ui-extensions';
import type { ApiError } from '../api-error.ts';

interface LoadErrorProps {
  title: string;
  error: ApiError;
  onRetry: () => void;
}

/** A load that failed: what went wrong, in the user's words, and a way to try again. */
export function LoadError({ title, error, onRetry }: LoadErrorProps) {
  return (
    <ErrorState title={title} type="error">
      <Text testId="load-error-message">{error.message}</Text>
      <Button testId="load-error-retry" onClick={onRetry}>
        Try again
      </Button>
    </ErrorState>
  );
}
