import { Alert, type BaseContext, Button, Flex, LoadingButton, Text } from '@hubspot/ui-extensions';
import { useMemo } from 'react';
import { useApiAction } from '../useApi.ts';
import { createErrorsExportLink } from './setup-endpoints.ts';

/**
 * "Download errors": like the audit's export, the backend answers a short-lived, single-use link that
 * the user opens in a new tab to download the CSV. Each click asks for a new link.
 */
export function DownloadErrors({ transferId, context }: { transferId: string; context: BaseContext }) {
  const link = useApiAction(
    useMemo(() => createErrorsExportLink(transferId), [transferId]),
    context,
  );
  const { state } = link;
  return (
    <Flex direction="column" gap="xs">
      <Flex direction="row" gap="sm" align="center" wrap>
        <LoadingButton
          testId="setup-errors-export"
          variant="secondary"
          loading={state.status === 'loading'}
          onClick={() => link.run()}
        >
          Download errors
        </LoadingButton>
        {state.status === 'success' && (
          <Button
            testId="setup-errors-download"
            variant="primary"
            href={{ url: state.data.url, external: true }}
            onClick={link.reset}
          >
            Download CSV
          </Button>
        )}
      </Flex>
      {state.status === 'success' && (
        <Text variant="microcopy">The CSV opens in a new tab. The link works once and expires in a few minutes.</Text>
      )}
      {state.status === 'error' && (
        <Alert testId="setup-errors-export-error" title="We couldn't prepare the download" variant="danger">
          <Text>{state.error.message}</Text>
        </Alert>
      )}
    </Flex>
  );
}
