import { Alert, type BaseContext, Button, Flex, LoadingButton, Text } from '@hubspot/ui-extensions';
import type { SourceApp } from '../contracts/sources.ts';
import { createConnectTicket } from '../endpoints.ts';
import { useApiAction } from '../useApi.ts';
import { AwaitingApproval } from './AwaitingApproval.tsx';

interface ConnectSourceProps {
  source: Pick<SourceApp, 'id' | 'name'>;
  context: BaseContext;
  /** The button's words, e.g. "Transfer" or "Connect Pipedrive". */
  label: string;
  disabled?: boolean;
  /** Called once the source account is connected (the page then reloads what it shows). */
  onConnected: () => void;
}

/**
 * Starts connecting a source account: asks the backend for a single-use connect ticket, then offers
 * the link that opens the source app's approval page in a new tab and waits for the connection.
 */
export function ConnectSource({ source, context, label, disabled = false, onConnected }: ConnectSourceProps) {
  const ticket = useApiAction(createConnectTicket, context);
  const start = () => ticket.run({ source: source.id });
  const { state } = ticket;

  if (state.status === 'success') {
    return <AwaitingApproval source={source} ticket={state.data} context={context} onConnected={onConnected} />;
  }
  if (state.status === 'error') {
    return (
      <Alert
        testId={`connect-error-${source.id}`}
        title={`We couldn't start connecting ${source.name}`}
        variant="danger"
      >
        <Flex direction="column" gap="sm">
          <Text testId={`connect-error-message-${source.id}`}>{state.error.message}</Text>
          <Button testId={`connect-retry-${source.id}`} onClick={start}>
            Try again
          </Button>
        </Flex>
      </Alert>
    );
  }
  return (
    <LoadingButton
      testId={`connect-${source.id}`}
      variant={disabled ? 'secondary' : 'primary'}
      loading={state.status === 'loading'}
      disabled={disabled}
      onClick={start}
    >
      {label}
    </LoadingButton>
  );
}
