import { EmptyState, Flex, Text } from '@hubspot/ui-extensions';
import { NoMatches } from '../../shared/components/NoMatches.tsx';
import type { SourceApp } from '../../shared/contracts/sources.ts';
import { filterByName } from '../../shared/search.ts';
import { type SourceAppActions, SourceAppRow } from './SourceAppRow.tsx';

interface SourceAppListProps extends SourceAppActions {
  apps: SourceApp[];
  /** What the user typed in the search box. */
  query: string;
  onClearSearch: () => void;
}

/** Apps whose name contains the query, ignoring case and surrounding spaces. */
export function appsMatching(apps: SourceApp[], query: string): SourceApp[] {
  return filterByName(apps, query, (app) => [app.name]);
}

/** The source apps that match the search, or why there are none. */
export function SourceAppList({ apps, query, onClearSearch, ...actions }: SourceAppListProps) {
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
      <NoMatches
        testId="no-matches"
        title={`No apps match "${query.trim()}"`}
        hint="Check the spelling, or clear the search to see every app."
        clearTestId="clear-search"
        onClear={onClearSearch}
      />
    );
  }
  return (
    <Flex direction="column" gap="sm">
      {matching.map((app) => (
        <SourceAppRow key={app.id} app={app} {...actions} />
      ))}
    </Flex>
  );
}
