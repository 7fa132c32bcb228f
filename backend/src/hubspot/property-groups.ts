import type { HubSpotJson } from './hubspot-json.js';

export interface HubSpotPropertyGroup {
  name: string;
  label: string;
}

/** Property groups v3: /crm/v3/properties/{objectType}/groups. */
export function propertyGroupsApi(json: HubSpotJson) {
  return {
    async list(objectType: string): Promise<HubSpotPropertyGroup[]> {
      const body = (await json('GET', `/crm/v3/properties/${objectType}/groups`)) as {
        results: HubSpotPropertyGroup[];
      };
      return body.results.map(({ name, label }) => ({ name, label }));
    },
    async create(objectType: string, group: HubSpotPropertyGroup): Promise<HubSpotPropertyGroup> {
      const created = (await json('POST', `/crm/v3/properties/${objectType}/groups`, group)) as HubSpotPropertyGroup;
      return { name: created.name, label: created.label };
    },
  };
}
