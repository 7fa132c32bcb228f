import type { AuditField } from '../../../../shared/src/contracts/index.js';
import type { MappingPlan, PlannedObject } from './mapping-plan.js';

/**
 * The plan's lists as maps, built once per plan and reused for every record the mapper converts (a
 * search through the owners, stages or options per record was a visible share of the sync's CPU). A plan
 * is a saved audit result, never changed once read, so keeping them by the plan object is safe.
 */
export interface PlanLookups {
  /** HubSpot owner id by source user id (null: the user has no matching owner). */
  ownerOf: ReadonlyMap<string, string | null>;
  /** The first pipeline that has the stage, by stage id. */
  pipelineOfStage: ReadonlyMap<string, string>;
  /** A stage's name by its id (the first pipeline's that has it). */
  stageName: ReadonlyMap<string, string>;
  /** An activity type's name by its key. */
  activityTypeName: ReadonlyMap<string, string>;
  /** The source object of the row taking every record of a HubSpot object (null: no such row). */
  sourceObjectOf: (hubspotObject: string) => string | null;
  /** The plan rows of a source object. */
  rowsOf: (sourceObject: string) => readonly PlannedObject[];
}

/** Sets `key` only the first time: the maps answer as a search for the first match would. */
function setFirst<V>(map: Map<string, V>, key: string, value: V): void {
  if (!map.has(key)) map.set(key, value);
}

function memoized<T>(compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key) as T;
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}

function buildLookups(plan: MappingPlan): PlanLookups {
  const ownerOf = new Map<string, string | null>();
  for (const user of plan.owners) setFirst(ownerOf, user.id, user.hubspotOwnerId);
  const pipelineOfStage = new Map<string, string>();
  const stageName = new Map<string, string>();
  for (const pipeline of plan.pipelines)
    for (const stage of pipeline.stages) {
      setFirst(pipelineOfStage, stage.id, pipeline.id);
      setFirst(stageName, stage.id, stage.name);
    }
  const activityTypeName = new Map<string, string>();
  for (const type of plan.activityTypes) setFirst(activityTypeName, type.key, type.name);
  return {
    ownerOf,
    pipelineOfStage,
    stageName,
    activityTypeName,
    sourceObjectOf: memoized(
      (hubspotObject) =>
        plan.objects.find((row) => row.hubspotObject === hubspotObject && row.sourceTypes === null)?.sourceObject ??
        null,
    ),
    rowsOf: memoized((sourceObject) => plan.objects.filter((row) => row.sourceObject === sourceObject)),
  };
}

const byPlan = new WeakMap<MappingPlan, PlanLookups>();

export function planLookups(plan: MappingPlan): PlanLookups {
  let lookups = byPlan.get(plan);
  if (!lookups) {
    lookups = buildLookups(plan);
    byPlan.set(plan, lookups);
  }
  return lookups;
}

const optionsByField = new WeakMap<AuditField, ReadonlyMap<string, string>>();

/** A field's option labels by option id (the first option with the id). */
export function optionLabelsOf(field: AuditField): ReadonlyMap<string, string> {
  let labels = optionsByField.get(field);
  if (!labels) {
    const map = new Map<string, string>();
    for (const option of field.options ?? []) setFirst(map, option.id, option.label);
    labels = map;
    optionsByField.set(field, labels);
  }
  return labels;
}
