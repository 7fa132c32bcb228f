/**
 * The Pipedrive object types the product transfers, and so the ones the audit counts: the data-sync
 * objects of HubSpot's own Pipedrive transfer (persons, organizations, deals, products, notes) plus
 * activities, which become calls, meetings, tasks and emails. Leads, files, deal products, participants
 * and organization relationships belong to the one-time phase and are not counted: files alone would
 * cost 20 tokens per 100 records.
 */
export const PIPEDRIVE_OBJECT_KEYS = ['persons', 'organizations', 'deals', 'products', 'activities', 'notes'] as const;
export type PipedriveObjectKey = (typeof PIPEDRIVE_OBJECT_KEYS)[number];

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
