import { TableRow, Text } from '@hubspot/ui-extensions';
import { DataTable } from '../components/DataTable.tsx';
import { TextCell } from '../components/TextCell.tsx';
import type { AuditResult } from '../contracts/audit.ts';
import { formatCount } from '../format.ts';

/** What the source has that the transfer leaves out, and why: nothing is dropped without saying so. */
export function NotTransferred({ items, sourceName }: { items: AuditResult['notTransferred']; sourceName: string }) {
  if (items.length === 0) {
    return (
      <Text testId="nothing-left-out">{`Everything the audit found in ${sourceName} is part of the transfer.`}</Text>
    );
  }
  return (
    <DataTable testId="not-transferred" headers={['Not transferred', 'Records', 'Why']}>
      {items.map((item) => (
        <TableRow key={item.key} testId={`not-transferred-${item.key}`}>
          <TextCell>{item.label}</TextCell>
          <TextCell>{item.records === null ? 'Not counted' : formatCount(item.records)}</TextCell>
          <TextCell>{item.reason}</TextCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
