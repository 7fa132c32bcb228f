// generated from shared/src/contracts by scripts/sync-contracts.ts — do not edit
// (change shared/src/contracts, then run `npx tsx scripts/sync-contracts.ts`)

/** Paths of the backend API the HubSpot UI calls, all under /api/v1 and all signed by HubSpot. */
export const API_PREFIX = '/api/v1';
export const ApiPaths = {
  apps: `${API_PREFIX}/apps`,
  guide: `${API_PREFIX}/guide`,
  portal: `${API_PREFIX}/portal`,
  connectTickets: `${API_PREFIX}/connect-tickets`,
  connection: (source: string) => `${API_PREFIX}/connections/${source}`,
  settings: (source: string) => `${API_PREFIX}/connections/${source}/settings`,
  settingsSelection: (source: string) => `${API_PREFIX}/connections/${source}/settings/selection`,
  settingsFilterCounts: (source: string) => `${API_PREFIX}/connections/${source}/settings/filter-counts`,
  audits: `${API_PREFIX}/audits`,
  audit: (id: string) => `${API_PREFIX}/audits/${id}`,
  auditComparison: (id: string) => `${API_PREFIX}/audits/${id}/comparison`,
  auditExportLink: (id: string) => `${API_PREFIX}/audits/${id}/export-link`,
  jobAction: (id: string, action: string) => `${API_PREFIX}/jobs/${id}/${action}`,
  transfer: (id: string) => `${API_PREFIX}/transfers/${id}`,
  transferErrors: (id: string) => `${API_PREFIX}/transfers/${id}/errors`,
  transferErrorsExportLink: (id: string) => `${API_PREFIX}/transfers/${id}/errors/export-link`,
  setup: `${API_PREFIX}/setup`,
  setupReview: `${API_PREFIX}/setup/review`,
  setupTransfer: (id: string) => `${API_PREFIX}/setup/${id}`,
  sync: `${API_PREFIX}/sync`,
  syncTransfer: (id: string) => `${API_PREFIX}/sync/${id}`,
  portalProperties: (object: string) => `${API_PREFIX}/hubspot/properties/${object}`,
  syncRetryFailed: (id: string) => `${API_PREFIX}/sync/${id}/retry-failed`,
  recordPreview: (source: string, object: string, id: string) =>
    `${API_PREFIX}/connections/${source}/records/${object}/${id}/preview`,
} as const;
