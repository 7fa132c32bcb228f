import type { SourceId } from '../../shared/contracts/sources.ts';

/**
 * The app home's pages (routed by the SDK's page router, see HomePage.tsx). The route patterns and
 * the paths the pages navigate to are written here only, so a link cannot drift from its route.
 */
export const APP_HOME_ROUTES = {
  audit: '/sources/:source/audit',
  setup: '/sources/:source/setup',
  sync: '/sources/:source/sync',
} as const;

export const appHomePaths = {
  apps: '/',
  audit: (source: SourceId) => APP_HOME_ROUTES.audit.replace(':source', source),
  setup: (source: SourceId) => APP_HOME_ROUTES.setup.replace(':source', source),
  sync: (source: SourceId) => APP_HOME_ROUTES.sync.replace(':source', source),
};
