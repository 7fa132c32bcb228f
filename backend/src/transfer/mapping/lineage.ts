import type { PlannedObject } from './mapping-plan.js';

/**
 * Names of what setup creates for every object the plan transfers and the sync writes, that the plan's
 * field targets do not name: the lineage properties and the ledger keys of pipelines and stages. Setup
 * and the record mapper both import them, so the two can never disagree.
 *
 * Created field properties are `<group>_<field key>` (map-catalog's createdName, with group =
 * `<prefix>_<singular>`); a double underscore followed by a word that is not 12 hex digits can never be
 * one of them, so the lineage names below cannot collide with a field's property.
 */

/** The unique "source record id" property: the same name the plan gives the source's `id` field. */
export const sourceIdProperty = (row: Pick<PlannedObject, 'propertyGroup'>): string => `${row.propertyGroup.name}_id`;

/** The "source record link" property: a URL to the record in the source app. */
export const sourceLinkProperty = (row: Pick<PlannedObject, 'propertyGroup'>): string =>
  `${row.propertyGroup.name}__record_link`;

/** Which closed stage setup adds to every pipeline, by the source deal status that goes there. */
export type ClosedOutcome = 'won' | 'lost';

/** Ledger item keys (ledger_entries.item_key) of the pipelines and stages setup creates. */
export const pipelineItemKey = (sourcePipelineId: string): string => `pipeline:${sourcePipelineId}`;
export const stageItemKey = (sourcePipelineId: string, sourceStageId: string): string =>
  `stage:${sourcePipelineId}:${sourceStageId}`;
export const closedStageItemKey = (sourcePipelineId: string, outcome: ClosedOutcome): string =>
  `stage:${sourcePipelineId}:closed_${outcome}`;
