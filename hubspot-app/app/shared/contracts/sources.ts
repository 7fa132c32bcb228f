// generated from shared/src/contracts by scripts/sync-contracts.ts — do not edit
// (change shared/src/contracts, then run `npx tsx scripts/sync-contracts.ts`)

import { z } from 'zod';

/**
 * An app a CRM can be transferred from, e.g. `pipedrive`. Which ids exist is the backend's list of
 * source modules (backend/src/sources/index.ts), served by GET /api/v1/apps; the backend refuses ids it
 * does not list, so the contract only fixes their shape.
 */
export const SourceId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be a source app id (lowercase letters, digits, underscores)');
export type SourceId = z.infer<typeof SourceId>;

export const SourceAvailability = z.enum(['available', 'coming_soon']);
export type SourceAvailability = z.infer<typeof SourceAvailability>;

export const ConnectionStatus = z.enum(['not_connected', 'connected', 'reconnect_needed']);
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;

export const SourceApp = z.object({
  id: SourceId,
  name: z.string(),
  description: z.string(),
  availability: SourceAvailability,
  connectionStatus: ConnectionStatus,
});
export type SourceApp = z.infer<typeof SourceApp>;

/** GET /api/v1/apps */
export const AppsResponse = z.object({ apps: z.array(SourceApp) });
export type AppsResponse = z.infer<typeof AppsResponse>;

/** GET /api/v1/connections/:source — polled by the UI while the user approves access in another tab. */
export const ConnectionResponse = z.object({
  source: SourceId,
  status: ConnectionStatus,
  accountName: z.string().nullable(),
  /** Why a reconnect is needed, in words for the user. */
  reason: z.string().nullable(),
  connectedAt: z.string().nullable(),
});
export type ConnectionResponse = z.infer<typeof ConnectionResponse>;
