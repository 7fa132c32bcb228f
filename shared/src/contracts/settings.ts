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
  /**
   * Opt-in: a person's other e-mail addresses are added as HubSpot secondary e-mails (one HubSpot call per
   * address). Off: they go, `;`-separated, into the "Other e-mails" text property setup creates on contacts,
   * in the same write as the rest of the contact. Settings saved before this choice existed read back off.
   */
  addSecondaryEmails: z.boolean().default(false),
});
export type TransferSettings = z.infer<typeof TransferSettings>;

/** Why a data type cannot be changed: on because something chosen needs it, or off because it cannot be had. */
export const DataTypeLock = z.object({
  dataType: DataType,
  locked: z.boolean(),
  /** The value a locked type keeps (null when not locked). */
  value: z.boolean().nullable(),
  /** The reason, in words for the user (null when not locked). */
  reason: z.string().nullable(),
  /** The data types it needs on. */
  requires: z.array(DataType),
});
export type DataTypeLock = z.infer<typeof DataTypeLock>;

/** What still stands between these settings and a setup (e.g. the rate of a currency HubSpot lacks). */
export const SetupGap = z.object({
  code: z.enum(['exchange_rate_missing']),
  /** The setting to fill in, as a path (e.g. `exchangeRates.EUR`). */
  path: z.string(),
  message: z.string(),
});
export type SetupGap = z.infer<typeof SetupGap>;

export const SetupReadiness = z.object({ ready: z.boolean(), missing: z.array(SetupGap) });
export type SetupReadiness = z.infer<typeof SetupReadiness>;

/** One difference made when settings of an older audit were carried over to the latest one. */
export const SettingsChange = z.object({
  change: z.enum(['dropped', 'defaulted']),
  area: z.enum(['data_type', 'object', 'field', 'activity_type', 'record_filter', 'owner', 'exchange_rate']),
  /** Data type, object key, field key, activity type key, source user id or currency code. */
  key: z.string(),
  /** For fields and record filters: their object row. */
  objectKey: z.string().nullable(),
  message: z.string(),
});
export type SettingsChange = z.infer<typeof SettingsChange>;

/** GET/PUT/PATCH /api/v1/connections/:source/settings */
export const SettingsResponse = z.object({
  settings: TransferSettings,
  /** False until the user saves settings on this (the latest) audit: defaults, or carried over and not yet saved. */
  saved: z.boolean(),
  /** The audit the carried-over settings were made on (null when they were made on this one or are defaults). */
  carriedOverFrom: z.string().uuid().nullable(),
  changes: z.array(SettingsChange),
  locks: z.array(DataTypeLock),
  readiness: SetupReadiness,
});
export type SettingsResponse = z.infer<typeof SettingsResponse>;

/** PUT: the whole settings, made on the latest audit (its `auditId`). */
export const ReplaceSettingsRequest = TransferSettings.strict();

/** PATCH: the parts to change; `fields` and `recordFilters` merge per object, the rest replaces. */
export const UpdateSettingsRequest = TransferSettings.partial()
  .extend({
    auditId: z.string().uuid(),
    dataTypes: z.partialRecord(DataType, z.boolean()).optional(),
    // Without its default: a patch that leaves it out keeps the saved choice.
    addSecondaryEmails: z.boolean().optional(),
  })
  .strict();
export type UpdateSettingsRequest = z.infer<typeof UpdateSettingsRequest>;

/** Where a count stopped: pass it back to continue (it holds the filter it was made for). */
export const FilterCountResume = z.object({
  filter: RecordFilter,
  cursor: z.string().max(2000).nullable(),
  total: z.number().int().nonnegative(),
  breakdown: z.record(z.string(), z.number().int().nonnegative()),
});
export type FilterCountResume = z.infer<typeof FilterCountResume>;

/** POST /api/v1/connections/:source/settings/filter-counts */
export const FilterCountRequest = z
  .object({
    /** Object rows to count (default: every row with a record filter in the settings). */
    objects: z.array(z.string().max(100)).max(50).optional(),
    /** Filters to count instead of the settings' (e.g. before saving them). */
    recordFilters: z.record(z.string(), RecordFilter).optional(),
    /** Counts left unfinished by an earlier call, by object row. */
    resume: z.record(z.string(), FilterCountResume).optional(),
  })
  .strict();
export type FilterCountRequest = z.infer<typeof FilterCountRequest>;

export const FilterCount = z.object({
  objectKey: z.string(),
  label: z.string(),
  filter: RecordFilter,
  /** Records the filter keeps (so far, when not complete). */
  records: z.number().int().nonnegative(),
  /** The object's records in the latest audit, for comparison. */
  auditedRecords: z.number().int().nonnegative(),
  complete: z.boolean(),
  /** Pass back in `resume` to continue an incomplete count. */
  resume: FilterCountResume.nullable(),
});
export type FilterCount = z.infer<typeof FilterCount>;

export const FilterCountResponse = z.object({
  counts: z.array(FilterCount),
  /** What this call cost at the source (Pipedrive: requests and API tokens). */
  usage: z.object({ requests: z.number().int(), tokens: z.number().int() }),
});
export type FilterCountResponse = z.infer<typeof FilterCountResponse>;
