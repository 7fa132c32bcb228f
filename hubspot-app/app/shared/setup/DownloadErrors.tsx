import type { BaseContext } from '@hubspot/ui-extensions';
import { useMemo } from 'react';
import { CsvDownload } from '../components/CsvDownload.tsx';
import { createErrorsExportLink } from './setup-endpoints.ts';

/** "Download errors": the transfer's error log as CSV, through a single-use download link like the audit's export. */
export function DownloadErrors({ transferId, context }: { transferId: string; context: BaseContext }) {
  const endpoint = useMemo(() => createErrorsExportLink(transferId), [transferId]);
  return (
    <CsvDownload
      endpoint={endpoint}
      context={context}
      label="Download errors"
      errorTitle="We couldn't prepare the download"
      testIdPrefix="setup-errors"
    />
  );
}
