import { type BaseContext, Button, Flex, Text } from '@hubspot/ui-extensions';
import type { ConnectTicketResponse, SourceApp } from '../contracts/index.ts';
import { useConnectionWatch } from './useConnectionWatch.ts';

interface AwaitingApprovalProps {
  source: Pick<SourceApp, 'id' | 'name'>;
  ticket: ConnectTicketResponse;
  context: BaseContext;
  /** Called once the connection exists, or when the user asks to check it. */
  onConnected: () => void;
}

/** The user has a connect link: open it in the source app, approve there, come back. */
export function AwaitingApproval({ source, ticket, context, onConnected }: AwaitingApprovalProps) {
  useConnectionWatch(source.id, context, onConnected);
  return (
    <Flex direction="column" gap="sm">
      <Button testId={`continue-${source.id}`} variant="primary" href={{ url: ticket.connectUrl, external: true }}>
        Continue to {source.name}
      </Button>
      <Text testId={`continue-hint-${source.id}`}>
        {source.name} opens in a new tab. After you approve access there, come back here to continue your transfer.
      </Text>
      <Button testId={`check-connection-${source.id}`} variant="secondary" onClick={onConnected}>
        Check connection
      </Button>
    </Flex>
  );
}
