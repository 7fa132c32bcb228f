import { Button, Flex, Heading } from '@hubspot/ui-extensions';
import { PageBreadcrumbs } from '@hubspot/ui-extensions/pages';
import { SetupWizard } from '../../shared/setup/SetupWizard.tsx';
import { appHomePaths } from './app-home-paths.ts';
import { useSourceApps } from './AppHomeLayout.tsx';
import { ConnectedSourceRoute } from './ConnectedSourceRoute.tsx';
import { useHomeContext, useNavigateTo } from './useHomeNavigation.ts';

/** The app home's Prepare HubSpot wizard for one connected app (`/sources/:source/setup`), and on to its sync. */
export function SourceSetupPage() {
  const context = useHomeContext();
  const navigateTo = useNavigateTo();
  const { refresh } = useSourceApps();
  return (
    <ConnectedSourceRoute>
      {(source) => (
        <Flex direction="column" gap="md">
          <PageBreadcrumbs>
            <PageBreadcrumbs.PageLink to={appHomePaths.apps}>All apps</PageBreadcrumbs.PageLink>
            <PageBreadcrumbs.PageLink testId="back-to-audit" to={appHomePaths.audit(source.id)}>
              {`${source.name} audit`}
            </PageBreadcrumbs.PageLink>
            <PageBreadcrumbs.Current>Prepare HubSpot</PageBreadcrumbs.Current>
          </PageBreadcrumbs>
          <Heading>{`Prepare HubSpot for your ${source.name} data`}</Heading>
          <SetupWizard source={source.id} context={context} onChanged={refresh} />
          <Button testId="open-sync" variant="primary" onClick={() => navigateTo(appHomePaths.sync(source.id))}>
            Continue: Sync records
          </Button>
        </Flex>
      )}
    </ConnectedSourceRoute>
  );
}
