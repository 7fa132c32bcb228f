// generated from shared/src/contracts by scripts/sync-contracts.ts — do not edit
// (change shared/src/contracts, then run `npx tsx scripts/sync-contracts.ts`)

import { z } from 'zod';

/**
 * The signed portal's own HubSpot properties of one object, for "map onto an existing HubSpot
 * property": each with whether a field of the given value type can go onto it, and why not.
 */

/** The HubSpot property type a field's values have (the type of the property setup would create for it). */
export const PropertyValueType = z.enum(['string', 'number', 'date', 'datetime', 'enumeration', 'bool']);
export type PropertyValueType = z.infer<typeof PropertyValueType>;

/** GET /api/v1/hubspot/properties/:object?valueType=… */
export const PortalPropertiesQuery = z.object({ valueType: PropertyValueType });
export type PortalPropertiesQuery = z.infer<typeof PortalPropertiesQuery>;

export const PortalProperty = z.object({
  /** HubSpot's internal name: what the settings' `hubspotProperty` names. */
  name: z.string(),
  label: z.string(),
  /** HubSpot's property type and field type, e.g. `number` / `number`, `enumeration` / `select`. */
  type: z.string(),
  fieldType: z.string(),
  /** Whether a field of the asked value type can go onto it (the rule the settings' save applies). */
  compatible: z.boolean(),
  /** Why it can't, in words for the user; null when it can. */
  reason: z.string().nullable(),
});
export type PortalProperty = z.infer<typeof PortalProperty>;

export const PortalPropertiesResponse = z.object({
  object: z.string(),
  valueType: PropertyValueType,
  /** Every live property of the object in the portal, by label. */
  properties: z.array(PortalProperty),
});
export type PortalPropertiesResponse = z.infer<typeof PortalPropertiesResponse>;
