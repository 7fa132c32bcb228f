import { Button, Divider, Flex, Heading, Text } from '@hubspot/ui-extensions';
import { PageBreadcrumbs } from '@hubspot/ui-extensions/pages';
import { AuditWorkspace } from '../../shared/audit/AuditWorkspace.tsx';
import { ConnectionStatusTag } from '../../shared/connect/ConnectionStatusTag.tsx';
import { appHomePaths } from './app-home-paths.ts';
import { useSourceApps } from './AppHomeLayout.tsx';
import { ConnectedSourceRoute } from './ConnectedSourceRoute.tsx';
import { useHomeContext, useNavigateTo } from './useHomeNavigation.ts';

/** The app home's page of one connected app's audit (`/sources/:source/audit`), on to Prepare HubSpot. */
export function SourceAuditPage() {
  const context = useHomeContext();
  const { refresh } = useSourceApps();
  const navigateTo = useNavigateTo();
  return (
    <ConnectedSourceRoute>
      {(source) => (
        <Flex direction="column" gap="md">
          <PageBreadcrumbs>
            <PageBreadcrumbs.PageLink testId="back-to-apps" to={appHomePaths.apps}>
              All apps
            </PageBreadcrumbs.PageLink>
            <PageBreadcrumbs.Current>{`${source.name} audit`}</PageBreadcrumbs.Current>
          </PageBreadcrumbs>
          <Flex direction="row" gap="sm" align="center">
            <Heading>{`Your ${source.name} audit`}</Heading>
            <ConnectionStatusTag status={source.connectionStatus} testId={`connection-${source.id}`} />
          </Flex>
          <AuditWorkspace source={source} context={context} onChanged={refresh} />
          <Divider />
          <Flex direction="column" gap="sm">
            <Text>Once the audit is complete, choose what to transfer and prepare HubSpot to receive it.</Text>
            <Flex direction="row" gap="sm">
              <Button testId="open-setup" variant="primary" onClick={() => navigateTo(appHomePaths.setup(source.id))}>
                Continue: Prepare HubSpot
              </Button>
            </Flex>
          </Flex>
        </Flex>
      )}
    </ConnectedSourceRoute>
  );
}
