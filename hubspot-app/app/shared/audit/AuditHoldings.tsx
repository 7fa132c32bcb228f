import { TableRow } from '@hubspot/ui-extensions';
import { DataTable } from '../components/DataTable.tsx';
import { TextCell } from '../components/TextCell.tsx';
import type { AuditHolding } from '../contracts/audit.ts';
import { formatBytes, formatCount } from '../format.ts';

/** A holding's count as the user should read it: exact, a lower bound, or why there is none. */
export function holdingCount(records: number | null, count: AuditHolding['count']): string {
  if (records === null) return count === 'unreadable' ? 'Not readable' : 'Not counted';
  return count === 'at_least' ? `At least ${formatCount(records)}` : formatCount(records);
}

/** Everything else the account holds (archived deals, line items, files…), counted, with what it becomes. */
export function AuditHoldings({ holdings }: { holdings: AuditHolding[] }) {
  return (
    <DataTable testId="holdings" headers={['In the account', 'Records', 'Becomes in HubSpot', 'What happens']}>
      {holdings.map((holding) => (
        <TableRow key={holding.key} testId={`holding-${holding.key}`}>
          <TextCell>{holding.label}</TextCell>
          <TextCell>
            {holding.bytes === null
              ? holdingCount(holding.records, holding.count)
              : `${holdingCount(holding.records, holding.count)} (${formatBytes(holding.bytes)})`}
          </TextCell>
          <TextCell>{holding.becomes ?? 'Not transferred'}</TextCell>
          <TextCell>{holding.note}</TextCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
