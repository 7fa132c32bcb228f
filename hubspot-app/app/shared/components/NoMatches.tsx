import { Button, EmptyState, Text } from '@hubspot/ui-extensions';

interface NoMatchesProps {
  testId: string;
  /** e.g. `No apps match "hubspot"`. */
  title: string;
  /** e.g. "Check the spelling, or clear the search to see every app." */
  hint: string;
  clearTestId: string;
  onClear: () => void;
}

/** A search that found nothing: say so, and offer to clear it. */
export function NoMatches({ testId, title, hint, clearTestId, onClear }: NoMatchesProps) {
  return (
    <EmptyState testId={testId} title={title} imageName="voteAndSearch" layout="vertical">
      <Text>{hint}</Text>
      <Button testId={clearTestId} onClick={onClear}>
        Clear search
      </Button>
    </EmptyState>
  );
}
