import { TableRow } from '@hubspot/ui-extensions';
import { TextCell } from '../components/TextCell.tsx';
import type { TransferError } from '../contracts/setup.ts';
import { taskLabel } from './sync-labels.ts';

/** One record (or association) that did not land: its ids on both sides, HubSpot's category and message, what to do. */
export function SyncErrorRow({ error }: { error: TransferError }) {
  return (
    <TableRow testId={`sync-error-${error.id}`}>
      <TextCell>{taskLabel(error.task)}</TextCell>
      <TextCell>{error.itemKey ?? '—'}</TextCell>
      <TextCell>{error.hubspotId ?? '—'}</TextCell>
      <TextCell>{error.category}</TextCell>
      <TextCell>{error.message}</TextCell>
      <TextCell>{error.hint ?? '—'}</TextCell>
    </TableRow>
  );
}
