import { type ExtensionPointApiActions, hubspot, type SettingsContext } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { Loadable } from '../shared/components/Loadable.tsx';
import { getGuide, listApps } from '../shared/endpoints.ts';
import { bothLoaded, useApiQuery } from '../shared/useApi.ts';
import { type SettingsTab, SettingsTabs, USER_GUIDE_TAB } from './components/SettingsTabs.tsx';

interface SettingsPageProps {
  context: SettingsContext;
  actions?: ExtensionPointApiActions<'settings'>;
}

/**
 * The app's settings page (Connected apps > Smart Transfer): the transfer as a User guide checklist,
 * and each step on its own in the Smart Transfer tab. The selected tab survives a reload of the data.
 */
export function SettingsPage({ context }: SettingsPageProps) {
  const guide = useApiQuery(getGuide, context);
  const apps = useApiQuery(listApps, context);
  const [tab, setTab] = useState<SettingsTab>(USER_GUIDE_TAB);
  const reloadAll = () => {
    guide.reload();
    apps.reload();
  };
  // While the user works in a tab (e.g. an audit runs), refresh the guide and apps without a spinner.
  const refreshAll = () => {
    guide.refresh();
    apps.refresh();
  };
  return (
    <Loadable
      state={bothLoaded(guide.state, apps.state)}
      loadingLabel="Loading your transfer"
      errorTitle="We couldn't load your transfer"
      onRetry={reloadAll}
    >
      {([{ steps }, { apps: sources }]) => (
        <SettingsTabs
          steps={steps}
          sources={sources}
          context={context}
          selected={tab}
          onSelect={setTab}
          onConnected={reloadAll}
          onChanged={refreshAll}
        />
      )}
    </Loadable>
  );
}

hubspot.extend<'settings'>(({ context, actions }) => <SettingsPage context={context} actions={actions} />);
