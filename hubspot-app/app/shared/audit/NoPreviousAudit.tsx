import { EmptyState, Text } from '@hubspot/ui-extensions';

/** The first audit: there is nothing to compare it with yet. */
export function NoPreviousAudit({ sourceName }: { sourceName: string }) {
  return (
    <EmptyState
      testId="no-previous-audit"
      title="Nothing to compare yet"
      imageName="emptyStateCharts"
      layout="horizontal"
      flush
    >
      <Text>{`This is your first audit. Run a new audit later to see what changed in ${sourceName} since this one.`}</Text>
    </EmptyState>
  );
}
