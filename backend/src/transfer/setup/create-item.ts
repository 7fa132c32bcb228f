import type { HubSpotStageInput } from '../../hubspot/deal-pipelines.js';
import type { HubSpotPortalApi } from '../../hubspot/hubspot-api.js';
import { HubSpotApiError } from '../../hubspot/hubspot-errors.js';
import { backfillFlow } from './backfill-flow.js';
import type { SetupItem, StageSpec } from './setup-items.js';

/** What a create gave: the item's HubSpot id, its stages' ids (pipelines), and what the user should know. */
export interface Created {
  hubspotId: string;
  stages: Map<string, string>;
  notices: string[];
}

const stageInput = (stage: StageSpec, probability: number): HubSpotStageInput => ({
  label: stage.label,
  displayOrder: stage.displayOrder,
  metadata: {
    probability: probability.toFixed(probability * 10 === Math.round(probability * 10) ? 1 : 4),
    isClosed: String(stage.closed),
  },
});

/** HubSpot refused a probability off its allowed steps (older portals take 0.1 steps only). */
const refusedProbability = (error: unknown) =>
  error instanceof HubSpotApiError &&
  error.status === 400 &&
  (error.error?.context['probability'] !== undefined || /probability/i.test(error.error?.message ?? ''));

const roundingNotice = (stages: readonly StageSpec[]) =>
  stages
    .filter((stage) => stage.probability !== stage.roundedProbability)
    .map(
      (stage) =>
        `Stage “${stage.label}”: HubSpot refused the probability ${stage.probability}; ${stage.roundedProbability} (rounded to 0.1) was used.`,
    );

/** Tries the stages' exact probabilities, then the 0.1-step ones only if HubSpot refuses them. */
async function withProbabilityFallback<T>(
  stages: readonly StageSpec[],
  write: (probability: (stage: StageSpec) => number) => Promise<T>,
): Promise<{ result: T; notices: string[] }> {
  try {
    return { result: await write((stage) => stage.probability), notices: [] };
  } catch (error) {
    const differs = stages.some((stage) => stage.probability !== stage.roundedProbability);
    if (!differs || !refusedProbability(error)) throw error;
    return { result: await write((stage) => stage.roundedProbability), notices: roundingNotice(stages) };
  }
}

/** Creates a pipeline with all its stages, or adds the stages a reused pipeline lacks. */
export async function writePipeline(
  api: HubSpotPortalApi,
  item: Extract<SetupItem, { kind: 'pipeline' }>,
  existing: { id: string; stages: Map<string, string> } | null,
): Promise<Created> {
  if (!existing) {
    const { result, notices } = await withProbabilityFallback(item.stages, (probability) =>
      api.dealPipelines.create({
        label: item.label,
        displayOrder: 0,
        stages: item.stages.map((stage) => stageInput(stage, probability(stage))),
      }),
    );
    const stages = new Map<string, string>();
    for (const stage of item.stages) {
      const live = result.stages.find((candidate) => candidate.label === stage.label);
      if (live) stages.set(stage.key, live.id);
    }
    return { hubspotId: result.id, stages, notices };
  }
  const stages = new Map(existing.stages);
  const notices: string[] = [];
  for (const stage of item.stages) {
    if (stages.has(stage.key)) continue;
    const added = await withProbabilityFallback([stage], (probability) =>
      api.dealPipelines.addStage(existing.id, stageInput(stage, probability(stage))),
    );
    stages.set(stage.key, added.result.id);
    notices.push(...added.notices);
  }
  return { hubspotId: existing.id, stages, notices };
}

const splitName = (label: string) => {
  const name = label.replace(/\s*<.*>$/, '').trim();
  const space = name.indexOf(' ');
  return space < 0 ? { firstName: name } : { firstName: name.slice(0, space), lastName: name.slice(space + 1) };
};

/** The one HubSpot call that creates an item (pipelines: see writePipeline). */
export async function createItem(api: HubSpotPortalApi, item: SetupItem): Promise<Created> {
  const created = (hubspotId: string): Created => ({ hubspotId, stages: new Map(), notices: [] });
  switch (item.kind) {
    case 'property_group':
      return created((await api.propertyGroups.create(item.objectType, { name: item.name, label: item.label })).name);
    case 'property':
      return created((await api.propertyDefinitions.create(item.objectType, item.definition)).name);
    case 'association_label': {
      const types = await api.associationLabels.create(item.from, item.to, { name: item.name, label: item.label });
      const type = types.find((candidate) => candidate.label === item.label) ?? types[0];
      if (!type) throw new Error(`HubSpot created no association type for label ${item.name}`);
      return created(String(type.typeId));
    }
    case 'pipeline':
      return writePipeline(api, item, null);
    case 'property_options':
      throw new Error('options go onto an existing property (setup-handler addMissingOptions), never a new one');
    case 'owner': {
      if (!item.email) throw new Error('an owner without e-mail cannot be invited');
      return created((await api.users.invite({ email: item.email, ...splitName(item.label) })).id);
    }
    case 'currency':
      return created((await api.currencies.addExchangeRate(item.code, item.rate)).id);
    case 'workflow':
      return created((await api.flows.create(backfillFlow(item.workflow))).id);
  }
}
