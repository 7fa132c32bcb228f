// generated from shared/src/contracts by scripts/sync-contracts.ts — do not edit
// (change shared/src/contracts, then run `npx tsx scripts/sync-contracts.ts`)

import { z } from 'zod';
import { SourceId } from './sources.js';

/** POST /api/v1/connect-tickets: ask for a single-use, short-lived ticket to connect a source. */
export const ConnectTicketRequest = z.object({ source: SourceId }).strict();
export type ConnectTicketRequest = z.infer<typeof ConnectTicketRequest>;

/**
 * The UI opens `connectUrl` in a new tab (our /oauth/<source>/start?ticket=…), then polls the
 * connection status; the ticket is bound to the portal and user that asked for it.
 */
export const ConnectTicketResponse = z.object({
  source: SourceId,
  connectUrl: z.string().url(),
  expiresAt: z.string(),
});
export type ConnectTicketResponse = z.infer<typeof ConnectTicketResponse>;
