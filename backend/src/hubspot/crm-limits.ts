import type { HubSpotJson } from './hubspot-json.js';

/**
 * HubSpot's limits tracking API (`/crm/v3/limits/…`): how many pipelines, custom properties and custom
 * association labels the portal's subscription allows and how many it uses. HubSpot's API does not tell a
 * portal's tier; these say what the tier leaves.
 */

/** HubSpot's ids of the standard object types the limits answer by. */
const OBJECT_TYPE_IDS: Record<string, string> = {
  contacts: '0-1',
  companies: '0-2',
  deals: '0-3',
  products: '0-7',
  line_items: '0-8',
  tasks: '0-27',
  notes: '0-46',
  meetings: '0-47',
  calls: '0-48',
  emails: '0-49',
};
const objectTypeOf = (id: string) => Object.keys(OBJECT_TYPE_IDS).find((name) => OBJECT_TYPE_IDS[name] === id) ?? id;

export interface UsageLimit {
  limit: number;
  usage: number;
}

interface ObjectLimit {
  objectTypeId: string;
  limit?: number;
  usage?: number;
}

const usageLimit = (entry: { limit?: number; usage?: number }): UsageLimit | null =>
  typeof entry.limit === 'number' && typeof entry.usage === 'number'
    ? { limit: entry.limit, usage: entry.usage }
    : null;

/** By object type name (`deals`), the entries that carry both numbers. */
function byObject(entries: readonly ObjectLimit[] | undefined): Map<string, UsageLimit> {
  const limits = new Map<string, UsageLimit>();
  for (const entry of entries ?? []) {
    const limit = usageLimit(entry);
    if (limit) limits.set(objectTypeOf(entry.objectTypeId), limit);
  }
  return limits;
}

/** The key of an association label limit: `from/to` by object type name. */
export const labelPairKey = (from: string, to: string) => `${from}/${to}`;

export function crmLimitsApi(json: HubSpotJson) {
  return {
    /** Pipelines per object type (`deals`). */
    async pipelines(): Promise<Map<string, UsageLimit>> {
      const body = (await json('GET', '/crm/v3/limits/pipelines')) as { hubspotDefinedObjectTypes?: ObjectLimit[] };
      return byObject(body.hubspotDefinedObjectTypes);
    },
    /** Custom properties per object type. */
    async customProperties(): Promise<Map<string, UsageLimit>> {
      const body = (await json('GET', '/crm/v3/limits/custom-properties')) as { byObjectType?: ObjectLimit[] };
      return byObject(body.byObjectType);
    },
    /** Custom association labels per object pair (`labelPairKey`). */
    async associationLabels(): Promise<Map<string, UsageLimit>> {
      const body = (await json('GET', '/crm/v3/limits/associations/labels')) as {
        results?: {
          fromObjectType?: { objectTypeId: string };
          toObjectType?: { objectTypeId: string };
          limit?: number;
          usage?: number;
        }[];
      };
      const limits = new Map<string, UsageLimit>();
      for (const entry of body.results ?? []) {
        const limit = usageLimit(entry);
        if (!limit || !entry.fromObjectType || !entry.toObjectType) continue;
        const key = labelPairKey(
          objectTypeOf(entry.fromObjectType.objectTypeId),
          objectTypeOf(entry.toObjectType.objectTypeId),
        );
        limits.set(key, limit);
      }
      return limits;
    },
  };
}
