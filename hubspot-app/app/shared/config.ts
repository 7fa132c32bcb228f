/**
 * The origin of the Smart Transfer backend that every `hubspot.fetch` call goes to. HubSpot only lets
 * the extension call origins listed in app-hsmeta.json `permittedUrls.fetch`, so this value must equal
 * that entry (tests/unit/hubspot-project.test.ts checks it). To point the app at another backend,
 * change both together.
 */
export const API_ORIGIN = 'https://api.smart-transfer.example';

/** How long one backend call may take (hubspot.fetch's default is 15 s, its maximum 120 s). */
export const REQUEST_TIMEOUT_MS = 15_000;
