import { Flex, Heading, SearchInput, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { appHomePaths } from './app-home-paths.ts';
import { useSourceApps, WithSourceApps } from './AppHomeLayout.tsx';
import { SourceAppList } from './SourceAppList.tsx';
import { useHomeContext, useNavigateTo } from './useHomeNavigation.ts';

/** The app home's first page (`/`): find the app you are moving from, click Transfer, then audit it. */
export function SourceAppsPage() {
  const context = useHomeContext();
  const apps = useSourceApps();
  const navigateTo = useNavigateTo();
  const [query, setQuery] = useState('');
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
      <WithSourceApps>
        {(list) => (
          <SourceAppList
            apps={list}
            query={query}
            context={context}
            onClearSearch={() => setQuery('')}
            onConnected={apps.reload}
            onOpenAudit={(app) => navigateTo(appHomePaths.audit(app.id))}
            onChanged={apps.refresh}
          />
        )}
      </WithSourceApps>
    </Flex>
  );
}
