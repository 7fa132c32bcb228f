import { TableCell, TableRow, Text } from '@hubspot/ui-extensions';
import { DataTable } from '../components/DataTable.tsx';
import type { AuditField } from '../contracts/audit.ts';
import { FieldRow } from './FieldRow.tsx';

interface FieldsTableProps {
  objectKey: string;
  fields: AuditField[];
  sourceName: string;
}

const columns = (sourceName: string): string[] => [
  'Field',
  'Key',
  `${sourceName} type`,
  'Supported',
  'HubSpot property',
  'HubSpot type',
  'Options',
];

/** Every field of one source object and what it becomes in HubSpot. */
export function FieldsTable({ objectKey, fields, sourceName }: FieldsTableProps) {
  const headers = columns(sourceName);
  return (
    <DataTable testId={`fields-${objectKey}`} headers={headers}>
      {fields.length === 0 ? (
        <TableRow>
          <TableCell colSpan={headers.length}>
            <Text>This object has no fields.</Text>
          </TableCell>
        </TableRow>
      ) : (
        fields.map((field) => <FieldRow key={field.key} field={field} />)
      )}
    </DataTable>
  );
}
