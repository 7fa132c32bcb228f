import { Flex, Heading } from '@hubspot/ui-extensions';
import { PageBreadcrumbs } from '@hubspot/ui-extensions/pages';
import { SyncStep } from '../../shared/sync/SyncStep.tsx';
import { appHomePaths } from './app-home-paths.ts';
import { useSourceApps } from './AppHomeLayout.tsx';
import { ConnectedSourceRoute } from './ConnectedSourceRoute.tsx';
import { useHomeContext } from './useHomeNavigation.ts';

/** The app home's "Sync records" page for one connected app (`/sources/:source/sync`). */
export function SourceSyncPage() {
  const context = useHomeContext();
  const { refresh } = useSourceApps();
  return (
    <ConnectedSourceRoute>
      {(source) => (
        <Flex direction="column" gap="md" testId="sync-page">
          <PageBreadcrumbs>
            <PageBreadcrumbs.PageLink to={appHomePaths.apps}>All apps</PageBreadcrumbs.PageLink>
            <PageBreadcrumbs.PageLink testId="back-to-setup" to={appHomePaths.setup(source.id)}>
              Prepare HubSpot
            </PageBreadcrumbs.PageLink>
            <PageBreadcrumbs.Current>Sync records</PageBreadcrumbs.Current>
          </PageBreadcrumbs>
          <Heading>{`Sync your ${source.name} records`}</Heading>
          <SyncStep source={source.id} context={context} onChanged={refresh} />
        </Flex>
      )}
    </ConnectedSourceRoute>
  );
}
