import { usePageRoute } from '@hubspot/ui-extensions/pages';
import { type ReactNode, useEffect } from 'react';
import type { SourceApp } from '../../shared/contracts/sources.ts';
import { appHomePaths } from './app-home-paths.ts';
import { useSourceApps, WithSourceApps } from './AppHomeLayout.tsx';
import { useNavigateTo } from './useHomeNavigation.ts';

/** The connected app a page's `:source` names, or undefined (unknown, or not connected). */
function connectedApp(apps: readonly SourceApp[], source: string | undefined): SourceApp | undefined {
  return apps.find((app) => app.id === source && app.connectionStatus === 'connected');
}

/**
 * A page about one connected source app (`/sources/:source/...`). When the app is not connected — an
 * old link, or access revoked while the page was open — the user goes back to the list of apps, where
 * it can be reconnected.
 */
export function ConnectedSourceRoute({ children }: { children: (source: SourceApp) => ReactNode }) {
  const { params } = usePageRoute();
  const apps = useSourceApps();
  const navigateTo = useNavigateTo();
  const source = apps.state.status === 'success' ? connectedApp(apps.state.data.apps, params.source) : undefined;
  const lost = apps.state.status === 'success' && source === undefined;
  useEffect(() => {
    if (lost) navigateTo(appHomePaths.apps);
  }, [lost, navigateTo]);
  return <WithSourceApps>{() => (source === undefined ? null : children(source))}</WithSourceApps>;
}
