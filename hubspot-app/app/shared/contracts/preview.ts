// generated from shared/src/contracts by scripts/sync-contracts.ts — do not edit
// (change shared/src/contracts, then run `npx tsx scripts/sync-contracts.ts`)

import { z } from 'zod';
import { SourceId } from './sources.js';

/** An association as the source names it, with the HubSpot record it points at when the id map knows it. */
export const PreviewAssociation = z.object({
  /** The source field holding the reference. */
  field: z.string(),
  hubspotObject: z.string(),
  sourceObject: z.string().nullable(),
  sourceId: z.string(),
  /** `primary`, `unlabeled`, or the custom association label setup creates. */
  label: z.string(),
  hubspotId: z.string().nullable(),
});
export type PreviewAssociation = z.infer<typeof PreviewAssociation>;

/**
 * GET /api/v1/connections/:source/records/:object/:id/preview — one source record beside the exact HubSpot
 * input the sync would write for it with the connection's current settings. Nothing is written.
 */
export const RecordPreview = z.object({
  source: SourceId,
  /** The audit whose plan (and settings) mapped it. */
  auditId: z.string().uuid(),
  sourceRecord: z.object({
    object: z.string(),
    id: z.string(),
    updatedAt: z.string().nullable(),
    values: z.record(z.string(), z.unknown()),
  }),
  hubspot: z.object({
    /** The plan row that takes the record (activities: by their type). */
    objectKey: z.string(),
    objectType: z.string(),
    properties: z.record(z.string(), z.string()),
    associations: z.array(PreviewAssociation),
    /** Properties whose value is a pipeline or stage id setup has not created yet, by its ledger item key. */
    pending: z.array(z.object({ property: z.string(), itemKey: z.string() })),
    /**
     * A contact's other e-mail addresses when the settings add them as HubSpot secondary e-mails (one call each;
     * hs_additional_emails is read-only); by default they are in `properties`, in the "Other e-mails" property.
     */
    additionalEmails: z.array(z.string()),
    /** Source values left out, and why. */
    warnings: z.array(z.string()),
  }),
});
export type RecordPreview = z.infer<typeof RecordPreview>;
