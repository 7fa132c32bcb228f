/** Paths of the backend API the HubSpot UI calls, all under /api/v1 and all signed by HubSpot. */
export const API_PREFIX = '/api/v1';
export const ApiPaths = {
  apps: `${API_PREFIX}/apps`,
  guide: `${API_PREFIX}/guide`,
  portal: `${API_PREFIX}/portal`,
  connectTickets: `${API_PREFIX}/connect-tickets`,
} as const;
