import type { BaseContext } from '@hubspot/ui-extensions';
import { useMemo } from 'react';
import { CsvDownload } from '../components/CsvDownload.tsx';
import { createAuditExportLink } from '../endpoints.ts';

/** "Export results": the audit as CSV, through a single-use download link. */
export function ExportResults({ auditId, context }: { auditId: string; context: BaseContext }) {
  const endpoint = useMemo(() => createAuditExportLink(auditId), [auditId]);
  return (
    <CsvDownload
      endpoint={endpoint}
      context={context}
      label="Export results"
      errorTitle="We couldn't export the results"
      testIdPrefix="audit"
    />
  );
}
