/**
 * Every list Pipedrive's OpenAPI files offer (GET without a path parameter, plus the per-deal lists of
 * what deals hold), and how the audit covers it: read by one of our operations, counted through another
 * one's `include_fields`, or left out with the reason. A unit test holds this table to the vendored
 * specs, so a list Pipedrive adds fails the build until someone decides what the audit does with it.
 */
export type ListCoverage =
  /** Read by this operation of PIPEDRIVE_OPERATIONS. */
  | { read: string }
  /** Counted on the pages of another read, by the named `include_fields` count. */
  | { countedBy: string; field: string }
  | { excluded: string };

const NOT_RECORDS = 'Not records of the account: ';
const SEARCH = 'A search over records the audit already lists in full.';
const PROJECTS =
  'Projects is a paid add-on whose scope (projects:read) the app does not ask for; HubSpot has no projects object. Not counted, not transferred.';

/** Keyed `<api> <path>` as in the specs (v1 paths under /v1, v2 under /api/v2). */
export const PIPEDRIVE_LIST_COVERAGE: Readonly<Record<string, ListCoverage>> = {
  'v2 /persons': { read: 'getPersons' },
  'v2 /organizations': { read: 'getOrganizations' },
  'v2 /deals': { read: 'getDeals' },
  'v2 /deals/archived': { read: 'getArchivedDeals' },
  'v2 /products': { read: 'getProducts' },
  'v2 /activities': { read: 'getActivities' },
  'v1 /notes': { read: 'getNotes' },
  'v1 /files': { read: 'getFiles' },
  'v1 /filters': { read: 'getFilters' },
  'v1 /leads': { read: 'getLeads' },
  'v1 /leads/archived': { read: 'getArchivedLeads' },
  'v1 /organizationRelationships': { read: 'getOrganizationRelationships' },
  'v1 /users': { read: 'getUsers' },
  'v1 /users/me': { read: 'getCurrentUser' },
  'v1 /currencies': { read: 'getCurrencies' },
  'v1 /activityTypes': { read: 'getActivityTypes' },
  'v1 /noteFields': { read: 'getNoteFields' },
  'v2 /personFields': { read: 'getPersonFields' },
  'v2 /organizationFields': { read: 'getOrganizationFields' },
  'v2 /dealFields': { read: 'getDealFields' },
  'v2 /productFields': { read: 'getProductFields' },
  'v2 /activityFields': { read: 'getActivityFields' },
  'v2 /pipelines': { read: 'getPipelines' },
  'v2 /stages': { read: 'getStages' },
  'v2 /deals/products': { countedBy: 'getDeals', field: 'products_count' },
  'v2 /deals/{id}/products': { countedBy: 'getDeals', field: 'products_count' },
  'v1 /deals/{id}/participants': { countedBy: 'getDeals', field: 'participants_count' },
  'v1 /deals/archived': { excluded: 'The v1 twin of v2 /deals/archived, which the audit reads.' },
  'v1 /deals/summary': { excluded: 'Totals of the deals the audit counts one by one from the deal list.' },
  'v1 /deals/summary/archived': { excluded: 'Totals of the archived deals the audit counts from their list.' },
  'v1 /deals/timeline': { excluded: 'Deals grouped by period: the same deals as the deal list.' },
  'v1 /deals/timeline/archived': { excluded: 'Archived deals grouped by period: the same as the archived list.' },
  'v2 /deals/installments': {
    excluded:
      'Installments of deal products (Advanced plans and up) have no HubSpot line-item equivalent; they stay on the deal’s products in Pipedrive.',
  },
  'v1 /activityFields': { excluded: 'The v1 twin of v2 /activityFields, which the audit reads.' },
  'v1 /dealFields': { excluded: 'The v1 twin of v2 /dealFields, which the audit reads.' },
  'v1 /organizationFields': { excluded: 'The v1 twin of v2 /organizationFields, which the audit reads.' },
  'v1 /personFields': { excluded: 'The v1 twin of v2 /personFields, which the audit reads.' },
  'v1 /productFields': { excluded: 'The v1 twin of v2 /productFields, which the audit reads.' },
  'v1 /leadFields': { excluded: 'Lead fields belong to leads, which are not transferred (counted as leads).' },
  'v1 /leadLabels': { excluded: 'Labels of leads, which are not transferred (the leads are counted).' },
  'v1 /leadSources': { excluded: `${NOT_RECORDS}the fixed list of lead origins.` },
  'v1 /mailbox/mailThreads': {
    excluded:
      'Synced mail needs the mail:read scope, which the app does not ask for; mail stays in the mailbox it was synced from (HubSpot syncs mail itself once the inbox is connected).',
  },
  'v1 /callLogs': {
    excluded: 'Call logs of the connecting user only (not the account’s); the calls themselves are activities.',
  },
  'v1 /tasks': { excluded: PROJECTS },
  'v2 /tasks': { excluded: PROJECTS },
  'v1 /projects': { excluded: PROJECTS },
  'v2 /projects': { excluded: PROJECTS },
  'v2 /projects/archived': { excluded: PROJECTS },
  'v1 /projects/boards': { excluded: PROJECTS },
  'v1 /projects/phases': { excluded: PROJECTS },
  'v2 /boards': { excluded: PROJECTS },
  'v2 /phases': { excluded: PROJECTS },
  'v2 /projectFields': { excluded: PROJECTS },
  'v1 /projectTemplates': { excluded: PROJECTS },
  'v2 /projectTemplates': { excluded: PROJECTS },
  'v1 /goals/find': { excluded: 'Goals are targets set in Pipedrive’s Insights; HubSpot goals are set up apart.' },
  'v1 /billing/subscriptions/addons': { excluded: `${NOT_RECORDS}the company’s paid add-ons.` },
  'v1 /filters/helpers': { excluded: `${NOT_RECORDS}the operators filters may use.` },
  'v1 /legacyTeams': { excluded: `${NOT_RECORDS}teams of users (the users are listed).` },
  'v1 /permissionSets': {
    excluded: `${NOT_RECORDS}permission sets (the audit says whether the connecting user is an admin).`,
  },
  'v1 /roles': { excluded: `${NOT_RECORDS}roles of users (the users are listed).` },
  'v1 /recents': { excluded: 'Recent changes across objects the audit already lists in full.' },
  'v1 /userConnections': { excluded: `${NOT_RECORDS}the connecting user’s linked Google account.` },
  'v1 /userSettings': { excluded: `${NOT_RECORDS}the connecting user’s settings.` },
  'v1 /users/find': { excluded: SEARCH },
  'v1 /webhooks': { excluded: `${NOT_RECORDS}webhooks of apps; the app adds its own.` },
  'v1 /oauth/authorize': { excluded: 'The OAuth consent page, not a list.' },
  'v1 /leads/search': { excluded: SEARCH },
  'v2 /leads/search': { excluded: SEARCH },
  'v2 /deals/search': { excluded: SEARCH },
  'v2 /persons/search': { excluded: SEARCH },
  'v2 /organizations/search': { excluded: SEARCH },
  'v2 /products/search': { excluded: SEARCH },
  'v2 /projects/search': { excluded: SEARCH },
  'v2 /itemSearch': { excluded: SEARCH },
  'v2 /itemSearch/field': { excluded: SEARCH },
};
