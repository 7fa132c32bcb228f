import { type BaseContext, EmptyState, Flex, SearchInput, Text } from '@hubspot/ui-extensions';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import type { TransferErrorsPage } from '../contracts/setup.ts';
import { getTransferErrors } from '../setup/setup-endpoints.ts';
import { useApiQuery } from '../useApi.ts';
import { Loadable } from './Loadable.tsx';

/** Errors per page of a transfer's error log. */
export const ERRORS_PAGE_SIZE = 20;

interface ErrorLogProps {
  transferId: string;
  context: BaseContext;
  /** Test ids: `<testIdPrefix>-search`, `<testIdPrefix>-empty`. */
  testIdPrefix: string;
  placeholder: string;
  /** The empty state's words when nothing failed (no search). */
  nothingFailed: string;
  /** Changes when the transfer moved on: the page shown is read again (kept on screen meanwhile). */
  version?: string;
  /** One page of errors (never empty), and how to go to another page. */
  children: (page: TransferErrorsPage, goTo: (page: number) => void) => ReactNode;
}

/** A transfer's error log, searched and read a page at a time from the backend; the caller draws the page. */
export function ErrorLog({
  transferId,
  context,
  testIdPrefix,
  placeholder,
  nothingFailed,
  version,
  children,
}: ErrorLogProps) {
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const endpoint = useMemo(
    () => getTransferErrors(transferId, { q: query, page, pageSize: ERRORS_PAGE_SIZE }),
    [transferId, query, page],
  );
  const errors = useApiQuery(endpoint, context);
  const { refresh } = errors;
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    refresh();
  }, [version, refresh]);
  const search = (value: string) => {
    setQuery(value);
    setPage(1);
  };
  return (
    <Flex direction="column" gap="sm">
      <SearchInput
        testId={`${testIdPrefix}-search`}
        name={`${testIdPrefix}-search`}
        label="Search errors"
        placeholder={placeholder}
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
            <EmptyState testId={`${testIdPrefix}-empty`} title="No errors" layout="vertical">
              <Text>{query.trim() === '' ? nothingFailed : `No errors match "${query}".`}</Text>
            </EmptyState>
          ) : (
            children(data, setPage)
          )
        }
      </Loadable>
    </Flex>
  );
}
