import { type BaseContext, Flex, Heading, Text } from '@hubspot/ui-extensions';
import { useMemo } from 'react';
import { CsvDownload } from '../components/CsvDownload.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorLog } from '../components/ErrorLog.tsx';
import { countOf } from '../format.ts';
import { createErrorsExportLink } from '../setup/setup-endpoints.ts';
import { SyncErrorRow } from './SyncErrorRow.tsx';

const HEADERS = ['Object', 'Source record', 'HubSpot record', 'Category', 'Message', 'What to do'];

/**
 * The records (and associations) a sync could not write: searchable, a page at a time from the backend,
 * and downloadable as CSV. `version` changes when the sync moved on, so the list is read again.
 */
export function SyncErrors({ syncId, context, version }: { syncId: string; context: BaseContext; version: string }) {
  const exportLink = useMemo(() => createErrorsExportLink(syncId), [syncId]);
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
      <ErrorLog
        transferId={syncId}
        context={context}
        testIdPrefix="sync-errors"
        placeholder="Search by record id, category or message"
        nothingFailed="Every record landed."
        version={version}
      >
        {(data, goTo) => (
          <Flex direction="column" gap="xs">
            <Text testId="sync-errors-total" variant="microcopy">
              {countOf(data.total, 'error')}
            </Text>
            <DataTable
              testId="sync-errors"
              headers={HEADERS}
              pages={{
                page: data.page,
                pageCount: Math.max(1, Math.ceil(data.total / data.pageSize)),
                onPageChange: goTo,
              }}
            >
              {data.errors.map((error) => (
                <SyncErrorRow key={error.id} error={error} />
              ))}
            </DataTable>
          </Flex>
        )}
      </ErrorLog>
    </Flex>
  );
}
