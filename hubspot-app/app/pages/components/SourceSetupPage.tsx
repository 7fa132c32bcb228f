import { type BaseContext, Button, Flex, Heading } from '@hubspot/ui-extensions';
import type { SourceApp } from '../../shared/contracts/sources.ts';
import { SetupWizard } from '../../shared/setup/SetupWizard.tsx';

interface SourceSetupPageProps {
  source: SourceApp;
  context: BaseContext;
  onBack: () => void;
  onChanged: () => void;
}

/** The app home's Prepare HubSpot wizard for one connected app, with the way back to its audit. */
export function SourceSetupPage({ source, context, onBack, onChanged }: SourceSetupPageProps) {
  return (
    <Flex direction="column" gap="md">
      <Flex direction="row" gap="sm" align="center">
        <Button testId="back-to-audit" variant="transparent" size="sm" onClick={onBack}>
          ← Audit
        </Button>
      </Flex>
      <Heading>{`Prepare HubSpot for your ${source.name} data`}</Heading>
      <SetupWizard source={source.id} context={context} onChanged={onChanged} />
    </Flex>
  );
}
