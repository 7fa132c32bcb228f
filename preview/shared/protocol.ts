/**
 * What the preview's three parts say to each other: the server (plays HubSpot's backend proxy), the
 * host page (plays HubSpot's page) and the extension worker (runs our entry file unchanged).
 * Plain data only: this module is loaded by Node (server, tests) and by the browser bundles.
 */

import type { RemoteChannel } from '@remote-ui/core';
import type { AppPageLocation } from './app-page-location.ts';

/** The HubSpot locations the preview serves, each at /preview/<location>. */
export const PREVIEW_LOCATIONS = ['settings', 'home'] as const;
export type PreviewLocation = (typeof PREVIEW_LOCATIONS)[number];

/** The HubSpot extension point each preview location plays: the app home is the app's pages (routed). */
export const EXTENSION_POINTS = { settings: 'settings', home: 'pages' } as const satisfies Record<
  PreviewLocation,
  string
>;
export type ExtensionPoint = (typeof EXTENSION_POINTS)[PreviewLocation];

/** hubspot.fetch's limits (docs/notes/hubspot-platform.md). */
export const FETCH_DEFAULT_TIMEOUT_MS = 15_000;
export const FETCH_MAX_TIMEOUT_MS = 120_000;
export const FETCH_MAX_BYTES = 1024 * 1024;
export const FETCH_MAX_CONCURRENT = 20;

/** What the host page posts to the preview's fetch proxy for one `hubspot.fetch` call (HubSpot's proxy fields). */
export interface ProxyRequest {
  requestUri: string;
  method: string;
  requestTimeoutMillis?: number;
  requestBody?: unknown;
  requestHeaders?: Record<string, string>;
}

/** HubSpot's proxy context block: every value is a one-element list, as HubSpot sends it. */
export interface ProxyContext {
  correlationId: [string];
  httpMethod: [string];
  portalId: [string];
  requestUri: [string];
  appServerStatusCode?: [string];
}

/** The proxy's answer: the app server's JSON, or an error the proxy (or the app server) produced. */
export type ProxyEnvelope =
  | { status: 'success'; responseBody?: unknown; context: ProxyContext }
  | {
      status: 'error';
      message: string;
      category: string;
      context: ProxyContext;
      responseBody?: unknown;
      errors?: unknown[];
    };

/** What the worker turns into the `Response` that `hubspot.fetch` resolves with. */
export interface ExtensionResponse {
  status: number;
  /** JSON text, or null for an empty body. */
  body: string | null;
}

const appServerStatus = (envelope: ProxyEnvelope): number | undefined => {
  const value = envelope.context.appServerStatusCode?.[0];
  const status = value === undefined ? Number.NaN : Number(value);
  return Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined;
};

/**
 * How the host turns the proxy's answer into the extension's Response: the app server's status and
 * JSON body when the app server answered (also for its 3xx-5xx, which HubSpot's proxy wraps as
 * BAD_GATEWAY; the status the extension sees then is our reading, not documented), otherwise the
 * proxy's own status with its error envelope as the body.
 */
export function toExtensionResponse(httpStatus: number, envelope: ProxyEnvelope): ExtensionResponse {
  const appStatus = appServerStatus(envelope);
  const fromAppServer = envelope.status === 'success' || envelope.category === 'BAD_GATEWAY';
  if (fromAppServer && appStatus !== undefined) {
    const bodyless = appStatus === 204 || appStatus === 205 || appStatus === 304 || envelope.responseBody === undefined;
    return { status: appStatus, body: bodyless ? null : JSON.stringify(envelope.responseBody) };
  }
  return { status: httpStatus, body: JSON.stringify(envelope) };
}

/** A HubSpot-like extension context for one preview location. */
export interface PreviewUser {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
}

export interface PreviewContext {
  user: PreviewUser & {
    emails: string[];
    roles: string[];
    teams: { id: number; name: string; teammates: number[] }[];
    locale: string;
    language: string;
    permissions: 'integrations-management-write'[];
  };
  portal: { id: number; timezone: string };
  /** HubSpot's extension point (`context.location`), e.g. `pages` on the app home. */
  location: ExtensionPoint;
  extension: { appId: number | string; appName: string };
}

/** What the server writes into each preview page for the host script. */
export interface PreviewBoot {
  location: PreviewLocation;
  /** The page's title in the host chrome, e.g. "Settings". */
  title: string;
  context: PreviewContext;
  workerUrl: string;
  fetchUrl: string;
  pages: { location: PreviewLocation; title: string; path: string }[];
  /** The demo only: where the host's "Start over" button posts (resets the demo portal); absent elsewhere. */
  startOverUrl?: string;
}

/** The API the host page exposes to the worker (passed to `render`); its functions cross the rpc link. */
export interface HostApi {
  context: PreviewContext;
  /** Where the app pages are when the page opens (`/` for a page that is not the app pages). */
  pageLocation: AppPageLocation;
  fetch(request: ProxyRequest): Promise<ExtensionResponse>;
  log(level: 'debug' | 'info' | 'warn' | 'error', data: unknown[]): void;
  actions: {
    addAlert(alert: { type?: string; message: string; title?: string }): void;
    closeOverlay(id: string): void;
    copyTextToClipboard(text: string): Promise<void>;
    navigateToPage(options: { to: string; params?: Record<string, string> }): void;
    openIframeModal(
      options: { uri: string; height: number; width: number; title?: string; flush?: boolean },
      onClose?: () => void,
    ): void;
    reloadPage(): void;
  };
  /** Called when the entry module never called hubspot.extend (so nothing can render). */
  failed(message: string): void;
}

/** What the extension's worker exposes to the host page. */
export interface WorkerApi {
  /** Renders the registered extension into the host's receiver. */
  render(channel: RemoteChannel, api: HostApi): void;
  /** The app pages moved (a link, navigateToPage, the browser's Back): `useAppPageLocation()` follows. */
  navigated(location: AppPageLocation): void;
}
