import type { HubSpotAssociationLabel } from '../../hubspot/association-labels.js';
import type { HubSpotExchangeRate } from '../../hubspot/currencies.js';
import type { HubSpotPipeline } from '../../hubspot/deal-pipelines.js';
import type { HubSpotFlow } from '../../hubspot/flows.js';
import type { HubSpotOwner, HubSpotPortalApi } from '../../hubspot/hubspot-api.js';
import { HubSpotApiError } from '../../hubspot/hubspot-errors.js';
import type { HubSpotProperty } from '../../hubspot/hubspot-properties.client.js';
import type { HubSpotPropertyGroup } from '../../hubspot/property-groups.js';
import { itemsOverLimit, type OverLimit, readLimits } from './portal-capacity.js';
import { type SetupItem, setupItemIdentity } from './setup-items.js';

/** What the portal has now, of the kinds the items need: what setup looks items up in by their names. */
export interface PortalState {
  groups: Map<string, HubSpotPropertyGroup[]>;
  properties: Map<string, HubSpotProperty[]>;
  labels: Map<string, HubSpotAssociationLabel[]>;
  pipelines: HubSpotPipeline[];
  companyCurrency: string | null;
  rates: HubSpotExchangeRate[];
  owners: HubSpotOwner[];
  /** The portal's flows, or why it cannot have any (tier or scope). */
  flows: HubSpotFlow[] | { unavailable: string };
  /** Items to be created that the portal's tier leaves no room for, by setup item identity. */
  overLimit: Map<string, OverLimit>;
}

/** The portal refuses flows (403: scope or tier): workflows are then skipped and the sync writes the dates. */
async function readFlows(api: HubSpotPortalApi): Promise<PortalState['flows']> {
  try {
    return await api.flows.list();
  } catch (error) {
    if (error instanceof HubSpotApiError && error.status === 403)
      return { unavailable: error.error?.message || 'HubSpot does not let this account or app use workflows.' };
    throw error;
  }
}

const labelPair = (from: string, to: string) => `${from}/${to}`;

/** Reads only what `items` need (one call per object type and kind). */
export async function readPortalState(api: HubSpotPortalApi, items: readonly SetupItem[]): Promise<PortalState> {
  const kinds = new Set(items.map((item) => item.kind));
  const objectTypes = (...kinds: SetupItem['kind'][]) => [
    ...new Set(items.flatMap((item) => (kinds.includes(item.kind) && 'objectType' in item ? [item.objectType] : []))),
  ];
  const state: PortalState = {
    groups: new Map(),
    properties: new Map(),
    labels: new Map(),
    pipelines: [],
    companyCurrency: null,
    rates: [],
    owners: [],
    flows: [],
    overLimit: new Map(),
  };
  // Properties need their objects' groups too: a reused group may have another name than the selection's.
  for (const objectType of new Set([...objectTypes('property_group'), ...objectTypes('property')]))
    state.groups.set(objectType, await api.propertyGroups.list(objectType));
  for (const objectType of objectTypes('property', 'property_options'))
    state.properties.set(objectType, await api.properties(objectType));
  for (const item of items) {
    if (item.kind !== 'association_label' || state.labels.has(labelPair(item.from, item.to))) continue;
    state.labels.set(labelPair(item.from, item.to), await api.associationLabels.list(item.from, item.to));
  }
  if (kinds.has('pipeline')) state.pipelines = await api.dealPipelines.list();
  if (kinds.has('currency')) {
    state.companyCurrency = await api.currencies.companyCurrency();
    state.rates = await api.currencies.exchangeRates();
  }
  if (kinds.has('owner')) state.owners = await api.owners();
  if (kinds.has('workflow')) state.flows = await readFlows(api);
  const limits = await readLimits(api, items);
  state.overLimit = itemsOverLimit(items, limits, (item) => findExisting(state, item) === null);
  return state;
}

/** The options of `item` an existing enumeration lacks (by value), none when it has them all. */
export function missingOptions(state: PortalState, item: Extract<SetupItem, { kind: 'property_options' }>) {
  const live = state.properties.get(item.objectType)?.find((property) => property.name === item.name);
  const values = new Set((live?.options ?? []).map((option) => option.value));
  return { live: live?.options ?? [], missing: item.options.filter((option) => !values.has(option.value)) };
}

/** What the portal has of an item: the item (its HubSpot id), a same-named thing setup must not touch, or nothing. */
export type Existing =
  | { found: string; stages?: Map<string, string> }
  | { conflict: string }
  | { skip: string }
  | { overLimit: OverLimit }
  | null;

const same = (a: string, b: string) => a.trim() === b.trim();

/** The portal's group of that name, else one with that label (HubSpot's own Smart Transfer reuses by label too). */
const liveGroup = (state: PortalState, objectType: string, name: string, label: string | null) => {
  const groups = state.groups.get(objectType) ?? [];
  return (
    groups.find((group) => group.name === name) ??
    (label === null ? undefined : groups.find((group) => same(group.label, label)))
  );
};

/** The HubSpot group a created property goes in: its selection group, or the portal's group reused for it. */
export function groupNameFor(state: PortalState, item: Extract<SetupItem, { kind: 'property' }>): string {
  const { groupName } = item.definition;
  return liveGroup(state, item.objectType, groupName, item.groupLabel)?.name ?? groupName;
}

export function findExisting(state: PortalState, item: SetupItem): Existing {
  if (item.clash) return { conflict: item.clash };
  const overLimit = state.overLimit.get(setupItemIdentity(item));
  if (overLimit) return { overLimit };
  switch (item.kind) {
    case 'property_group': {
      const live = liveGroup(state, item.objectType, item.name, item.label);
      return live ? { found: live.name } : null;
    }
    case 'property': {
      const live = state.properties.get(item.objectType)?.find((property) => property.name === item.definition.name);
      if (!live) return null;
      if (live.type === item.definition.type) return { found: live.name };
      return {
        conflict: `HubSpot already has a ${item.objectType} property named “${live.name}” of type ${live.type} (this field needs ${item.definition.type}). Smart Transfer never overwrites it: rename or archive that property in HubSpot, or map the field onto an existing property of a compatible type in the settings, then run setup again.`,
      };
    }
    case 'property_options': {
      const live = state.properties.get(item.objectType)?.find((property) => property.name === item.name);
      if (live?.type === 'enumeration') return { found: live.name };
      return {
        conflict: `The HubSpot ${item.objectType} property “${item.name}” chosen for this field is no longer an enumeration in HubSpot. Choose another property in the settings, then run setup again.`,
      };
    }
    case 'association_label': {
      const live = state.labels.get(labelPair(item.from, item.to))?.find((type) => type.label === item.label);
      return live ? { found: String(live.typeId) } : null;
    }
    case 'pipeline': {
      const live = state.pipelines.find((pipeline) => same(pipeline.label, item.label));
      if (!live) return null;
      const stages = new Map<string, string>();
      for (const stage of item.stages) {
        const match = live.stages.find((candidate) => same(candidate.label, stage.label));
        if (match) stages.set(stage.key, match.id);
      }
      return { found: live.id, stages };
    }
    case 'owner': {
      if (item.hubspotOwnerId !== null) {
        return state.owners.some((owner) => owner.id === item.hubspotOwnerId)
          ? { found: item.hubspotOwnerId }
          : {
              conflict: `The HubSpot owner ${item.hubspotOwnerId} chosen for this user no longer exists. Choose another owner in the settings.`,
            };
      }
      const email = item.email?.toLowerCase();
      const live = email ? state.owners.find((owner) => owner.email?.toLowerCase() === email) : undefined;
      if (live) return { found: live.id };
      return item.invite
        ? null
        : { skip: 'No HubSpot user has this e-mail and inviting users is off: records get the default owner.' };
    }
    case 'currency': {
      if (state.companyCurrency === item.code) return { found: item.code };
      const rate = state.rates.find((candidate) => candidate.fromCurrencyCode === item.code);
      return rate ? { found: rate.id } : null;
    }
    case 'workflow': {
      if (!Array.isArray(state.flows))
        return {
          skip: `This HubSpot account cannot have workflows (${state.flows.unavailable}). The sync writes the ${item.workflow.date === 'close_date' ? 'close date in the same call that closes a deal' : 'create date into its own property'} instead.`,
        };
      const live = state.flows.find((flow) => same(flow.name, item.workflow.name));
      return live ? { found: live.id } : null;
    }
  }
}
