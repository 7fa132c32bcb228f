// generated from shared/src/contracts by scripts/sync-contracts.ts — do not edit
// (change shared/src/contracts, then run `npx tsx scripts/sync-contracts.ts`)

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
  /**
   * Source records read per second while the current attempt runs (filtered-out ones included: reading
   * them takes the same time); null before the first batch and while the sync waits (paused, retrying).
   */
  recordsPerSecond: z.number().nonnegative().nullable(),
  /**
   * Seconds left at that rate: the audit's record counts of the synced objects minus what was read; null
   * when there is no rate, 0 once complete.
   */
  etaSeconds: z.number().int().nonnegative().nullable(),
  /**
   * The app whose access was refused (`hubspot` or the source id): the sync is PAUSED until the user
   * reconnects it, then resumes where it stopped. Null when nothing needs reconnecting.
   */
  reconnectNeeded: z.string().nullable(),
});
export type SyncResponse = z.infer<typeof SyncResponse>;
