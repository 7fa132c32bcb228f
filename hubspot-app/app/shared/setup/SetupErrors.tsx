import { type BaseContext, Button, Flex, Heading, Text } from '@hubspot/ui-extensions';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorLog } from '../components/ErrorLog.tsx';
import { DownloadErrors } from './DownloadErrors.tsx';
import { TransferErrorRow } from './TransferErrorRow.tsx';

/** The transfer's error log: searchable, a page at a time, and downloadable as CSV. */
export function SetupErrors({ transferId, context }: { transferId: string; context: BaseContext }) {
  return (
    <Flex direction="column" gap="sm">
      <Heading>What failed</Heading>
      <DownloadErrors transferId={transferId} context={context} />
      <ErrorLog
        transferId={transferId}
        context={context}
        testIdPrefix="setup-errors"
        placeholder="Search by item, object or message"
        nothingFailed="Nothing failed."
      >
        {(data, goTo) => (
          <Flex direction="column" gap="sm">
            <DataTable testId="setup-errors" headers={['Item', 'Object', 'Category', 'Message', 'Hint']}>
              {data.errors.map((error) => (
                <TransferErrorRow key={error.id} error={error} />
              ))}
            </DataTable>
            <Flex direction="row" gap="sm" align="center">
              <Button
                testId="setup-errors-previous"
                size="sm"
                disabled={data.page <= 1}
                onClick={() => goTo(data.page - 1)}
              >
                Previous
              </Button>
              <Text testId="setup-errors-page">{`Page ${data.page} of ${Math.max(1, Math.ceil(data.total / data.pageSize))} (${data.total} errors)`}</Text>
              <Button
                testId="setup-errors-next"
                size="sm"
                disabled={data.page * data.pageSize >= data.total}
                onClick={() => goTo(data.page + 1)}
              >
                Next
              </Button>
            </Flex>
          </Flex>
        )}
      </ErrorLog>
    </Flex>
  );
}
