import { TableRow } from '@hubspot/ui-extensions';
import { TextCell } from '../components/TextCell.tsx';
import type { TransferError } from '../contracts/setup.ts';

/** One failed item: what it was, HubSpot's category and message, and what to do about it. */
export function TransferErrorRow({ error }: { error: TransferError }) {
  return (
    <TableRow testId={`setup-error-${error.id}`}>
      <TextCell>{error.label ?? error.itemKey ?? error.task}</TextCell>
      <TextCell>{error.hubspotObject ?? '—'}</TextCell>
      <TextCell>{error.category}</TextCell>
      <TextCell>{error.message}</TextCell>
      <TextCell>{error.hint ?? '—'}</TextCell>
    </TableRow>
  );
}
