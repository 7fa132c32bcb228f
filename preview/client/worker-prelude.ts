/**
 * Runs first in the extension's Web Worker, before `@hubspot/ui-extensions` is evaluated: it gives the
 * worker the globals HubSpot's own worker has, which the package reads when it loads (`hubspot.extend`
 * is `self.extend_V2`, `hubspot.fetch` is `self.hsFetch`, the hooks are `self.hsWorkerAPI.*`, `logger`
 * is `self.logger`). If this module ran second, `hubspot.extend` would silently do nothing.
 *
 * The host page then calls `render(channel, api)` over @remote-ui/rpc: the registered extension renders
 * into a remote root whose changes travel to the page's receiver.
 */
import { createRemoteRoot } from '@remote-ui/core';
import { createRoot } from '@remote-ui/react';
import { createEndpoint, type MessageEndpoint, retain } from '@remote-ui/rpc';
import { type ReactElement, useSyncExternalStore } from 'react';
import type { AppPageLocation } from '../shared/app-page-location.ts';
import type { HostApi, ProxyRequest, WorkerApi } from '../shared/protocol.ts';

type ExtensionApi = {
  context: HostApi['context'];
  actions: HostApi['actions'];
  runServerlessFunction: () => Promise<never>;
};
type ExtendCallback = (api: ExtensionApi) => ReactElement;

interface FetchOptions {
  method?: string;
  timeout?: number;
  body?: unknown;
  headers?: Headers | Record<string, string>;
}

interface HubSpotWorkerGlobals {
  __HUBSPOT_EXTENSION_WORKER__: boolean;
  extend_V2(callback: ExtendCallback): void;
  hsFetch(url: string | URL, options?: FetchOptions): Promise<Response>;
  serverless(name: string, options?: unknown): Promise<never>;
  logger: Record<'debug' | 'info' | 'warn' | 'error', (...data: unknown[]) => void>;
  hsWorkerAPI: Record<string, (...args: never[]) => unknown>;
}

const worker = self as unknown as HubSpotWorkerGlobals & MessageEndpoint;

let registered: ExtendCallback | undefined;
let host: HostApi | undefined;

/**
 * Where the app pages are, as the host's URL says: set when the host renders, then on each move. The
 * SDK's page router reads it through `hsWorkerAPI.useAppPageLocation`, so it re-renders on a move.
 */
let pageLocation: AppPageLocation = { path: '/', params: {} };
const pageLocationListeners = new Set<() => void>();
function setPageLocation(location: AppPageLocation): void {
  pageLocation = location;
  pageLocationListeners.forEach((listener) => listener());
}
function subscribePageLocation(listener: () => void): () => void {
  pageLocationListeners.add(listener);
  return () => pageLocationListeners.delete(listener);
}

const requireHost = (): HostApi => {
  if (!host) throw new Error('The preview host has not connected to this extension yet.');
  return host;
};

const notInPreview = (what: string) => () =>
  Promise.reject(new Error(`${what} is not available in the local preview.`));

function plainHeaders(headers: FetchOptions['headers']): Record<string, string> | undefined {
  if (!headers) return undefined;
  const out: Record<string, string> = {};
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    headers.forEach((value, key) => {
      out[key] = value;
    });
  } else {
    Object.assign(out, headers);
  }
  return out;
}

worker.__HUBSPOT_EXTENSION_WORKER__ = true;

worker.extend_V2 = (callback) => {
  registered = callback;
};

/** hubspot.fetch: the host page passes the call to the preview's proxy (HubSpot's, here), which signs it. */
worker.hsFetch = async (url, options = {}) => {
  const request: ProxyRequest = {
    requestUri: String(url),
    method: (options.method ?? 'GET').toUpperCase(),
    ...(options.timeout === undefined ? {} : { requestTimeoutMillis: options.timeout }),
    ...(options.body === undefined ? {} : { requestBody: options.body }),
    ...(options.headers === undefined ? {} : { requestHeaders: plainHeaders(options.headers) ?? {} }),
  };
  const answer = await requireHost().fetch(request);
  return new Response(answer.body, {
    status: answer.status,
    headers: answer.body === null ? {} : { 'content-type': 'application/json' },
  });
};

worker.serverless = notInPreview('Serverless functions (not available to marketplace apps)');

const log =
  (level: 'debug' | 'info' | 'warn' | 'error') =>
  (...data: unknown[]) => {
    console[level]('[extension]', ...data);
  };
worker.logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };

worker.hsWorkerAPI = {
  useExtensionContext: () => requireHost().context,
  useExtensionActions: () => requireHost().actions,
  useExtensionApi: () => ({
    context: requireHost().context,
    actions: requireHost().actions,
    runServerlessFunction: notInPreview('runServerlessFunction'),
  }),
  useAppPageLocation: () => useSyncExternalStore(subscribePageLocation, () => pageLocation),
  fetchCrmSearch: notInPreview('CRM search'),
  fetchCrmProperties: notInPreview('CRM properties'),
  fetchAssociations: notInPreview('CRM associations'),
  fetchHubSpotApi: notInPreview('The HubSpot API client'),
  formatCrmProperties: notInPreview('formatCrmProperties'),
};

const exposed: WorkerApi = {
  render(channel, api) {
    // Both are kept for the page's lifetime: without retain() the rpc layer frees their functions.
    retain(channel);
    retain(api);
    host = api;
    setPageLocation(api.pageLocation);
    if (!registered) {
      api.failed('The entry file did not call hubspot.extend(): nothing to render.');
      return;
    }
    const root = createRemoteRoot(channel);
    createRoot(root).render(
      registered({
        context: api.context,
        actions: api.actions,
        runServerlessFunction: notInPreview('runServerlessFunction'),
      }),
    );
    void root.mount();
  },
  navigated(location) {
    setPageLocation(location);
  },
};
createEndpoint(worker).expose({ ...exposed });
