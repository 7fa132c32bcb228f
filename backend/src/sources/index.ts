import { pipedrive } from './pipedrive/index.js';
import type { SourceEntry } from './source-module.js';

/**
 * Every source app, in the order the list of apps shows them. A new source is one folder
 * (sources/<id>/index.ts exporting a SourceModule) and one line here; announced apps are listed as data.
 */
export const SOURCES: readonly SourceEntry[] = [
  pipedrive,
  {
    id: 'zoho',
    name: 'Zoho CRM',
    description: 'Leads, contacts, accounts, deals, products and activities.',
    availability: 'coming_soon',
  },
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
