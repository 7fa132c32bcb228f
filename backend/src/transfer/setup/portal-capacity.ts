import { labelPairKey, type UsageLimit } from '../../hubspot/crm-limits.js';
import type { HubSpotPortalApi } from '../../hubspot/hubspot-api.js';
import { HubSpotApiError } from '../../hubspot/hubspot-errors.js';
import { type SetupItem, setupItemIdentity } from './setup-items.js';

/**
 * What the portal's subscription leaves room for: deal pipelines, custom properties per object and custom
 * association labels per object pair, read from HubSpot's limits tracking API (HubSpot's API does not tell
 * the tier itself). Items beyond the room fail, each with the reason, instead of HubSpot refusing them one
 * by one halfway through; the earlier items of the selection get the room.
 */

/** Why an item cannot be created: HubSpot's limit, and what the user can do. */
export interface OverLimit {
  message: string;
  hint: string;
}

interface Counted {
  /** The limit it counts against: `pipelines/deals`, `properties/contacts`, `labels/deals/companies`. */
  key: string;
  /** The things counted, in words: "deal pipelines". */
  what: string;
}

function countedAs(item: SetupItem): Counted | null {
  switch (item.kind) {
    case 'pipeline':
      return { key: 'pipelines/deals', what: 'deal pipelines' };
    case 'property':
      return { key: `properties/${item.objectType}`, what: `custom ${item.objectType} properties` };
    case 'association_label':
      return {
        key: `labels/${labelPairKey(item.from, item.to)}`,
        what: `association labels from ${item.from} to ${item.to}`,
      };
    default:
      return null;
  }
}

/** A limits endpoint the app may not read (scope) or the account lacks: that limit is unknown, HubSpot's refusal tells. */
async function readable(read: () => Promise<Map<string, UsageLimit>>): Promise<Map<string, UsageLimit>> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof HubSpotApiError && (error.status === 403 || error.status === 404)) return new Map();
    throw error;
  }
}

/** The limits the items count against, by `Counted.key` (one call per kind of limit they need). */
export async function readLimits(
  api: Pick<HubSpotPortalApi, 'limits'>,
  items: readonly SetupItem[],
): Promise<Map<string, UsageLimit>> {
  const kinds = new Set(items.map((item) => countedAs(item)?.key.split('/')[0]));
  const limits = new Map<string, UsageLimit>();
  const add = (prefix: string, entries: Map<string, UsageLimit>) => {
    for (const [key, limit] of entries) limits.set(`${prefix}/${key}`, limit);
  };
  if (kinds.has('pipelines')) add('pipelines', await readable(api.limits.pipelines));
  if (kinds.has('properties')) add('properties', await readable(api.limits.customProperties));
  if (kinds.has('labels')) add('labels', await readable(api.limits.associationLabels));
  return limits;
}

/**
 * The items to be created that the limits leave no room for, by setup item identity. `creates(item)`:
 * whether setup would create it (an item HubSpot has is reused and takes no room).
 */
export function itemsOverLimit(
  items: readonly SetupItem[],
  limits: ReadonlyMap<string, UsageLimit>,
  creates: (item: SetupItem) => boolean,
): Map<string, OverLimit> {
  const used = new Map<string, number>();
  const over = new Map<string, OverLimit>();
  for (const item of items) {
    const counted = countedAs(item);
    const limit = counted ? limits.get(counted.key) : undefined;
    if (!counted || !limit || !creates(item)) continue;
    const inUse = used.get(counted.key) ?? limit.usage;
    if (inUse < limit.limit) {
      used.set(counted.key, inUse + 1);
      continue;
    }
    over.set(setupItemIdentity(item), {
      message: `This HubSpot account's subscription allows ${limit.limit} ${counted.what}, and ${limit.usage} exist already${
        inUse > limit.usage ? ` (${inUse - limit.usage} more are created by this setup first)` : ''
      }: “${item.label}” would be one too many.`,
      hint: `Upgrade the HubSpot subscription to a tier with more ${counted.what}, or deselect this ${item.itemType.replace(/_/g, ' ')} in the transfer settings, then run setup again.`,
    });
  }
  return over;
}
