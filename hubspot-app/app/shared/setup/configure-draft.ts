import type { TransferSettings } from '../contracts/settings.ts';

/** The settings the Configure step edits, saved together. */
export type ConfigureDraft = Pick<
  TransferSettings,
  | 'fields'
  | 'activityTypes'
  | 'automaticSync'
  | 'defaultOwnerId'
  | 'ownerOverrides'
  | 'exchangeRates'
  | 'inviteMissingUsers'
  | 'matchCompaniesByDomain'
  | 'addSecondaryEmails'
>;

export const configureDraftOf = (settings: TransferSettings): ConfigureDraft => ({
  fields: settings.fields,
  activityTypes: settings.activityTypes,
  automaticSync: settings.automaticSync,
  defaultOwnerId: settings.defaultOwnerId,
  ownerOverrides: settings.ownerOverrides,
  exchangeRates: settings.exchangeRates,
  inviteMissingUsers: settings.inviteMissingUsers,
  matchCompaniesByDomain: settings.matchCompaniesByDomain,
  addSecondaryEmails: settings.addSecondaryEmails,
});

/** A change to the draft; sections call it with the part they edit. */
export type EditDraft = (change: (draft: ConfigureDraft) => ConfigureDraft) => void;

/** The paths a Configure section's settings live under (for problems the backend names). */
export const CONFIGURE_PATHS = [
  'fields.',
  'activityTypes.',
  'automaticSync',
  'defaultOwnerId',
  'ownerOverrides.',
  'exchangeRates.',
  'inviteMissingUsers',
  'matchCompaniesByDomain',
  'addSecondaryEmails',
];
