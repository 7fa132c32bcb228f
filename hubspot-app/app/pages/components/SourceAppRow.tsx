import { Flex, Text, Tile, type BaseContext } from '@hubspot/ui-extensions';
import { ConnectSource } from '../../shared/components/ConnectSource.tsx';
import { ConnectionStatusTag } from '../../shared/components/ConnectionStatusTag.tsx';
import type { SourceApp } from '../../shared/contracts/sources.ts';
import { AvailabilityTag } from './AvailabilityTag.tsx';

interface SourceAppRowProps {
  app: SourceApp;
  context: BaseContext;
  onConnected: () => void;
}

/** One app a CRM can be transferred from, with its Transfer button. */
export function SourceAppRow({ app, context, onConnected }: SourceAppRowProps) {
  const available = app.availability === 'available';
  return (
    <Tile testId={`source-${app.id}`}>
      <Flex direction="row" justify="between" align="center" gap="md" wrap>
        <Flex direction="column" gap="xs">
          <Flex direction="row" align="center" gap="sm">
            <Text format={{ fontWeight: 'bold' }}>{app.name}</Text>
            <AvailabilityTag availability={app.availability} testId={`availability-${app.id}`} />
            {available && <ConnectionStatusTag status={app.connectionStatus} testId={`connection-${app.id}`} />}
          </Flex>
          <Text variant="microcopy">{app.description}</Text>
        </Flex>
        <ConnectSource
          source={app}
          context={context}
          label="Transfer"
          disabled={!available}
          onConnected={onConnected}
        />
      </Flex>
    </Tile>
  );
}
