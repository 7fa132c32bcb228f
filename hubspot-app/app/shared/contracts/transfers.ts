// generated from shared/src/contracts by scripts/sync-contracts.ts — do not edit
// (change shared/src/contracts, then run `npx tsx scripts/sync-contracts.ts`)

import { z } from 'zod';
import { Job, JobKind } from './jobs.js';

/** What one task of a transfer has done so far. */
export const TaskCounts = z.object({
  read: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
});
export type TaskCounts = z.infer<typeof TaskCounts>;

export const TransferTaskStatus = z.enum(['pending', 'running', 'done']);
export type TransferTaskStatus = z.infer<typeof TransferTaskStatus>;

/** One unit of a transfer (an object or item kind, e.g. "sync deals"), in dependency order. */
export const TransferTask = z.object({
  object: z.string(),
  status: TransferTaskStatus,
  counts: TaskCounts,
});
export type TransferTask = z.infer<typeof TransferTask>;

/** GET /api/v1/transfers/:id — one run of a phase (audit, setup, sync, one-time, revert), its job and tasks. */
export const TransferResponse = z.object({
  id: z.string().uuid(),
  kind: JobKind,
  connectionId: z.string().uuid(),
  job: Job,
  tasks: z.array(TransferTask),
});
export type TransferResponse = z.infer<typeof TransferResponse>;
