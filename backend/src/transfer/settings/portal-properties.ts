import type { PortalPropertiesResponse, PropertyValueType } from '../../../../shared/src/contracts/index.js';
import { invalid } from '../../domain-errors.js';
import type { HubSpotApi } from '../../hubspot/hubspot-api.js';
import { HUBSPOT_OBJECTS } from '../../hubspot/object-model/index.js';
import { existingPropertyRefusal } from './property-compatibility.js';
import { toHubSpotReadError } from './source-errors.js';

const OBJECTS = Object.keys(HUBSPOT_OBJECTS);

/**
 * The properties a field may be mapped onto ("map onto an existing HubSpot property"): the signed
 * portal's live properties of one object the transfer writes, each with whether a field of `valueType`
 * can go onto it, by the same rule the settings' save applies.
 */
export function createPortalProperties(deps: { hubspot: Pick<HubSpotApi, 'forPortal'> }) {
  return {
    async list(portalId: number, object: string, valueType: PropertyValueType): Promise<PortalPropertiesResponse> {
      if (!OBJECTS.includes(object))
        throw invalid('unknown_object', `Smart Transfer writes no HubSpot object “${object}”.`, { objects: OBJECTS });
      const live = await deps.hubspot
        .forPortal(portalId)
        .properties(object)
        .catch((error: unknown) => {
          throw toHubSpotReadError(error, `its ${object} properties`);
        });
      const properties = live
        .map(({ name, label, type, fieldType, readOnly }) => {
          const reason = existingPropertyRefusal(valueType, { label, type, readOnly });
          return { name, label, type, fieldType, compatible: reason === null, reason };
        })
        .sort((a, b) => a.label.localeCompare(b.label) || a.name.localeCompare(b.name));
      return { object, valueType, properties };
    },
  };
}
export type PortalProperties = ReturnType<typeof createPortalProperties>;
