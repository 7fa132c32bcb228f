import {
  type BaseContext,
  EmptyState,
  Flex,
  Heading,
  SearchInput,
  Table,
  TableBody,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CsvDownload } from '../components/CsvDownload.tsx';
import { Loadable } from '../components/Loadable.tsx';
import { countOf } from '../format.ts';
import { createErrorsExportLink, getTransferErrors } from '../setup/setup-endpoints.ts';
import { useApiQuery } from '../useApi.ts';
import { SyncErrorRow } from './SyncErrorRow.tsx';

/** Errors per page of the table. */
export const SYNC_ERRORS_PAGE_SIZE = 20;

const HEADERS = ['Object', 'Source record', 'HubSpot record', 'Category', 'Message', 'What to do'];

/**
 * The records (and associations) a sync could not write: searchable, a page at a time from the backend,
 * and downloadable as CSV. `version` changes when the sync moved on, so the list is read again.
 */
export function SyncErrors({ syncId, context, version }: { syncId: string; context: BaseContext; version: string }) {
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const endpoint = useMemo(
    () => getTransferErrors(syncId, { q: query, page, pageSize: SYNC_ERRORS_PAGE_SIZE }),
    [syncId, query, page],
  );
  const errors = useApiQuery(endpoint, context);
  // The sync moved on (more failures, or it ended): read the page again, keeping it on screen meanwhile.
  const { refresh } = errors;
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    refresh();
  }, [version, refresh]);
  const exportLink = useMemo(() => createErrorsExportLink(syncId), [syncId]);
  const search = (value: string) => {
    setQuery(value);
    setPage(1);
  };
  return (
    <Flex direction="column" gap="sm" testId="sync-errors-section">
      <Heading>Records that did not land</Heading>
      <CsvDownload
        endpoint={exportLink}
        context={context}
        label="Download errors"
        errorTitle="We couldn't prepare the download"
        testIdPrefix="sync-errors"
      />
      <SearchInput
        testId="sync-errors-search"
        name="sync-errors-search"
        label="Search errors"
        placeholder="Search by record id, category or message"
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
            <EmptyState testId="sync-errors-empty" title="No errors" layout="vertical">
              <Text>{query.trim() === '' ? 'Every record landed.' : `No errors match "${query}".`}</Text>
            </EmptyState>
          ) : (
            <Flex direction="column" gap="xs">
              <Text testId="sync-errors-total" variant="microcopy">
                {countOf(data.total, 'error')}
              </Text>
              <Table
                testId="sync-errors"
                bordered
                density="condensed"
                paginated
                page={data.page}
                pageCount={Math.max(1, Math.ceil(data.total / data.pageSize))}
                onPageChange={(next: number) => setPage(next)}
              >
                <TableHead>
                  <TableRow>
                    {HEADERS.map((header) => (
                      <TableHeader key={header}>{header}</TableHeader>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.errors.map((error) => (
                    <SyncErrorRow key={error.id} error={error} />
                  ))}
                </TableBody>
              </Table>
            </Flex>
          )
        }
      </Loadable>
    </Flex>
  );
}
