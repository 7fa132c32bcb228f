import type { TransferTask } from '../contracts/transfers.ts';

/** The sync's tasks (plan rows and `associations`) as HubSpot names what they write. */
const TASK_LABELS: Record<string, string> = {
  organizations: 'Companies',
  persons: 'Contacts',
  products: 'Products',
  deals: 'Deals',
  call_activities: 'Calls',
  meeting_activities: 'Meetings',
  task_activities: 'Tasks',
  email_activities: 'Emails',
  notes: 'Notes',
  associations: 'Associations',
};

export const taskLabel = (task: string): string => TASK_LABELS[task] ?? task;

/** Records HubSpot holds after the task: created or updated. */
export const writtenOf = (counts: TransferTask['counts']): number => counts.created + counts.updated;

/** Whether the sync left errors to look at (records or associations). */
export const hasErrors = (tasks: readonly TransferTask[]): boolean => tasks.some((task) => task.counts.failed > 0);

/** A pace in records per second: "12.5", "—" while unknown. */
export const formatRate = (perSecond: number | null | undefined): string =>
  perSecond === null || perSecond === undefined ? '—' : perSecond.toFixed(perSecond < 10 ? 1 : 0);

/** Time left: "less than a minute", "12 min", "2 h 5 min", "—" while unknown. */
export function formatEta(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 60) return 'less than a minute';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
