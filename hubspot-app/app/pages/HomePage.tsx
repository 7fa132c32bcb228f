import { type AppHomeContext, Flex, Heading, hubspot, SearchInput, Text } from '@hubspot/ui-extensions';
import { useEffect, useState } from 'react';
import { Loadable } from '../shared/components/Loadable.tsx';
import type { SourceId } from '../shared/contracts/sources.ts';
import { listApps } from '../shared/endpoints.ts';
import { useApiQuery } from '../shared/useApi.ts';
import { SourceAppList } from './components/SourceAppList.tsx';
import { SourceAuditPage } from './components/SourceAuditPage.tsx';
import { SourceSetupPage } from './components/SourceSetupPage.tsx';

/**
 * The app home. HubSpot does not let an app add itself to Data management > Data integration, so this
 * page plays that role: find the app you are moving from, click Transfer, audit it, then prepare HubSpot.
 * (The SDK's page router needs the host's page location, which the local preview does not provide yet:
 * the views switch in the page.)
 */
export function HomePage({ context }: { context: AppHomeContext }) {
  const apps = useApiQuery(listApps, context);
  const [query, setQuery] = useState('');
  const [auditing, setAuditing] = useState<SourceId | null>(null);
  // On the opened app: its audit, or (after "Continue") the Prepare HubSpot wizard.
  const [preparing, setPreparing] = useState(false);
  const openApp = (source: SourceId | null) => {
    setAuditing(source);
    setPreparing(false);
  };
  const shownAudit =
    apps.state.status === 'success' && auditing !== null
      ? apps.state.data.apps.find((app) => app.id === auditing && app.connectionStatus === 'connected')
      : undefined;
  // An audit view whose app is no longer connected (e.g. access was revoked) falls back to the list, for good.
  const lostConnection = auditing !== null && apps.state.status === 'success' && shownAudit === undefined;
  useEffect(() => {
    if (lostConnection) {
      setAuditing(null);
      setPreparing(false);
    }
  }, [lostConnection]);
  if (shownAudit !== undefined && preparing) {
    return (
      <SourceSetupPage
        source={shownAudit}
        context={context}
        onBack={() => setPreparing(false)}
        onChanged={apps.refresh}
      />
    );
  }
  if (shownAudit !== undefined) {
    return (
      <SourceAuditPage
        source={shownAudit}
        context={context}
        onBack={() => openApp(null)}
        onChanged={apps.refresh}
        onPrepare={() => setPreparing(true)}
      />
    );
  }
  return (
    <Flex direction="column" gap="md">
      <Heading>Transfer data into HubSpot</Heading>
      <Text>
        Move your CRM from another app: contacts, companies, deals, products, activities, owners and pipelines. Choose
        the app you are transferring from, then click Transfer.
      </Text>
      <SearchInput
        testId="source-search"
        name="source-search"
        label="Search apps"
        placeholder="Search by app name"
        value={query}
        onInput={setQuery}
        onChange={setQuery}
      />
      <Loadable
        state={apps.state}
        loadingLabel="Loading apps"
        errorTitle="We couldn't load the apps you can transfer from"
        onRetry={apps.reload}
      >
        {(data) => (
          <SourceAppList
            apps={data.apps}
            query={query}
            context={context}
            onClearSearch={() => setQuery('')}
            onConnected={apps.reload}
            onOpenAudit={(app) => openApp(app.id)}
            onChanged={apps.refresh}
          />
        )}
      </Loadable>
    </Flex>
  );
}

hubspot.extend<'home'>(({ context }) => <HomePage context={context} />);
