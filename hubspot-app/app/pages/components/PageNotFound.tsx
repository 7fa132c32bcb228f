import { EmptyState, Text } from '@hubspot/ui-extensions';
import { PageLink } from '@hubspot/ui-extensions/pages';
import { appHomePaths } from './app-home-paths.ts';

/** Any path the app home has no page for (an old or mistyped link). */
export function PageNotFound() {
  return (
    <EmptyState testId="page-not-found" title="This page does not exist" layout="vertical">
      <Text>The link may be out of date.</Text>
      <PageLink testId="not-found-to-apps" to={appHomePaths.apps}>
        See the apps you can transfer from
      </PageLink>
    </EmptyState>
  );
}
