import { z } from 'zod';
import {
  AuditActivityType,
  AuditField,
  AuditObject,
  AuditPipeline,
  AuditUser,
  NotTransferredItem,
  SourceId,
} from '../../../../shared/src/contracts/index.js';

/** One source object (or, for activities, the types of it one HubSpot object takes) and the HubSpot object it becomes. */
export const PlannedObject = AuditObject.omit({ records: true, breakdown: true, unreadable: true }).extend({
  /** The catalog object whose records the row takes. */
  sourceObject: z.string(),
  /** For rows that take part of their source object (activities by type): the types they take; null = every record. */
  sourceTypes: z.array(z.string()).nullable(),
  /** This row also takes records whose type the catalog does not list (e.g. a type deleted since). */
  takesOtherTypes: z.boolean(),
  /** The HubSpot property group the row's created properties go in. */
  propertyGroup: z.object({ name: z.string(), label: z.string() }),
});
export type PlannedObject = z.infer<typeof PlannedObject>;

export const PlannedActivityType = AuditActivityType.omit({ records: true });
export type PlannedActivityType = z.infer<typeof PlannedActivityType>;

export const NotTransferredObject = NotTransferredItem;
export type NotTransferredObject = z.infer<typeof NotTransferredObject>;

/**
 * What the audit decided the transfer does, as data: every source field → its HubSpot target(s) (name,
 * label, type, field type, options) with its object's property group and source types, pipelines and
 * stages, activity types, source users → HubSpot owners, and what is left out and why. Saved with each
 * audit (mapping_plans); setup creates what it names and sync maps records by it.
 */
export const MappingPlan = z.object({
  source: SourceId,
  objects: z.array(PlannedObject),
  /** By object row key. */
  fields: z.record(z.string(), z.array(AuditField)),
  /** Without deal counts (`deals: null`). */
  pipelines: z.array(AuditPipeline),
  activityTypes: z.array(PlannedActivityType),
  /** Source users, each with the HubSpot owner of the same email (null when none). */
  owners: z.array(AuditUser),
  /** Catalog objects no row takes, so nothing the source has goes unmentioned. */
  notTransferred: z.array(NotTransferredObject),
  /**
   * Archived deals (outside the source's deal list) become ordinary HubSpot deals in their pipeline and
   * stage, marked "archived in <source>" (default), or stay behind. Setup and sync read it.
   */
  includeArchivedDeals: z.boolean().default(true),
});
export type MappingPlan = z.infer<typeof MappingPlan>;

/** The part of the plan a source's rules decide from its catalog alone. */
export type MappedCatalog = Omit<MappingPlan, 'source' | 'owners' | 'includeArchivedDeals'>;
