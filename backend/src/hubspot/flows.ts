import { allPages, type HubSpotJson } from './hubspot-json.js';

export interface HubSpotFlow {
  id: string;
  name: string;
  isEnabled: boolean;
  objectTypeId: string;
}

/** Automation v4 flows (workflows): list and create. */
export function flowsApi(json: HubSpotJson) {
  return {
    list: (): Promise<HubSpotFlow[]> => allPages<HubSpotFlow>(json, '/automation/v4/flows'),
    async create(flow: Record<string, unknown>): Promise<HubSpotFlow> {
      return (await json('POST', '/automation/v4/flows', flow)) as HubSpotFlow;
    },
  };
}
