import { type BaseContext, Button, EmptyState, Flex, Heading, SearchInput, Text } from '@hubspot/ui-extensions';
import { useMemo, useState } from 'react';
import { DataTable } from '../components/DataTable.tsx';
import { Loadable } from '../components/Loadable.tsx';
import { useApiQuery } from '../useApi.ts';
import { DownloadErrors } from './DownloadErrors.tsx';
import { getTransferErrors } from './setup-endpoints.ts';
import { TransferErrorRow } from './TransferErrorRow.tsx';

/** Errors per page of the list. */
export const ERRORS_PAGE_SIZE = 20;

/** The transfer's error log: searchable, a page at a time, and downloadable as CSV. */
export function SetupErrors({ transferId, context }: { transferId: string; context: BaseContext }) {
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const endpoint = useMemo(
    () => getTransferErrors(transferId, { q: query, page, pageSize: ERRORS_PAGE_SIZE }),
    [transferId, query, page],
  );
  const errors = useApiQuery(endpoint, context);
  const search = (value: string) => {
    setQuery(value);
    setPage(1);
  };
  return (
    <Flex direction="column" gap="sm">
      <Heading>What failed</Heading>
      <DownloadErrors transferId={transferId} context={context} />
      <SearchInput
        testId="setup-errors-search"
        name="setup-errors-search"
        label="Search errors"
        placeholder="Search by item, object or message"
        value={query}
        onChange={search}
      />
      <Loadable
        state={errors.state}
        loadingLabel="Loading the errors"
        errorTitle="We couldn't load the errors"
        onRetry={errors.reload}
      >
        {(data) =>
          data.errors.length === 0 ? (
            <EmptyState testId="setup-errors-empty" title="No errors" layout="vertical">
              <Text>{query.trim() === '' ? 'Nothing failed.' : `No errors match "${query}".`}</Text>
            </EmptyState>
          ) : (
            <Flex direction="column" gap="sm">
              <DataTable testId="setup-errors" headers={['Item', 'Object', 'Category', 'Message', 'Hint']}>
                {data.errors.map((error) => (
                  <TransferErrorRow key={error.id} error={error} />
                ))}
              </DataTable>
              <Flex direction="row" gap="sm" align="center">
                <Button testId="setup-errors-previous" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  Previous
                </Button>
                <Text testId="setup-errors-page">{`Page ${data.page} of ${Math.max(1, Math.ceil(data.total / data.pageSize))} (${data.total} errors)`}</Text>
                <Button
                  testId="setup-errors-next"
                  size="sm"
                  disabled={data.page * data.pageSize >= data.total}
                  onClick={() => setPage(page + 1)}
                >
                  Next
                </Button>
              </Flex>
            </Flex>
          )
        }
      </Loadable>
    </Flex>
  );
}
