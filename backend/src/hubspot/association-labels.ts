import type { HubSpotJson } from './hubspot-json.js';

export interface HubSpotAssociationLabel {
  typeId: number;
  label: string | null;
  category: string;
}

/** Associations v4 labels between two object types: list and create (HubSpot creates the pair's types). */
export function associationLabelsApi(json: HubSpotJson) {
  return {
    async list(from: string, to: string): Promise<HubSpotAssociationLabel[]> {
      return (
        (await json('GET', `/crm/v4/associations/${from}/${to}/labels`)) as { results: HubSpotAssociationLabel[] }
      ).results;
    },
    async create(from: string, to: string, label: { name: string; label: string }): Promise<HubSpotAssociationLabel[]> {
      return (
        (await json('POST', `/crm/v4/associations/${from}/${to}/labels`, label)) as {
          results: HubSpotAssociationLabel[];
        }
      ).results;
    },
  };
}
