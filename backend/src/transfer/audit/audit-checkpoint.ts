import { z } from 'zod';
import type { TransferTaskRecord } from '../../db/repositories/transfer-tasks.repository.js';
import type { CountState, SourceAccess, SourceCatalog } from '../../sources/connector.js';

/**
 * Where an audit stands beyond its tasks, saved as the job's checkpoint so a restarted worker continues
 * where the last one stopped: the catalog and the connecting user's access once read, and the source usage so far.
 */
export const AuditCheckpoint = z.object({
  catalog: z.custom<SourceCatalog>((value) => typeof value === 'object' && value !== null).optional(),
  access: z.custom<SourceAccess>((value) => typeof value === 'object' && value !== null).optional(),
  usage: z.object({ requests: z.number().int(), cost: z.number().int() }).default({ requests: 0, cost: 0 }),
});
export type AuditCheckpoint = z.infer<typeof AuditCheckpoint>;

/** A count's cursor as its task keeps it; the running total is the task's read count. */
const CountCursor = z.object({
  cursor: z.string().nullable(),
  breakdown: z.record(z.string(), z.number().int()),
  facets: z.record(z.string(), z.record(z.string(), z.number().int())).optional(),
  unreadable: z.string().optional(),
  partial: z.boolean().optional(),
  skipped: z.string().optional(),
});
export type CountCursor = z.infer<typeof CountCursor>;

export const toCountCursor = (state: CountState): CountCursor => ({
  cursor: state.cursor,
  breakdown: state.breakdown,
  ...(state.facets ? { facets: state.facets } : {}),
  ...(state.unreadable ? { unreadable: state.unreadable } : {}),
  ...(state.partial ? { partial: state.partial } : {}),
  ...(state.skipped ? { skipped: state.skipped } : {}),
});

/** The count an audit task has reached (nothing yet for a task never started). */
export function countStateOf(task: TransferTaskRecord): CountState {
  const saved = task.status === 'pending' ? null : CountCursor.parse(task.cursor);
  return { cursor: null, breakdown: {}, ...saved, total: task.counts.read, done: task.status === 'done' };
}
