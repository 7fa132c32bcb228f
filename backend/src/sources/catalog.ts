import type { SourceAvailability, SourceId } from '../../../shared/src/contracts/index.js';

export interface SourceDescription {
  id: SourceId;
  name: string;
  description: string;
  availability: SourceAvailability;
}

/** The apps users can pick on the Data integration page, in display order. */
export const SOURCE_CATALOG: readonly SourceDescription[] = [
  {
    id: 'pipedrive',
    name: 'Pipedrive',
    description: 'Persons, organizations, deals, products, activities, notes, pipelines, users and currencies.',
    availability: 'available',
  },
  { id: 'zoho', name: 'Zoho CRM', description: 'Leads, contacts, accounts, deals, products and activities.', availability: 'coming_soon' },
  {
    id: 'salesforce',
    name: 'Salesforce',
    description: 'Accounts, contacts, leads, opportunities, cases and activities.',
    availability: 'coming_soon',
  },
  {
    id: 'activecampaign',
    name: 'ActiveCampaign',
    description: 'Contacts, accounts, deals, lists and tags.',
    availability: 'coming_soon',
  },
];

export function findSource(id: SourceId): SourceDescription | undefined {
  return SOURCE_CATALOG.find((source) => source.id === id);
}
