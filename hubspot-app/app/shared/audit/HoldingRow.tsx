import { TableRow } from '@hubspot/ui-extensions';
import { TextCell } from '../components/TextCell.tsx';
import type { AuditHolding } from '../contracts/audit.ts';
import { holdingCount } from './AuditHoldings.tsx';

/** A part of an object shown on its own line under it in the results table, e.g. archived deals under deals. */
export function HoldingRow({ holding }: { holding: AuditHolding }) {
  return (
    <TableRow testId={`object-part-${holding.key}`}>
      <TextCell>{`↳ ${holding.label}`}</TextCell>
      <TextCell>{holding.becomes ?? 'Not transferred'}</TextCell>
      <TextCell>—</TextCell>
      <TextCell>{holdingCount(holding.records, holding.count)}</TextCell>
    </TableRow>
  );
}
