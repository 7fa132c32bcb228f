import { stringify } from 'csv-stringify';
import type { TransferError } from '../../../../shared/src/contracts/index.js';
import { neutralise } from '../audit/audit-csv.js';

const COLUMNS = [
  'Item',
  'Item type',
  'Key',
  'Object',
  'HubSpot id',
  'Task',
  'Severity',
  'HubSpot category',
  'Message',
  'Hint',
  'When',
];

/** A transfer's error log as CSV (UTF-8 with BOM, formulas neutralised): one row per failed item or record warning. */
export function transferErrorsCsv(errors: readonly TransferError[]): NodeJS.ReadableStream {
  const csv = stringify({ header: true, columns: COLUMNS, bom: true, cast: { string: neutralise } });
  for (const error of errors) {
    csv.write([
      error.label ?? '',
      error.itemType ?? '',
      error.itemKey ?? '',
      error.hubspotObject ?? '',
      error.hubspotId ?? '',
      error.task,
      error.severity,
      error.category,
      error.message,
      error.hint ?? '',
      error.createdAt,
    ]);
  }
  csv.end();
  return csv;
}
