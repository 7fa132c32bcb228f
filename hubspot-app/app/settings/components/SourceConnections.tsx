import { type BaseContext, Flex, Text } from '@hubspot/ui-extensions';
import { ConnectionStatusTag } from '../../shared/connect/ConnectionStatusTag.tsx';
import { ConnectSource } from '../../shared/connect/ConnectSource.tsx';
import { DisconnectSource } from '../../shared/connect/DisconnectSource.tsx';
import type { SourceApp } from '../../shared/contracts/sources.ts';

interface SourceConnectionsProps {
  sources: SourceApp[];
  context: BaseContext;
  /** Called once a source is connected or disconnected (the page then reloads what it shows). */
  onConnected: () => void;
}

const connectLabel = (source: SourceApp): string =>
  `${source.connectionStatus === 'reconnect_needed' ? 'Reconnect' : 'Connect'} ${source.name}`;

/** The Connect step: each available source app with its connection status, Connect / Reconnect, and Disconnect. */
export function SourceConnections({ sources, context, onConnected }: SourceConnectionsProps) {
  const available = sources.filter((source) => source.availability === 'available');
  const comingSoon = sources.filter((source) => source.availability === 'coming_soon');
  return (
    <Flex direction="column" gap="sm">
      {available.length === 0 && <Text testId="no-available-sources">No source app can be connected yet.</Text>}
      {available.map((source) => (
        <Flex key={source.id} direction="row" align="center" gap="sm" wrap>
          <Text format={{ fontWeight: 'demibold' }}>{source.name}</Text>
          <ConnectionStatusTag status={source.connectionStatus} testId={`connection-${source.id}`} />
          {source.connectionStatus !== 'not_connected' && (
            <DisconnectSource source={source} context={context} onDisconnected={onConnected} />
          )}
          {source.connectionStatus !== 'connected' && (
            <ConnectSource source={source} context={context} label={connectLabel(source)} onConnected={onConnected} />
          )}
        </Flex>
      ))}
      {comingSoon.length > 0 && (
        <Text variant="microcopy" testId="coming-soon-sources">
          Coming soon: {comingSoon.map((source) => source.name).join(', ')}.
        </Text>
      )}
    </Flex>
  );
}
