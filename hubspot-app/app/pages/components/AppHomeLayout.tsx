import { createContext, type ReactNode, useContext } from 'react';
import { Loadable } from '../../shared/components/Loadable.tsx';
import type { AppsResponse, SourceApp } from '../../shared/contracts/sources.ts';
import { listApps } from '../../shared/endpoints.ts';
import { type LoadState, useApiQuery } from '../../shared/useApi.ts';
import { useHomeContext } from './useHomeNavigation.ts';

/** The source apps and their connections, loaded once for every page of the app home. */
export interface SourceApps {
  state: LoadState<AppsResponse>;
  reload: () => void;
  /** Asks again while the current answer stays on screen (something changed elsewhere). */
  refresh: () => void;
}

const SourceAppsContext = createContext<SourceApps | null>(null);

/**
 * The app home's layout: the source apps load here, so moving between its pages (list, audit, Prepare
 * HubSpot) keeps them instead of asking the backend again.
 */
export function AppHomeLayout({ children }: { children: ReactNode }) {
  const apps = useApiQuery(listApps, useHomeContext());
  return <SourceAppsContext.Provider value={apps}>{children}</SourceAppsContext.Provider>;
}

export function useSourceApps(): SourceApps {
  const apps = useContext(SourceAppsContext);
  if (!apps) throw new Error('useSourceApps must be used inside AppHomeLayout');
  return apps;
}

/** The source apps once loaded (a spinner before, the error with a retry if they could not be). */
export function WithSourceApps({ children }: { children: (apps: SourceApp[]) => ReactNode }) {
  const { state, reload } = useSourceApps();
  return (
    <Loadable
      state={state}
      loadingLabel="Loading apps"
      errorTitle="We couldn't load the apps you can transfer from"
      onRetry={reload}
    >
      {(data) => children(data.apps)}
    </Loadable>
  );
}
