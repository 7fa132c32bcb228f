import { type BaseContext, Button, Flex, Heading } from '@hubspot/ui-extensions';
import type { SourceApp } from '../contracts/sources.ts';
import { SyncStep } from './SyncStep.tsx';

interface SyncPageProps {
  source: SourceApp;
  context: BaseContext;
  /** Back to Prepare HubSpot. */
  onBack: () => void;
  onChanged: () => void;
}

/** The app home's "Sync records" page for one connected app, with the way back to Prepare HubSpot. */
export function SyncPage({ source, context, onBack, onChanged }: SyncPageProps) {
  return (
    <Flex direction="column" gap="md" testId="sync-page">
      <Flex direction="row" gap="sm" align="center">
        <Button testId="back-to-setup" variant="transparent" size="sm" onClick={onBack}>
          ← Prepare HubSpot
        </Button>
      </Flex>
      <Heading>{`Sync your ${source.name} records`}</Heading>
      <SyncStep source={source.id} context={context} onChanged={onChanged} />
    </Flex>
  );
}
