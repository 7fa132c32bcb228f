import { Flex, Heading, SearchInput, Text, hubspot, type AppHomeContext } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { Loadable } from '../shared/components/Loadable.tsx';
import { listApps } from '../shared/endpoints.ts';
import { useApiQuery } from '../shared/useApi.ts';
import { SourceAppList } from './components/SourceAppList.tsx';

/**
 * The app home. HubSpot does not let an app add itself to Data management > Data integration, so this
 * page plays that role: find the app you are moving from, then click Transfer.
 */
export function HomePage({ context }: { context: AppHomeContext }) {
  const apps = useApiQuery(listApps, context);
  const [query, setQuery] = useState('');
  return (
    <Flex direction="column" gap="md">
      <Heading>Transfer data into HubSpot</Heading>
      <Text>
        Move your CRM from another app: contacts, companies, deals, products, activities, owners and pipelines.
        Choose the app you are transferring from, then click Transfer.
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
          />
        )}
      </Loadable>
    </Flex>
  );
}

hubspot.extend<'home'>(({ context }) => <HomePage context={context} />);
