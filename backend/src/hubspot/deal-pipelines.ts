import type { HubSpotJson } from './hubspot-json.js';

export interface HubSpotStageInput {
  label: string;
  displayOrder: number;
  /** HubSpot wants strings: probability '0.0'–'1.0', isClosed 'true' | 'false'. */
  metadata: { probability: string; isClosed: string };
}

export interface HubSpotStage extends HubSpotStageInput {
  id: string;
}

export interface HubSpotPipeline {
  id: string;
  label: string;
  displayOrder: number;
  stages: HubSpotStage[];
}

/** Deal pipelines v3: list, create (with its stages), add a stage. */
export function dealPipelinesApi(json: HubSpotJson) {
  return {
    async list(): Promise<HubSpotPipeline[]> {
      return ((await json('GET', '/crm/v3/pipelines/deals')) as { results: HubSpotPipeline[] }).results;
    },
    async create(pipeline: {
      label: string;
      displayOrder: number;
      stages: HubSpotStageInput[];
    }): Promise<HubSpotPipeline> {
      return (await json('POST', '/crm/v3/pipelines/deals', pipeline)) as HubSpotPipeline;
    },
    async addStage(pipelineId: string, stage: HubSpotStageInput): Promise<HubSpotStage> {
      return (await json('POST', `/crm/v3/pipelines/deals/${pipelineId}/stages`, stage)) as HubSpotStage;
    },
  };
}
