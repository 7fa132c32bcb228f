import { Button, EmptyState, Flex, Text, type BaseContext } from '@hubspot/ui-extensions';
import type { SourceApp } from '../../shared/contracts/sources.ts';
import { SourceAppRow } from './SourceAppRow.tsx';

interface SourceAppListProps {
  apps: SourceApp[];
  /** What the user typed in the search box. */
  query: string;
  context: BaseContext;
  onClearSearch: () => void;
  onConnected: () => void;
}

/** Apps whose name contains the query, ignoring case and surrounding spaces. */
export function appsMatching(apps: SourceApp[], query: string): SourceApp[] {
  const needle = query.trim().toLowerCase();
  return needle === '' ? apps : apps.filter((app) => app.name.toLowerCase().includes(needle));
}

/** The source apps that match the search, or why there are none. */
export function SourceAppList({ apps, query, context, onClearSearch, onConnected }: SourceAppListProps) {
  if (apps.length === 0) {
    return (
      <EmptyState testId="no-apps" title="No apps to transfer from yet" imageName="integrations" layout="vertical">
        <Text>Smart Transfer has no source apps to offer right now. Reload the page in a moment.</Text>
      </EmptyState>
    );
  }
  const matching = appsMatching(apps, query);
  if (matching.length === 0) {
    return (
      <EmptyState testId="no-matches" title={`No apps match "${query.trim()}"`} imageName="voteAndSearch" layout="vertical">
        <Text>Check the spelling, or clear the search to see every app.</Text>
        <Button testId="clear-search" onClick={onClearSearch}>
          Clear search
        </Button>
      </EmptyState>
    );
  }
  return (
    <Flex direction="column" gap="sm">
      {matching.map((app) => (
        <SourceAppRow key={app.id} app={app} context={context} onConnected={onConnected} />
      ))}
    </Flex>
  );
}
