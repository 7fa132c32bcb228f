import type { HubSpotJson } from './hubspot-json.js';
import type { HubSpotPropertyOption } from './hubspot-properties.client.js';

/** What setup sends to create a property (HubSpot's PropertyCreate). */
export interface HubSpotPropertyCreate {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  description?: string;
  hasUniqueValue?: boolean;
  options?: { label: string; value: string; displayOrder: number; hidden: boolean }[];
  /** Owner properties: the options are the portal's owners. */
  referencedObjectType?: 'OWNER';
  externalOptions?: boolean;
}

export interface HubSpotPropertyDefinition {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  hasUniqueValue?: boolean;
}

/** Properties v3: create one, or set an enumeration's options (the live list is read by hubspot-properties.ts). */
export function propertyDefinitionsApi(json: HubSpotJson) {
  return {
    async create(objectType: string, property: HubSpotPropertyCreate): Promise<HubSpotPropertyDefinition> {
      return (await json('POST', `/crm/v3/properties/${objectType}`, property)) as HubSpotPropertyDefinition;
    },
    /** HubSpot replaces the whole option list: `options` must hold the ones to keep too. */
    async setOptions(
      objectType: string,
      name: string,
      options: HubSpotPropertyOption[],
    ): Promise<HubSpotPropertyDefinition> {
      return (await json('PATCH', `/crm/v3/properties/${objectType}/${encodeURIComponent(name)}`, {
        options,
      })) as HubSpotPropertyDefinition;
    },
  };
}
