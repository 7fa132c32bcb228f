import { associationLabelsApi } from './association-labels.js';
import { crmLimitsApi } from './crm-limits.js';
import { currenciesApi } from './currencies.js';
import { dealPipelinesApi } from './deal-pipelines.js';
import { flowsApi } from './flows.js';
import type { HubSpotJson } from './hubspot-json.js';
import { propertyDefinitionsApi } from './property-definitions.js';
import { propertyGroupsApi } from './property-groups.js';
import { usersApi } from './users.js';

export type { HubSpotJson } from './hubspot-json.js';

/** The account settings setup reads and writes (groups, properties, pipelines, currencies, flows, users, labels) and their limits. */
export function setupOperations(json: HubSpotJson) {
  return {
    propertyGroups: propertyGroupsApi(json),
    propertyDefinitions: propertyDefinitionsApi(json),
    dealPipelines: dealPipelinesApi(json),
    currencies: currenciesApi(json),
    flows: flowsApi(json),
    users: usersApi(json),
    associationLabels: associationLabelsApi(json),
    limits: crmLimitsApi(json),
  };
}
