// generated from shared/src/contracts by scripts/sync-contracts.ts — do not edit
// (change shared/src/contracts, then run `npx tsx scripts/sync-contracts.ts`)

import { z } from 'zod';

/**
 * The transfer settings of one connection: what the user chose to move and how, built from the latest
 * audit's mapping plan and persisted. Setup creates what they name; sync maps records by them.
 */

/** The data types a user can pick (HubSpot Smart Transfer's list). */
export const DataType = z.enum([
  'users',
  'currencies',
  'pipelines',
  'company_properties',
  'contact_properties',
  'deal_properties',
  'product_properties',
  'calls',
  'emails',
  'meetings',
  'notes',
  'tasks',
  'workflows',
  'archived_deals',
]);
export type DataType = z.infer<typeof DataType>;

/** HubSpot engagement objects a source activity type can go to. */
export const ActivityTarget = z.enum(['calls', 'emails', 'meetings', 'tasks', 'notes']);
export type ActivityTarget = z.infer<typeof ActivityTarget>;

/** How one source field is transferred: onto the property the plan creates, onto an existing HubSpot property, or not at all. */
export const FieldChoice = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('create') }),
  z.object({ mode: z.literal('existing'), hubspotProperty: z.string().min(1).max(100) }),
  z.object({ mode: z.literal('exclude') }),
]);
export type FieldChoice = z.infer<typeof FieldChoice>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD');

/** Which records of an object the sync takes; every criterion set must hold (none set: all records). */
export const RecordFilter = z.object({
  /** A filter the source account already has (Pipedrive: filter_id). */
  sourceFilterId: z.string().min(1).max(64).nullable().default(null),
  ownerId: z.string().min(1).max(64).nullable().default(null),
  pipelineId: z.string().min(1).max(64).nullable().default(null),
  createdAfter: isoDate.nullable().default(null),
  updatedAfter: isoDate.nullable().default(null),
});
export type RecordFilter = z.infer<typeof RecordFilter>;

export const TransferSettings = z.object({
  /** The audit whose mapping plan these settings were made on (carried over to newer audits). */
  auditId: z.string().uuid(),
  dataTypes: z.record(DataType, z.boolean()),
  /** By plan object row key, then source field key; a field not listed takes the plan's default (create when supported). */
  fields: z.record(z.string(), z.record(z.string(), FieldChoice)),
  /** Source activity type key → HubSpot object; a type not listed goes where the plan sends it. */
  activityTypes: z.record(z.string(), ActivityTarget),
  /** By plan object row key. */
  recordFilters: z.record(z.string(), RecordFilter),
  /** On: the sync starts when setup completes. Off: it waits for the user's "Start sync". */
  automaticSync: z.boolean(),
  /** The HubSpot owner for records whose source user has no owner (null: leave them unassigned). */
  defaultOwnerId: z.string().nullable(),
  /** Source user id → HubSpot owner id, for users the audit did not match by e-mail (or to override a match). */
  ownerOverrides: z.record(z.string(), z.string()),
  /** Currency code → units of it per one unit of the portal's company currency (HubSpot's conversionRate). */
  exchangeRates: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive()),
  /** Opt-in: invite HubSpot users for source users without an owner (sends invitations, may use paid seats). */
  inviteMissingUsers: z.boolean(),
  /** Opt-in: an existing HubSpot company with the same domain is updated instead of a new one created. */
  matchCompaniesByDomain: z.boolean(),
});
export type TransferSettings = z.infer<typeof TransferSettings>;
