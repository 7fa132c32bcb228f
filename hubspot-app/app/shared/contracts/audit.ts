// generated from shared/src/contracts by scripts/sync-contracts.ts — do not edit
// (change shared/src/contracts, then run `npx tsx scripts/sync-contracts.ts`)

import { z } from 'zod';
import { Job } from './jobs.js';
import { SourceId } from './sources.js';

/** A HubSpot property a source field becomes: an existing standard one or one setup creates. */
export const HubSpotPropertyTarget = z.object({
  objectType: z.string(),
  name: z.string(),
  label: z.string(),
  type: z.string(),
  fieldType: z.string(),
  /**
   * standard: HubSpot's own property; created: setup creates it; reference: setup creates it and it holds
   * the linked record's name (a link HubSpot cannot make as an association); association/owner/pipeline/stage:
   * not a plain property.
   */
  kind: z.enum(['standard', 'created', 'reference', 'association', 'owner', 'pipeline', 'stage']),
});
export type HubSpotPropertyTarget = z.infer<typeof HubSpotPropertyTarget>;

export const AuditFieldOption = z.object({ id: z.string(), label: z.string() });

export const AuditField = z.object({
  key: z.string(),
  label: z.string(),
  sourceType: z.string(),
  isCustom: z.boolean(),
  supported: z.boolean(),
  /** Where the value goes in HubSpot; several for split fields (e.g. an address); empty when unsupported. */
  targets: z.array(HubSpotPropertyTarget),
  options: z.array(AuditFieldOption).nullable(),
  /** Why a field is not supported, or what changes on the way (e.g. a range split in two). */
  reason: z.string().nullable(),
});
export type AuditField = z.infer<typeof AuditField>;

export const AuditStage = z.object({
  id: z.string(),
  name: z.string(),
  order: z.number().int(),
  sourceProbability: z.number().nullable(),
  /** HubSpot's deal-stage probability: 0.0–1.0 in 0.1 steps. */
  hubspotProbability: z.number(),
});

/** Deals of one pipeline by status; open ones also by stage id. */
export const PipelineDealCounts = z.object({
  open: z.number().int(),
  won: z.number().int(),
  lost: z.number().int(),
  openByStage: z.record(z.string(), z.number().int()),
});
export type PipelineDealCounts = z.infer<typeof PipelineDealCounts>;

export const AuditPipeline = z.object({
  id: z.string(),
  name: z.string(),
  stages: z.array(AuditStage),
  /** Won and lost deals go to these stages HubSpot needs; the source stage is kept in a property. */
  closedStages: z.array(z.object({ label: z.string(), hubspotProbability: z.number() })),
  /** Deals in the pipeline (not archived): open + won + lost. */
  deals: z.number().int().nullable(),
  /** Where the pipeline's deals are (null in the mapping plan); archived deals apart. */
  dealCounts: PipelineDealCounts.nullable().default(null),
  archivedDealCounts: PipelineDealCounts.nullable().default(null),
});
export type AuditPipeline = z.infer<typeof AuditPipeline>;

/** One row of the results table: a source object (or activity kind) and the HubSpot object it becomes. */
export const AuditObject = z.object({
  key: z.string(),
  sourceLabel: z.string(),
  hubspotObject: z.string(),
  hubspotLabel: z.string(),
  records: z.number().int().nonnegative(),
  /** e.g. deals by status, activities by type. */
  breakdown: z.record(z.string(), z.number().int()),
  properties: z.number().int().nonnegative(),
  supportedProperties: z.number().int().nonnegative(),
  unsupportedProperties: z.number().int().nonnegative(),
  /** The source refused to list the object (e.g. a missing scope): why. `records` is then unknown, not zero. */
  unreadable: z.string().nullable().default(null),
});
export type AuditObject = z.infer<typeof AuditObject>;

export const AuditUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  /** The HubSpot owner with the same email, when there is one. */
  hubspotOwnerId: z.string().nullable(),
  /** That owner's name as HubSpot shows it (null when unmatched or unnamed). */
  hubspotOwnerName: z.string().nullable(),
});

export const AuditCurrency = z.object({
  code: z.string(),
  name: z.string(),
  /** Deals use it. */
  used: z.boolean(),
  /** The HubSpot account already has it (as company or additional currency). */
  inHubSpot: z.boolean(),
});

export const AuditActivityType = z.object({
  key: z.string(),
  name: z.string(),
  custom: z.boolean(),
  hubspotObject: z.string(),
  records: z.number().int().nonnegative(),
});

/** How far a count got: every record, a lower bound (stopped to save tokens), not counted, or refused by the source. */
export const CountStatus = z.enum(['exact', 'at_least', 'not_counted', 'unreadable']);
export type CountStatus = z.infer<typeof CountStatus>;

/**
 * Something else the account holds (archived deals, deal products, participants, files, relationships,
 * leads, filters…): its count and what it becomes in HubSpot, or null when it is not transferred.
 */
export const AuditHolding = z.object({
  key: z.string(),
  label: z.string(),
  /** Null when not counted or unreadable (see `count`). */
  records: z.number().int().nonnegative().nullable(),
  breakdown: z.record(z.string(), z.number().int()),
  /** Total size, for files. */
  bytes: z.number().int().nonnegative().nullable(),
  count: CountStatus,
  /** The HubSpot object or association it becomes; null when it is not transferred. */
  becomes: z.string().nullable(),
  /** What happens to it, or why it stays behind; and for partial counts, why and what a full count costs. */
  note: z.string(),
  /** The object row it is a part of and is shown under (archived deals under deals); null for none. */
  underObject: z.string().nullable().default(null),
});
export type AuditHolding = z.infer<typeof AuditHolding>;

export const NotTransferredItem = z.object({
  key: z.string(),
  label: z.string(),
  reason: z.string(),
  /** How many the account holds; null when not counted. */
  records: z.number().int().nonnegative().nullable().default(null),
});
export type NotTransferredItem = z.infer<typeof NotTransferredItem>;

/** Who connected the source and what the grant lets us read: a non-admin, or a missing scope, hides records. */
export const AuditAccess = z.object({
  userName: z.string(),
  admin: z.boolean(),
  scopes: z.array(z.string()),
  missingScopes: z.array(z.object({ scope: z.string(), neededFor: z.string() })),
  /** Plain sentences for the top of the audit; empty when the audit sees everything. */
  warnings: z.array(z.string()),
  /** What the user should do about it. */
  action: z.enum(['connect_as_admin']).nullable(),
});
export type AuditAccess = z.infer<typeof AuditAccess>;

export const AuditResult = z.object({
  source: SourceId,
  account: z.object({
    accountId: z.string(),
    accountName: z.string().nullable(),
    defaultCurrency: z.string().nullable(),
    locale: z.string().nullable(),
    timeZone: z.string().nullable(),
    /** How the source writes dates, e.g. "YYYY-MM-DD" (derived from its locale). */
    dateFormat: z.string().nullable(),
  }),
  objects: z.array(AuditObject),
  fields: z.record(z.string(), z.array(AuditField)),
  pipelines: z.array(AuditPipeline),
  users: z.array(AuditUser),
  currencies: z.array(AuditCurrency),
  activityTypes: z.array(AuditActivityType),
  /** Everything else the account holds, counted, with what it becomes. */
  holdings: z.array(AuditHolding).default([]),
  /** The plan's choice: archived deals become ordinary HubSpot deals (default) or stay behind. */
  includeArchivedDeals: z.boolean().default(true),
  /** What the source has that the transfer leaves out, and why: empty only when nothing is left behind. */
  notTransferred: z.array(NotTransferredItem),
  /** Null in audits made before the access check. */
  access: AuditAccess.nullable().default(null),
  usage: z.object({ requests: z.number().int(), tokens: z.number().int() }),
});
export type AuditResult = z.infer<typeof AuditResult>;

/** POST /api/v1/audits */
export const StartAuditRequest = z.object({ source: SourceId }).strict();

/** GET /api/v1/audits/:id — the job, and its result once complete. */
export const AuditResponse = z.object({
  id: z.string().uuid(),
  job: Job,
  previousAuditId: z.string().uuid().nullable(),
  result: AuditResult.nullable(),
});
export type AuditResponse = z.infer<typeof AuditResponse>;

export const ChangeKind = z.enum(['added', 'removed', 'changed']);

/** One difference between two audits; `details` says what changed, in words for the user. */
export const AuditChange = z.object({
  change: ChangeKind,
  /** The part that changed: object key, field key, pipeline id, user id or currency code. */
  id: z.string(),
  label: z.string(),
  /** For fields: the object they belong to. */
  objectKey: z.string().nullable(),
  details: z.array(z.string()),
});
export type AuditChange = z.infer<typeof AuditChange>;

export const RecordCountDelta = z.object({
  key: z.string(),
  label: z.string(),
  before: z.number().int(),
  after: z.number().int(),
  delta: z.number().int(),
});

/** GET /api/v1/audits/:id/comparison — this audit against the one before it. */
export const AuditComparison = z.object({
  auditId: z.string().uuid(),
  previousAuditId: z.string().uuid(),
  objects: z.array(AuditChange),
  fields: z.array(AuditChange),
  pipelines: z.array(AuditChange),
  users: z.array(AuditChange),
  currencies: z.array(AuditChange),
  records: z.array(RecordCountDelta),
  /** Holdings and not-transferred items whose count changed, keyed `holding:<key>` / `not_transferred:<key>`. */
  holdings: z.array(RecordCountDelta).default([]),
  /** Added, removed or changed not-transferred items. */
  notTransferred: z.array(AuditChange).default([]),
});
export type AuditComparison = z.infer<typeof AuditComparison>;

/**
 * POST /api/v1/audits/:id/export-link — hubspot.fetch only carries JSON, so the CSV is downloaded in a
 * browser tab from a short-lived, single-use link.
 */
export const DownloadLinkResponse = z.object({ url: z.string().url(), expiresAt: z.string() });
export type DownloadLinkResponse = z.infer<typeof DownloadLinkResponse>;
