import { DataType, type TransferSettings } from '../../../../shared/src/contracts/index.js';

/**
 * The settings a connection starts with on an audit: everything the plan supports, every field onto the
 * property the plan creates, activity types where the plan sends them, no record filters, automatic sync
 * on, and no opt-in (inviting users, matching companies by domain, secondary e-mails) taken.
 */
export function defaultSettings(auditId: string): TransferSettings {
  return {
    auditId,
    dataTypes: Object.fromEntries(DataType.options.map((type) => [type, true])) as TransferSettings['dataTypes'],
    fields: {},
    activityTypes: {},
    recordFilters: {},
    automaticSync: true,
    defaultOwnerId: null,
    ownerOverrides: {},
    exchangeRates: {},
    inviteMissingUsers: false,
    matchCompaniesByDomain: false,
    addSecondaryEmails: false,
  };
}
