import type { DataTypeLock } from '../../../../shared/src/contracts/index.js';
import { DataType, type TransferSettings } from '../../../../shared/src/contracts/index.js';
import { HUBSPOT_OBJECTS, type HubSpotObjectType } from '../../hubspot/object-model/index.js';
import type { MappingPlan } from '../mapping/mapping-plan.js';
import type { CurrencyUse as Currency } from './setup-readiness.js';

/** The HubSpot object whose records or created properties a data type governs. */
const OBJECT_OF: Partial<Record<DataType, HubSpotObjectType>> = {
  company_properties: 'companies',
  contact_properties: 'contacts',
  deal_properties: 'deals',
  product_properties: 'products',
  calls: 'calls',
  emails: 'emails',
  meetings: 'meetings',
  notes: 'notes',
  tasks: 'tasks',
};

/**
 * What each data type needs on, and why. Records of companies, contacts, deals and products always move
 * (they are the transfer), so activities always have the records they attach to; the pipelines a deal
 * needs are locked on wherever deals exist (below).
 */
const REQUIRES: Partial<Record<DataType, { requires: DataType[]; why: string }>> = {
  archived_deals: { requires: ['pipelines'], why: 'Archived deals go into their pipelines and stages.' },
  workflows: { requires: ['pipelines'], why: 'The close-date workflow runs when a deal moves between stages.' },
  deal_properties: { requires: ['pipelines'], why: 'Deal properties belong to deals, which need their pipelines.' },
};

const lock = (dataType: DataType, value: boolean, reason: string): DataTypeLock => ({
  dataType,
  locked: true,
  value,
  reason,
  requires: REQUIRES[dataType]?.requires ?? [],
});

/** Why a data type is forced on or off by the plan and the currencies alone, or null when the user chooses. */
function fixedBy(plan: MappingPlan, currencies: readonly Currency[], dataType: DataType): DataTypeLock | null {
  const objects = new Set(plan.objects.map((object) => object.hubspotObject));
  const hasDeals = objects.has('deals');
  const object = OBJECT_OF[dataType];
  if (object !== undefined && !objects.has(object))
    return lock(
      dataType,
      false,
      `Nothing in the source account becomes HubSpot ${HUBSPOT_OBJECTS[object].label.toLowerCase()}.`,
    );
  switch (dataType) {
    case 'pipelines':
      return hasDeals
        ? lock(dataType, true, 'Deals need their pipelines and stages: HubSpot keeps every deal in a pipeline stage.')
        : lock(dataType, false, 'There are no deals, so there are no pipelines to transfer.');
    case 'archived_deals':
    case 'workflows':
      return hasDeals ? null : lock(dataType, false, 'There are no deals.');
    case 'users':
      return plan.owners.length === 0 ? lock(dataType, false, 'The source account has no users.') : null;
    case 'currencies': {
      const missing = currencies.filter((currency) => currency.used && !currency.inHubSpot).map(({ code }) => code);
      if (missing.length > 0)
        return lock(
          dataType,
          true,
          `Deals use ${missing.join(', ')}, which HubSpot does not have yet: setup adds them with your exchange rates.`,
        );
      return lock(dataType, false, 'HubSpot already has every currency the deals use.');
    }
    default:
      return null;
  }
}

/**
 * Per data type: whether the user may change it and, when not, the value it keeps and why (forced by the
 * plan, or off because a type it needs is off in `settings`).
 */
export function dataTypeLocks(
  plan: MappingPlan,
  currencies: readonly Currency[],
  settings?: Pick<TransferSettings, 'dataTypes'>,
): DataTypeLock[] {
  const fixed = new Map(DataType.options.map((type) => [type, fixedBy(plan, currencies, type)]));
  const isOn = (type: DataType) => fixed.get(type)?.value ?? settings?.dataTypes[type] !== false;
  return DataType.options.map((dataType): DataTypeLock => {
    const forced = fixed.get(dataType);
    if (forced) return forced;
    const dependency = REQUIRES[dataType];
    const off = dependency?.requires.filter((type) => !isOn(type)) ?? [];
    if (dependency && off.length > 0)
      return lock(dataType, false, `${dependency.why} Turn on ${off.join(', ')} first.`);
    return { dataType, locked: false, value: null, reason: null, requires: dependency?.requires ?? [] };
  });
}

/** The settings' data types with every locked one at the value its lock keeps. */
export function withLockedValues(
  dataTypes: TransferSettings['dataTypes'],
  locks: readonly DataTypeLock[],
): TransferSettings['dataTypes'] {
  const result = { ...dataTypes };
  for (const { dataType, locked, value } of locks) if (locked && value !== null) result[dataType] = value;
  return result;
}
