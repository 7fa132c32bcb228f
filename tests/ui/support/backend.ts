import { hubspot, type HubSpotFetchOptions } from '@hubspot/ui-extensions';
import { jest } from '@jest/globals';
import type {
  AppsResponse,
  ConnectTicketResponse,
  GuideResponse,
  GuideStep,
  SourceApp,
} from '../../../hubspot-app/app/shared/contracts/index.ts';

/** The backend origin the UI must call (app-hsmeta.json permittedUrls.fetch). */
export const ORIGIN = 'https://api.smart-transfer.example';
/** The identity in `createRenderer(...).mocks.context`: portal 123, user 1. */
export const IDENTITY_QUERY = 'portalId=123&userId=1';
/** The URL the UI calls for a path (and its own query, e.g. `source=pipedrive`): the identity comes last. */
export const url = (path: string, query?: string): string =>
  `${ORIGIN}${path}?${query === undefined ? '' : `${query}&`}${IDENTITY_QUERY}`;

/** The options the UI's API client gives `hubspot.fetch` for a call: the method and its 15 s timeout. */
export const fetchOptions = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE') => ({ method, timeout: 15000 });

export const jsonResponse = (body: unknown, status = 200): Response =>
  ({ ok: status >= 200 && status < 300, status, json: async () => body }) as Response;

export const errorResponse = (status: number, code: string, message: string): Response =>
  jsonResponse({ error: { code, message } }, status);

/** A response the test hands out later, to look at the loading state or race two calls. */
export interface PendingResponse {
  readonly promise: Promise<Response>;
  resolve(response: Response): void;
}
export function pendingResponse(): PendingResponse {
  let resolve: (response: Response) => void = () => undefined;
  const promise = new Promise<Response>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** One answer of the fake backend: a response, one handed out later, or a failed fetch (network, timeout). */
export type Reply = Response | PendingResponse | { fail: Error };

/** Calls to routes a test did not plan for; `cleanUpAfterEach` fails the test if there are any. */
const unplanned: string[] = [];
export const takeUnplannedCalls = (): string[] => unplanned.splice(0);

/**
 * Replaces `hubspot.fetch` with a fake backend. Each `METHOD /path` answers its replies in order and
 * then keeps repeating the last one; a call nobody planned for rejects (the page shows it as a network
 * failure) and fails the test with its route after the test.
 */
export function fakeBackend(routes: Record<string, Reply[]>) {
  const queues = new Map(Object.entries(routes).map(([route, replies]) => [route, [...replies]]));
  const fetchMock = jest.spyOn(hubspot, 'fetch').mockImplementation(async (input, options?: HubSpotFetchOptions) => {
    const route = `${options?.method ?? 'GET'} ${new URL(String(input)).pathname}`;
    const queue = queues.get(route);
    const reply = queue && queue.length > 1 ? queue.shift() : queue?.[0];
    if (reply === undefined) {
      unplanned.push(route);
      throw new Error(`unexpected hubspot.fetch: ${route}`);
    }
    if ('fail' in reply) throw reply.fail;
    return 'promise' in reply ? reply.promise : reply;
  });
  /** The calls made to one route so far, as [url, options]. */
  const callsTo = (route: string) =>
    fetchMock.mock.calls.filter(
      ([input, options]) => `${options?.method ?? 'GET'} ${new URL(String(input)).pathname}` === route,
    );
  return { fetchMock, callsTo };
}

export const TICKET: ConnectTicketResponse = {
  source: 'pipedrive',
  connectUrl: 'https://api.smart-transfer.example/oauth/pipedrive/start?ticket=tk_1',
  expiresAt: '2026-12-01T10:10:00.000Z',
};

export const PIPEDRIVE: SourceApp = {
  id: 'pipedrive',
  name: 'Pipedrive',
  description: 'Persons, organizations, deals, products, activities and notes.',
  availability: 'available',
  connectionStatus: 'not_connected',
};

const comingSoon = (id: SourceApp['id'], name: string): SourceApp => ({
  id,
  name,
  description: `${name} records and activities.`,
  availability: 'coming_soon',
  connectionStatus: 'not_connected',
});

export const APPS: AppsResponse = {
  apps: [
    PIPEDRIVE,
    comingSoon('zoho', 'Zoho CRM'),
    comingSoon('salesforce', 'Salesforce'),
    comingSoon('activecampaign', 'ActiveCampaign'),
  ],
};

export const appsWith = (pipedrive: Partial<SourceApp>): AppsResponse => ({
  apps: APPS.apps.map((app) => (app.id === 'pipedrive' ? { ...app, ...pipedrive } : app)),
});

/** GET /api/v1/apps with Pipedrive connected. */
export const CONNECTED = jsonResponse(appsWith({ connectionStatus: 'connected' }));

const step = (
  id: GuideStep['id'],
  title: string,
  state: GuideStep['state'],
  extra: Partial<GuideStep> = {},
): GuideStep => ({
  id,
  title,
  description: `About ${title.toLowerCase()}.`,
  state,
  ...extra,
});

export const GUIDE: GuideResponse = {
  portalId: 123,
  steps: [
    step('install', 'Install Smart Transfer', 'complete'),
    step('connect', 'Connect your source app', 'available', { actionLabel: 'Connect Pipedrive' }),
    step('audit', 'Audit your data', 'locked', { reason: 'Available after you connect Pipedrive.' }),
    step('configure', 'Prepare the portal', 'locked'),
  ],
};

/**
 * Fakes setTimeout for tests that reach "Continue to …", where the page polls the connection every few
 * seconds: the test moves the clock itself, and pending polls vanish with `jest.useRealTimers()`.
 * (The renderer's waitFor timeout is a setTimeout too, so a failing waitFor ends at jest's test timeout.)
 */
export function fakePollingClock(): void {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'clearImmediate'] });
}

/** GET /api/v1/audits before the first audit. */
export const NO_AUDIT = errorResponse(404, 'no_audit', 'No audit has been run yet.');
