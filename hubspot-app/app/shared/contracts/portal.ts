// generated from shared/src/contracts by scripts/sync-contracts.ts — do not edit
// (change shared/src/contracts, then run `npx tsx scripts/sync-contracts.ts`)

import { z } from 'zod';

export const PortalStatus = z.enum(['installed', 'disconnected', 'uninstalled']);
export type PortalStatus = z.infer<typeof PortalStatus>;

/** GET /api/v1/portal: the signed-in portal as the backend knows it. */
export const PortalResponse = z.object({
  portalId: z.number().int(),
  status: PortalStatus,
  hubDomain: z.string().nullable(),
  installedAt: z.string(),
});
export type PortalResponse = z.infer<typeof PortalResponse>;
