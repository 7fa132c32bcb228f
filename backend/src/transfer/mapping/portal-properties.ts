import type { HubSpotObjectType } from '../../hubspot/object-model/index.js';

/** The portal's live properties (name and label) per HubSpot object, read once per audit. */
export type PortalProperties = Partial<Record<HubSpotObjectType, readonly { name: string; label: string }[]>>;

/** Reads the live properties of every HubSpot object the plan writes to, concurrently. */
export async function readPortalProperties(
  hubspot: { properties(objectType: string): Promise<{ name: string; label: string }[]> },
  objects: Iterable<HubSpotObjectType>,
): Promise<PortalProperties> {
  const unique = [...new Set(objects)];
  const lists = await Promise.all(unique.map((object) => hubspot.properties(object)));
  return Object.fromEntries(unique.map((object, index) => [object, lists[index]]));
}
