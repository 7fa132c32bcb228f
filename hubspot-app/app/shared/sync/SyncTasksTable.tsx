import { TableRow } from '@hubspot/ui-extensions';
import { DataTable } from '../components/DataTable.tsx';
import { TextCell } from '../components/TextCell.tsx';
import type { TransferTask } from '../contracts/transfers.ts';
import { formatCount } from '../format.ts';
import { taskLabel, writtenOf } from './sync-labels.ts';

const STATUS_WORDS: Record<TransferTask['status'], string> = {
  pending: 'Waiting',
  running: 'Running',
  done: 'Done',
};

/** Progress per task, in dependency order: read / written / skipped / failed. */
export function SyncTasksTable({ tasks }: { tasks: readonly TransferTask[] }) {
  return (
    <DataTable testId="sync-tasks" headers={['Object', 'Status', 'Read', 'Written', 'Skipped', 'Failed']}>
      {tasks.map((task) => (
        <TableRow key={task.object} testId={`sync-task-${task.object}`}>
          <TextCell>{taskLabel(task.object)}</TextCell>
          <TextCell>{STATUS_WORDS[task.status]}</TextCell>
          <TextCell>{formatCount(task.counts.read)}</TextCell>
          <TextCell>{formatCount(writtenOf(task.counts))}</TextCell>
          <TextCell>{formatCount(task.counts.skipped)}</TextCell>
          <TextCell>{formatCount(task.counts.failed)}</TextCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
