import { Alert, type BaseContext, Button, Flex, LoadingButton, Text } from '@hubspot/ui-extensions';
import { useMemo } from 'react';
import { createAuditExportLink } from '../endpoints.ts';
import { useApiAction } from '../useApi.ts';

/**
 * "Export results": hubspot.fetch only carries JSON, so the backend answers with a short-lived,
 * single-use link that the user opens in a new tab to download the CSV. Each click asks for a new link.
 */
export function ExportResults({ auditId, context }: { auditId: string; context: BaseContext }) {
  const endpoint = useMemo(() => createAuditExportLink(auditId), [auditId]);
  const link = useApiAction(endpoint, context);
  const { state } = link;
  return (
    <Flex direction="column" gap="xs">
      <Flex direction="row" gap="sm" align="center" wrap>
        <LoadingButton
          testId="audit-export"
          variant="secondary"
          loading={state.status === 'loading'}
          onClick={() => link.run()}
        >
          Export results
        </LoadingButton>
        {state.status === 'success' && (
          // The link works once: after the click it is gone, and Export results makes a new one.
          <Button
            testId="audit-download"
            variant="primary"
            href={{ url: state.data.url, external: true }}
            onClick={link.reset}
          >
            Download CSV
          </Button>
        )}
      </Flex>
      {state.status === 'success' && (
        <Text testId="audit-download-hint" variant="microcopy">
          The CSV opens in a new tab. The link works once and expires in a few minutes.
        </Text>
      )}
      {state.status === 'error' && (
        <Alert testId="audit-export-error" title="We couldn't export the results" variant="danger">
          <Text testId="audit-export-error-message">{state.error.message}</Text>
        </Alert>
      )}
    </Flex>
  );
}
