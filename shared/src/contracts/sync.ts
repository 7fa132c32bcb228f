import { z } from 'zod';
import { TransferResponse } from './transfers.js';

/** POST /api/v1/sync — start the initial sync of the portal's connection to `source` (after setup completed). */
export const StartSyncRequest = z.object({ source: z.string() }).strict();

/**
 * GET /api/v1/sync?source=, GET /api/v1/sync/:id — the sync transfer: one task per object row in dependency
 * order, then `associations`; each with read / created / updated / skipped (filtered out, or an association
 * whose end is not transferred) / failed counts. Errors: GET /api/v1/transfers/:id/errors.
 */
export const SyncResponse = TransferResponse.extend({
  summary: z.object({
    read: z.number().int().nonnegative(),
    created: z.number().int().nonnegative(),
    updated: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
  }),
  /** A run of "retry failed records": the sync whose failed records it writes again; null for a full sync. */
  retryOf: z.string().uuid().nullable(),
  /** Records written per second lately, while the sync runs; null when unknown. */
  recordsPerSecond: z.number().nonnegative().nullable().optional(),
  /** Seconds left at that pace; null when unknown. */
  etaSeconds: z.number().nonnegative().nullable().optional(),
});
export type SyncResponse = z.infer<typeof SyncResponse>;

/**
 * POST /api/v1/sync/:id/retry-failed — a new sync run limited to the records that failed in sync `:id`
 * (record errors, and the records failed associations start from); answers that run (202).
 */
export const RetryFailedRequest = z.object({}).strict();
