import type { HubSpotObjectType } from './property-kinds.js';

const ENGAGEMENTS = ['calls', 'meetings', 'tasks', 'emails', 'notes'] as const;
const RECORDS = ['contacts', 'companies', 'deals'] as const;

/**
 * Object pairs HubSpot associates by default (association type ids: docs/notes/hubspot-crm.md, Associations). Products
 * associate with nothing (line items carry them to deals); engagements with contacts, companies and deals.
 */
const ASSOCIABLE = new Set<string>([
  ...RECORDS.flatMap((from) => RECORDS.map((to) => `${from}>${to}`)),
  ...ENGAGEMENTS.flatMap((engagement) =>
    RECORDS.flatMap((record) => [`${engagement}>${record}`, `${record}>${engagement}`]),
  ),
]);

export function canAssociate(from: HubSpotObjectType, to: HubSpotObjectType): boolean {
  return ASSOCIABLE.has(`${from}>${to}`);
}
