// generated from shared/src/contracts by scripts/sync-contracts.ts — do not edit
// (change shared/src/contracts, then run `npx tsx scripts/sync-contracts.ts`)

import { z } from 'zod';

/** The steps of a transfer, in the order the User guide lists them. */
export const GuideStepId = z.enum(['install', 'connect', 'audit', 'configure', 'sync', 'onetime', 'markup', 'cleanup']);
export type GuideStepId = z.infer<typeof GuideStepId>;

/**
 * complete: done · available: the user can do it now · in_progress: a job is running ·
 * needs_attention: it failed or needs the user (e.g. reconnect) · locked: an earlier step must be done first.
 */
export const GuideStepState = z.enum(['complete', 'available', 'in_progress', 'needs_attention', 'locked']);
export type GuideStepState = z.infer<typeof GuideStepState>;

export const GuideStep = z.object({
  id: GuideStepId,
  title: z.string(),
  description: z.string(),
  state: GuideStepState,
  /** Why a locked or needs_attention step is so, in words a user understands. */
  reason: z.string().optional(),
  actionLabel: z.string().optional(),
});
export type GuideStep = z.infer<typeof GuideStep>;

/** GET /api/v1/guide */
export const GuideResponse = z.object({
  portalId: z.number().int(),
  steps: z.array(GuideStep),
});
export type GuideResponse = z.infer<typeof GuideResponse>;
