import { Alert, type BaseContext, Flex, LoadingButton, Text } from '@hubspot/ui-extensions';
import { useEffect, useMemo } from 'react';
import { useApiAction } from '../useApi.ts';
import { retryFailedRecords } from './sync-endpoints.ts';

/**
 * "Retry failed records": a new sync run of just the records this sync could not write (read again from
 * the source, so corrections made there are picked up). `onStarted` shows the new run.
 */
export function RetryFailedRecords(props: { syncId: string; context: BaseContext; onStarted: () => void }) {
  const endpoint = useMemo(() => retryFailedRecords(props.syncId), [props.syncId]);
  const retry = useApiAction(endpoint, props.context);
  const { onStarted } = props;
  const started = retry.state.status === 'success';
  useEffect(() => {
    if (started) onStarted();
  }, [started, onStarted]);
  return (
    <Flex direction="column" gap="xs">
      <Flex direction="row" gap="sm" align="center">
        <LoadingButton
          testId="sync-retry-failed"
          variant="primary"
          loading={retry.state.status === 'loading'}
          disabled={started}
          onClick={() => retry.run()}
        >
          Retry failed records
        </LoadingButton>
        <Text variant="microcopy">Reads them again from the source, so corrections made there are picked up.</Text>
      </Flex>
      {retry.state.status === 'error' && (
        <Alert testId="sync-retry-error" title="We couldn't retry the failed records" variant="danger">
          <Text>{retry.state.error.message}</Text>
        </Alert>
      )}
    </Flex>
  );
}
