/**
 * The Pipedrive operations this connector calls, with their `x-token-cost` from the official OpenAPI
 * files (openapi-v1.yaml / openapi-v2.yaml; a unit test holds the two together). The transport prices a
 * call from this table when the server does not send its own `x-token-cost` header.
 */

export interface PipedriveOperation {
  operationId: string;
  api: 'v1' | 'v2';
  /** Path under the API's base path, as in the spec. */
  path: string;
  cost: number;
}

export const PIPEDRIVE_OPERATIONS = [
  { operationId: 'getPersons', api: 'v2', path: '/persons', cost: 10 },
  { operationId: 'getOrganizations', api: 'v2', path: '/organizations', cost: 10 },
  { operationId: 'getDeals', api: 'v2', path: '/deals', cost: 10 },
  { operationId: 'getProducts', api: 'v2', path: '/products', cost: 10 },
  { operationId: 'getActivities', api: 'v2', path: '/activities', cost: 10 },
  { operationId: 'getPersonFields', api: 'v2', path: '/personFields', cost: 10 },
  { operationId: 'getOrganizationFields', api: 'v2', path: '/organizationFields', cost: 10 },
  { operationId: 'getDealFields', api: 'v2', path: '/dealFields', cost: 10 },
  { operationId: 'getProductFields', api: 'v2', path: '/productFields', cost: 10 },
  { operationId: 'getActivityFields', api: 'v2', path: '/activityFields', cost: 10 },
  { operationId: 'getPipelines', api: 'v2', path: '/pipelines', cost: 5 },
  { operationId: 'getStages', api: 'v2', path: '/stages', cost: 5 },
  { operationId: 'getDealsSummary', api: 'v1', path: '/deals/summary', cost: 40 },
  { operationId: 'getArchivedDealsSummary', api: 'v1', path: '/deals/summary/archived', cost: 80 },
  { operationId: 'getNotes', api: 'v1', path: '/notes', cost: 20 },
  { operationId: 'getNoteFields', api: 'v1', path: '/noteFields', cost: 20 },
  { operationId: 'getArchivedDeals', api: 'v2', path: '/deals/archived', cost: 20 },
  { operationId: 'getFiles', api: 'v1', path: '/files', cost: 20 },
  { operationId: 'getFilters', api: 'v1', path: '/filters', cost: 20 },
  { operationId: 'getLeads', api: 'v1', path: '/leads', cost: 20 },
  { operationId: 'getArchivedLeads', api: 'v1', path: '/leads/archived', cost: 40 },
  { operationId: 'getOrganizationRelationships', api: 'v1', path: '/organizationRelationships', cost: 20 },
  { operationId: 'getUsers', api: 'v1', path: '/users', cost: 20 },
  { operationId: 'getCurrentUser', api: 'v1', path: '/users/me', cost: 2 },
  { operationId: 'getCurrencies', api: 'v1', path: '/currencies', cost: 20 },
  { operationId: 'getActivityTypes', api: 'v1', path: '/activityTypes', cost: 20 },
] as const satisfies readonly PipedriveOperation[];

/** Both `{api_domain}/v1` and `{api_domain}/api/v1` serve v1; v2 lives only under `/api/v2`. */
const API_PREFIX: Record<PipedriveOperation['api'], string> = { v1: '/v1', v2: '/api/v2' };

/** The operation a GET to this URL path performs, if it is one of ours. */
export function findOperation(method: string, pathname: string): PipedriveOperation | undefined {
  if (method.toLowerCase() !== 'get') return undefined;
  const path = pathname.replace(/\/+$/, '');
  return PIPEDRIVE_OPERATIONS.find((operation) => path.endsWith(`${API_PREFIX[operation.api]}${operation.path}`));
}
