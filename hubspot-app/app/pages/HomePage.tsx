import { hubspot } from '@hubspot/ui-extensions';
import { createPageRouter, PageRoutes } from '@hubspot/ui-extensions/pages';
import { APP_HOME_ROUTES } from './components/app-home-paths.ts';
import { AppHomeLayout } from './components/AppHomeLayout.tsx';
import { PageNotFound } from './components/PageNotFound.tsx';
import { SourceAppsPage } from './components/SourceAppsPage.tsx';
import { SourceAuditPage } from './components/SourceAuditPage.tsx';
import { SourceSetupPage } from './components/SourceSetupPage.tsx';
import { SourceSyncPage } from './components/SourceSyncPage.tsx';

/**
 * The app home. HubSpot does not let an app add itself to Data management > Data integration, so these
 * pages play that role: find the app you are moving from, click Transfer, audit it, then prepare HubSpot.
 */
const AppHomeRouter = createPageRouter(
  <PageRoutes layoutComponent={AppHomeLayout}>
    <PageRoutes.IndexRoute id="apps" component={SourceAppsPage} />
    <PageRoutes.Route id="audit" path={APP_HOME_ROUTES.audit} component={SourceAuditPage} />
    <PageRoutes.Route id="setup" path={APP_HOME_ROUTES.setup} component={SourceSetupPage} />
    <PageRoutes.Route id="sync" path={APP_HOME_ROUTES.sync} component={SourceSyncPage} />
    <PageRoutes.AnyRoute id="not-found" component={PageNotFound} />
  </PageRoutes>,
);

export function HomePage() {
  return <AppHomeRouter />;
}

hubspot.extend<'pages'>(() => <HomePage />);
