import type { MappingPlan } from '../../backend/src/transfer/mapping/mapping-plan.js';
import type { SetupSelection } from '../../backend/src/transfer/setup/setup-selection-shape.js';

/**
 * A stand-in for the settings engineer's `setupSelection(plan, defaultSettings(...))` while that module is
 * not merged: every supported field onto the property the plan creates, every object's group, every
 * labelled association, the plan's pipelines with Closed won/lost. Replace with the real function at merge.
 */
export function defaultSelectionOf(
  plan: MappingPlan,
  extra: Pick<SetupSelection, 'currencies' | 'owners' | 'workflows'>,
): SetupSelection {
  const properties: SetupSelection['properties'] = [];
  const associationLabels: SetupSelection['associationLabels'] = [];
  const groups: SetupSelection['propertyGroups'] = [];
  for (const object of plan.objects) {
    let created = 0;
    for (const field of plan.fields[object.key] ?? []) {
      if (!field.supported) continue;
      for (const target of field.targets) {
        if (target.kind === 'association' && target.fieldType === 'USER_DEFINED')
          associationLabels.push({
            fromObjectType: object.hubspotObject,
            toObjectType: target.objectType,
            objectKey: object.key,
            sourceField: field.key,
            name: target.name,
            label: target.label,
          });
        const owner = target.kind === 'owner' && target.name !== 'hubspot_owner_id';
        if (target.kind !== 'created' && !owner) continue;
        created += 1;
        properties.push({
          action: 'create',
          objectType: object.hubspotObject,
          objectKey: object.key,
          sourceField: field.key,
          name: target.name,
          label: target.label,
          type: target.type,
          fieldType: target.fieldType,
          groupName: object.propertyGroup.name,
          options:
            target.type === 'enumeration' && !owner
              ? (field.options ?? []).map(({ id, label }) => ({ value: id, label }))
              : null,
          references: owner ? 'owner' : null,
        });
      }
    }
    if (created > 0) groups.push({ objectType: object.hubspotObject, objectKey: object.key, ...object.propertyGroup });
  }
  return {
    auditId: '00000000-0000-4000-8000-000000000000',
    propertyGroups: groups,
    properties,
    associationLabels,
    pipelines: plan.pipelines.map((pipeline) => {
      const open = pipeline.stages.map((stage, index) => ({
        sourceStageId: stage.id,
        label: stage.name,
        displayOrder: index,
        probability: stage.hubspotProbability,
        sourceProbability: stage.sourceProbability,
        closed: null,
      }));
      return {
        sourcePipelineId: pipeline.id,
        label: pipeline.name,
        stages: [
          ...open,
          ...pipeline.closedStages.map((stage, index) => ({
            sourceStageId: null,
            label: stage.label,
            displayOrder: open.length + index,
            probability: stage.hubspotProbability,
            sourceProbability: null,
            closed: stage.hubspotProbability >= 1 ? ('won' as const) : ('lost' as const),
          })),
        ],
      };
    }),
    ...extra,
  };
}
