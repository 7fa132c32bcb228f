import { type BaseContext, Button, Flex, Heading } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { SourceApp } from '../../shared/contracts/sources.ts';
import { SetupWizard } from '../../shared/setup/SetupWizard.tsx';
import { SyncPage } from '../../shared/sync/SyncPage.tsx';

interface SourceSetupPageProps {
  source: SourceApp;
  context: BaseContext;
  onBack: () => void;
  onChanged: () => void;
}

/** The app home's Prepare HubSpot wizard for one connected app, with the way back to its audit and on to its sync. */
export function SourceSetupPage({ source, context, onBack, onChanged }: SourceSetupPageProps) {
  const [syncing, setSyncing] = useState(false);
  if (syncing)
    return <SyncPage source={source} context={context} onBack={() => setSyncing(false)} onChanged={onChanged} />;
  return (
    <Flex direction="column" gap="md">
      <Flex direction="row" gap="sm" align="center">
        <Button testId="back-to-audit" variant="transparent" size="sm" onClick={onBack}>
          ← Audit
        </Button>
      </Flex>
      <Heading>{`Prepare HubSpot for your ${source.name} data`}</Heading>
      <SetupWizard source={source.id} context={context} onChanged={onChanged} />
      <Button testId="open-sync" variant="primary" onClick={() => setSyncing(true)}>
        Continue: Sync records
      </Button>
    </Flex>
  );
}
