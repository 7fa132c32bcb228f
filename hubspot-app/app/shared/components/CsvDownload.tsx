import { Alert, type BaseContext, Button, Flex, LoadingButton, Text } from '@hubspot/ui-extensions';
import type { Endpoint } from '../api.ts';
import type { DownloadLinkResponse } from '../contracts/index.ts';
import { useApiAction } from '../useApi.ts';

/**
 * A CSV download from a UI extension: hubspot.fetch only carries JSON, so the backend answers a
 * short-lived, single-use link that the user opens in a new tab. Each click asks for a new link.
 * Test ids: `<testIdPrefix>-export`, `-download`, `-download-hint`, `-export-error`, `-export-error-message`.
 */
export function CsvDownload(props: {
  /** Asks for the link; memoised by the caller. */
  endpoint: Endpoint<DownloadLinkResponse>;
  context: BaseContext;
  label: string;
  errorTitle: string;
  testIdPrefix: string;
}) {
  const link = useApiAction(props.endpoint, props.context);
  const { state } = link;
  const id = props.testIdPrefix;
  return (
    <Flex direction="column" gap="xs">
      <Flex direction="row" gap="sm" align="center" wrap>
        <LoadingButton
          testId={`${id}-export`}
          variant="secondary"
          loading={state.status === 'loading'}
          onClick={() => link.run()}
        >
          {props.label}
        </LoadingButton>
        {state.status === 'success' && (
          // The link works once: after the click it is gone, and the button above makes a new one.
          <Button
            testId={`${id}-download`}
            variant="primary"
            href={{ url: state.data.url, external: true }}
            onClick={link.reset}
          >
            Download CSV
          </Button>
        )}
      </Flex>
      {state.status === 'success' && (
        <Text testId={`${id}-download-hint`} variant="microcopy">
          The CSV opens in a new tab. The link works once and expires in a few minutes.
        </Text>
      )}
      {state.status === 'error' && (
        <Alert testId={`${id}-export-error`} title={props.errorTitle} variant="danger">
          <Text testId={`${id}-export-error-message`}>{state.error.message}</Text>
        </Alert>
      )}
    </Flex>
  );
}
