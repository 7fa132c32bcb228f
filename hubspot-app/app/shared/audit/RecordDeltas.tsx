import { Flex, TableRow, Text } from '@hubspot/ui-extensions';
import { DataTable } from '../components/DataTable.tsx';
import { TextCell } from '../components/TextCell.tsx';
import type { AuditComparison } from '../contracts/audit.ts';
import { formatCount, formatDelta } from '../format.ts';

/** Objects whose record count moved between two audits: before, after and the difference. */
export function RecordDeltas({ deltas }: { deltas: AuditComparison['records'] }) {
  return (
    <Flex direction="column" gap="xs">
      <Text format={{ fontWeight: 'bold' }}>Record counts</Text>
      <DataTable testId="changes-records" headers={['Object', 'Before', 'Now', 'Difference']}>
        {deltas.map((delta) => (
          <TableRow key={delta.key}>
            <TextCell>{delta.label}</TextCell>
            <TextCell>{formatCount(delta.before)}</TextCell>
            <TextCell>{formatCount(delta.after)}</TextCell>
            <TextCell>{formatDelta(delta.delta)}</TextCell>
          </TableRow>
        ))}
      </DataTable>
    </Flex>
  );
}
