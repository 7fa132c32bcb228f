import { type BaseContext, Button, Divider, Flex, Heading, Text } from '@hubspot/ui-extensions';
import { AuditWorkspace } from '../../shared/audit/AuditWorkspace.tsx';
import { ConnectionStatusTag } from '../../shared/connect/ConnectionStatusTag.tsx';
import type { SourceApp } from '../../shared/contracts/sources.ts';

interface SourceAuditPageProps {
  source: SourceApp;
  context: BaseContext;
  onBack: () => void;
  onChanged: () => void;
  /** Continues to the next step: the Prepare HubSpot wizard. */
  onPrepare: () => void;
}

/** The app home's view of one connected app's audit, with the way back to the list of apps. */
export function SourceAuditPage({ source, context, onBack, onChanged, onPrepare }: SourceAuditPageProps) {
  return (
    <Flex direction="column" gap="md">
      <Flex direction="row" gap="sm" align="center">
        <Button testId="back-to-apps" variant="transparent" size="sm" onClick={onBack}>
          ← All apps
        </Button>
      </Flex>
      <Flex direction="row" gap="sm" align="center">
        <Heading>{`Your ${source.name} audit`}</Heading>
        <ConnectionStatusTag status={source.connectionStatus} testId={`connection-${source.id}`} />
      </Flex>
      <AuditWorkspace source={source} context={context} onChanged={onChanged} />
      <Divider />
      <Flex direction="column" gap="sm">
        <Text>Once the audit is complete, choose what to transfer and prepare HubSpot to receive it.</Text>
        <Flex direction="row" gap="sm">
          <Button testId="open-setup" variant="primary" onClick={onPrepare}>
            Continue: Prepare HubSpot
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
}
