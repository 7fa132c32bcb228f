import { type BaseContext, Flex, Text, Tile } from '@hubspot/ui-extensions';
import { AuditSummary } from '../../shared/audit/AuditSummary.tsx';
import { ConnectionStatusTag } from '../../shared/connect/ConnectionStatusTag.tsx';
import { ConnectSource } from '../../shared/connect/ConnectSource.tsx';
import { DisconnectSource } from '../../shared/connect/DisconnectSource.tsx';
import type { SourceApp } from '../../shared/contracts/sources.ts';
import { AvailabilityTag } from './AvailabilityTag.tsx';

export interface SourceAppActions {
  context: BaseContext;
  /** Called once a source is connected or disconnected (the page then reloads the apps). */
  onConnected: () => void;
  onOpenAudit: (app: SourceApp) => void;
  /** An audit moved on: refresh the apps quietly (a lost connection shows up). */
  onChanged: () => void;
}

/** One app a CRM can be transferred from: Transfer (connect) it, or, once connected, audit it. */
export function SourceAppRow({
  app,
  context,
  onConnected,
  onOpenAudit,
  onChanged,
}: SourceAppActions & { app: SourceApp }) {
  const available = app.availability === 'available';
  const connected = available && app.connectionStatus === 'connected';
  return (
    <Tile testId={`source-${app.id}`}>
      <Flex direction="column" gap="md">
        <Flex direction="row" justify="between" align="center" gap="md" wrap>
          <Flex direction="column" gap="xs">
            <Flex direction="row" align="center" gap="sm">
              <Text format={{ fontWeight: 'bold' }}>{app.name}</Text>
              <AvailabilityTag availability={app.availability} testId={`availability-${app.id}`} />
              {available && <ConnectionStatusTag status={app.connectionStatus} testId={`connection-${app.id}`} />}
            </Flex>
            <Text variant="microcopy">{app.description}</Text>
          </Flex>
          <Flex direction="row" align="center" gap="sm">
            {available && app.connectionStatus !== 'not_connected' && (
              <DisconnectSource source={app} context={context} onDisconnected={onConnected} />
            )}
            {!connected && (
              <ConnectSource
                source={app}
                context={context}
                label={app.connectionStatus === 'reconnect_needed' ? 'Reconnect' : 'Transfer'}
                disabled={!available}
                onConnected={onConnected}
              />
            )}
          </Flex>
        </Flex>
        {connected && (
          <Flex direction="column" gap="sm" testId={`audit-summary-${app.id}`}>
            <Text format={{ fontWeight: 'demibold' }}>Next: audit your data</Text>
            <AuditSummary source={app} context={context} onOpenResults={() => onOpenAudit(app)} onChanged={onChanged} />
          </Flex>
        )}
      </Flex>
    </Tile>
  );
}
