import {
  Alert,
  type BaseContext,
  Button,
  LoadingButton,
  Modal,
  ModalBody,
  ModalFooter,
  Text,
  useExtensionActions,
} from '@hubspot/ui-extensions';
import { useEffect, useMemo, useRef } from 'react';
import type { SourceApp } from '../contracts/sources.ts';
import { disconnectSource } from '../endpoints.ts';
import { useApiAction } from '../useApi.ts';

interface DisconnectSourceProps {
  source: Pick<SourceApp, 'id' | 'name'>;
  context: BaseContext;
  /** Called once the connection is gone (the page then reloads what it shows). */
  onDisconnected: () => void;
}

/** "Disconnect", with a confirmation that says what it does. */
export function DisconnectSource({ source, context, onDisconnected }: DisconnectSourceProps) {
  const actions = useExtensionActions<'settings' | 'home'>();
  const endpoint = useMemo(() => disconnectSource(source.id), [source.id]);
  const disconnect = useApiAction(endpoint, context);
  const modalId = `disconnect-${source.id}`;
  const onDisconnectedRef = useRef(onDisconnected);
  onDisconnectedRef.current = onDisconnected;
  const done = disconnect.state.status === 'success';
  useEffect(() => {
    if (!done) return;
    actions.closeOverlay(modalId);
    onDisconnectedRef.current();
  }, [done, actions, modalId]);
  const cancel = () => {
    disconnect.reset();
    actions.closeOverlay(modalId);
  };
  const { state } = disconnect;
  return (
    <Button
      testId={`disconnect-${source.id}`}
      variant="secondary"
      size="sm"
      overlay={
        <Modal id={modalId} title={`Disconnect ${source.name}?`} variant="danger" width="sm">
          <ModalBody>
            <Text testId={`disconnect-warning-${source.id}`}>
              {`Smart Transfer stops reading your ${source.name} account and forgets its access. Nothing changes in ${source.name} or in HubSpot. To audit or transfer again, connect ${source.name} again.`}
            </Text>
            {state.status === 'error' && (
              <Alert
                testId={`disconnect-error-${source.id}`}
                title={`We couldn't disconnect ${source.name}`}
                variant="danger"
              >
                <Text testId={`disconnect-error-message-${source.id}`}>{state.error.message}</Text>
              </Alert>
            )}
          </ModalBody>
          <ModalFooter>
            <Button testId={`disconnect-cancel-${source.id}`} variant="secondary" onClick={cancel}>
              Keep connected
            </Button>
            <LoadingButton
              testId={`disconnect-confirm-${source.id}`}
              variant="destructive"
              loading={state.status === 'loading'}
              onClick={() => disconnect.run()}
            >
              Disconnect
            </LoadingButton>
          </ModalFooter>
        </Modal>
      }
    >
      Disconnect
    </Button>
  );
}
