// generated from shared/src/contracts by scripts/sync-contracts.ts — do not edit
// (change shared/src/contracts, then run `npx tsx scripts/sync-contracts.ts`)

import { z } from 'zod';

/** Every 4xx/5xx body of our API: `{ error: { code, message, details? } }`. */
export const ErrorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
