import type { ActivityTarget, DataType } from '../contracts/settings.ts';
import type { SetupOutcome } from '../contracts/setup.ts';

/** The data types in the order HubSpot's Smart Transfer lists them, with their names. */
export const DATA_TYPE_LABELS: Record<DataType, string> = {
  users: 'Users',
  currencies: 'Currencies',
  pipelines: 'Deal pipelines and stages',
  company_properties: 'Company properties',
  contact_properties: 'Contact properties',
  deal_properties: 'Deal properties',
  product_properties: 'Product properties',
  calls: 'Calls',
  emails: 'Sales emails',
  meetings: 'Meetings',
  notes: 'Notes',
  tasks: 'Tasks',
  workflows: 'Workflows (create date and close date)',
  archived_deals: 'Archived deals',
};

export const ACTIVITY_TARGET_LABELS: Record<ActivityTarget, string> = {
  calls: 'Call',
  emails: 'Email',
  meetings: 'Meeting',
  tasks: 'Task',
  notes: 'Note',
};

export const OUTCOME_LABELS: Record<SetupOutcome, string> = {
  create: 'Created',
  reuse: 'Reused',
  skip: 'Skipped',
  fail: 'Failed',
};
