/**
 * The Pipedrive object types the product transfers: the data-sync objects of HubSpot's own Pipedrive
 * transfer (persons, organizations, deals, products, notes) plus activities, which become calls,
 * meetings, tasks and emails.
 */
export const PIPEDRIVE_OBJECT_KEYS = ['persons', 'organizations', 'deals', 'products', 'activities', 'notes'] as const;
export type PipedriveObjectKey = (typeof PIPEDRIVE_OBJECT_KEYS)[number];

/**
 * What else the account holds that the audit counts: archived deals (outside the deals list), leads,
 * files, filters and organization relationships. Deal products and participants are counted on the deal
 * pages themselves (`include_fields`).
 */
export const PIPEDRIVE_HOLDING_KEYS = [
  'archived_deals',
  'leads',
  'archived_leads',
  'files',
  'filters',
  'organization_relationships',
] as const;
export type PipedriveCountKey = PipedriveObjectKey | (typeof PIPEDRIVE_HOLDING_KEYS)[number];
export const PIPEDRIVE_COUNT_KEYS: readonly PipedriveCountKey[] = [...PIPEDRIVE_OBJECT_KEYS, ...PIPEDRIVE_HOLDING_KEYS];

export const PIPEDRIVE_OBJECT_LABELS: Record<PipedriveObjectKey, string> = {
  persons: 'Persons',
  organizations: 'Organizations',
  deals: 'Deals',
  products: 'Products',
  activities: 'Activities',
  notes: 'Notes',
};

function isPipedriveObjectKey(key: string): key is PipedriveObjectKey {
  return (PIPEDRIVE_OBJECT_KEYS as readonly string[]).includes(key);
}

/** Narrows a caller's object key; an unknown one is a programmer error, named with the known keys. */
export function requirePipedriveObjectKey(key: string): PipedriveObjectKey {
  if (!isPipedriveObjectKey(key))
    throw new Error(`Pipedrive has no object type "${key}" (known: ${PIPEDRIVE_OBJECT_KEYS.join(', ')})`);
  return key;
}

export function requirePipedriveCountKey(key: string): PipedriveCountKey {
  const found = PIPEDRIVE_COUNT_KEYS.find((candidate) => candidate === key);
  if (!found)
    throw new Error(`Pipedrive has nothing called "${key}" to count (known: ${PIPEDRIVE_COUNT_KEYS.join(', ')})`);
  return found;
}

/**
 * Scopes the transfer needs (the read or the full one), with what each reads, from the operations'
 * `security: oauth2` lists in the OpenAPI files. `admin` is what v2 /activityFields asks for.
 */
export const PIPEDRIVE_NEEDED_SCOPES: readonly { scope: string; neededFor: string }[] = [
  { scope: 'deals:read', neededFor: 'deals, archived deals, pipelines and stages' },
  { scope: 'contacts:read', neededFor: 'persons, organizations and organization relationships' },
  { scope: 'products:read', neededFor: 'products and deal products' },
  { scope: 'activities:read', neededFor: 'activities and activity types' },
  { scope: 'leads:read', neededFor: 'leads' },
  { scope: 'users:read', neededFor: 'users (record owners)' },
  { scope: 'admin', neededFor: 'activity fields' },
];
