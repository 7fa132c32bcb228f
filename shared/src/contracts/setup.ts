import { z } from 'zod';
import { TransferResponse } from './transfers.js';

/** POST /api/v1/setup — start the setup transfer of the portal's connection to `source`. */
export const StartSetupRequest = z.object({ source: z.string() }).strict();

/** What setup does with one item: creates it, reuses the equal one HubSpot has, skips it, or cannot (a clash). */
export const SetupOutcome = z.enum(['create', 'reuse', 'skip', 'fail']);
export type SetupOutcome = z.infer<typeof SetupOutcome>;

export const SetupReviewItem = z.object({
  /** property_group, property, association_label, pipeline, owner, currency, workflow. */
  itemType: z.string(),
  key: z.string(),
  label: z.string(),
  outcome: SetupOutcome,
  /** Why it is skipped or cannot be created, or what reusing it adds (e.g. missing stages). */
  reason: z.string().nullable(),
});
export type SetupReviewItem = z.infer<typeof SetupReviewItem>;

const OutcomeTotals = z.object({
  create: z.number().int().nonnegative(),
  reuse: z.number().int().nonnegative(),
  skip: z.number().int().nonnegative(),
  fail: z.number().int().nonnegative(),
});

/** GET /api/v1/setup/review?source= — what setup would do now, read from the portal; nothing is written. */
export const SetupReview = z.object({
  /** Per HubSpot object (`account` for owners, currencies). */
  objects: z.array(z.object({ object: z.string(), totals: OutcomeTotals, items: z.array(SetupReviewItem) })),
  totals: OutcomeTotals,
  /** False when the portal cannot have workflows (tier or scope): the sync then writes the dates itself. */
  workflowsAvailable: z.boolean(),
});
export type SetupReview = z.infer<typeof SetupReview>;

/** GET /api/v1/setup/:id (and GET /api/v1/setup?source= for the latest) — the transfer with what its ledger holds. */
export const SetupResponse = TransferResponse.extend({
  summary: z.object({
    created: z.number().int().nonnegative(),
    reused: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
  }),
  /** What the user should know (a stage probability rounded, a workflow the portal cannot have…). */
  notices: z.array(z.string()),
  /** Dates the sync must write itself because the portal cannot have their backfill workflow. */
  syncWritesDates: z.array(z.enum(['create_date', 'close_date'])),
});
export type SetupResponse = z.infer<typeof SetupResponse>;

/** GET /api/v1/transfers/:id/errors?q=&page=&pageSize= */
export const TransferErrorsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const TransferError = z.object({
  id: z.number().int(),
  /** The task (setup: groups, properties, …; sync: the object). */
  task: z.string(),
  itemType: z.string().nullable(),
  hubspotObject: z.string().nullable(),
  /** The item's key (setup: its name) or the source record id (an association: `deals/12 → contacts/7`). */
  itemKey: z.string().nullable(),
  /** The HubSpot record the error is about, when HubSpot holds it (sync). */
  hubspotId: z.string().nullable(),
  label: z.string().nullable(),
  /** HubSpot's error category. */
  category: z.string(),
  /** error: the item did not reach HubSpot; warning: it did, but a value could not be kept whole (e.g. text cut). */
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  hint: z.string().nullable(),
  createdAt: z.string(),
});
export type TransferError = z.infer<typeof TransferError>;

export const TransferErrorsPage = z.object({
  errors: z.array(TransferError),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int().nonnegative(),
});
export type TransferErrorsPage = z.infer<typeof TransferErrorsPage>;
