/**
 * Names of what setup creates for every object the plan transfers and the sync writes, that the plan's
 * field targets do not name: the lineage properties and the ledger keys of pipelines and stages. Setup
 * and the record mapper both import them, so the two can never disagree.
 *
 * Created field properties are `<group>_<field key>` (map-catalog's createdName, with group =
 * `<prefix>_<singular>`); a double underscore followed by a word that is not 12 hex digits can never be
 * one of them, so the lineage names below cannot collide with a field's property.
 */

/** A plan object row, by the property group its created properties go in. */
interface GroupedRow {
  propertyGroup: { name: string };
}

/** The "source record id" property (unique where HubSpot allows it): the sync's upsert key. */
export const sourceIdProperty = (row: GroupedRow): string => `${row.propertyGroup.name}__record_id`;

/** The "source record link" property: a URL to the record in the source app. */
export const sourceLinkProperty = (row: GroupedRow): string => `${row.propertyGroup.name}__record_link`;

/** The "other e-mails" text property of a contacts row (mapping/other-emails.ts says when setup creates it). */
export const otherEmailsProperty = (row: GroupedRow): string => `${row.propertyGroup.name}__other_emails`;

/** Which closed stage setup adds to every pipeline, by the source deal status that goes there. */
export type ClosedOutcome = 'won' | 'lost';

/** Ledger item keys (ledger_entries.item_key) of the pipelines and stages setup creates. */
export const pipelineItemKey = (sourcePipelineId: string): string => sourcePipelineId;
/** A stage's key within its pipeline: the source stage id, or `closed_won` / `closed_lost` for the stages setup adds. */
export const stageKey = (stage: string | ClosedOutcome, closed: boolean): string =>
  closed ? `closed_${stage}` : stage;
export const stageItemKey = (sourcePipelineId: string, sourceStageId: string): string =>
  `${pipelineItemKey(sourcePipelineId)}/${stageKey(sourceStageId, false)}`;
export const closedStageItemKey = (sourcePipelineId: string, outcome: ClosedOutcome): string =>
  `${pipelineItemKey(sourcePipelineId)}/${stageKey(outcome, true)}`;
