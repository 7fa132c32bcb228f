/**
 * The HubSpot sandbox: a local HubSpot API (OAuth, CRM objects, properties, pipelines, owners,
 * users, associations, flows, currencies, account) with HubSpot's limits and injectable faults.
 * See README.md in this folder.
 */
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { buildApp } from './app.js';
import { type HubSpotSandboxOptions, resolveOptions } from './options.js';
import { SandboxState } from './state.js';

export type { HubSpotSandboxOptions } from './options.js';
export type { SandboxState } from './state.js';

export interface HubSpotSandbox {
  app: Express;
  /** The sandbox's in-memory state, for in-process tests that want to look without HTTP. */
  state: SandboxState;
}

export function createHubSpotSandbox(options?: HubSpotSandboxOptions): HubSpotSandbox {
  const state = new SandboxState(resolveOptions(options));
  return { app: buildApp(state), state };
}

export interface RunningHubSpotSandbox {
  /** Serves /oauth/v1/token, /crm/v3/…, /_sandbox/… (HubSpot's api.hubapi.com). */
  apiBaseUrl: string;
  /** Serves /oauth/authorize (HubSpot's app.hubspot.com); same origin as the API here. */
  appBaseUrl: string;
  clientId: string;
  clientSecret: string;
  state: SandboxState;
  /** HUBSPOT_API_BASE_URL, HUBSPOT_APP_BASE_URL, HUBSPOT_CLIENT_ID, HUBSPOT_CLIENT_SECRET. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

export async function startHubSpotSandbox(
  options: HubSpotSandboxOptions & { port?: number; host?: string } = {},
): Promise<RunningHubSpotSandbox> {
  const { port = 0, host = '127.0.0.1', ...sandboxOptions } = options;
  const { app, state } = createHubSpotSandbox(sandboxOptions);
  const server = await new Promise<import('node:http').Server>((resolve, reject) => {
    const listening = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const address = server.address() as AddressInfo;
  const baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  const { clientId, clientSecret } = state.options;
  return {
    apiBaseUrl: baseUrl,
    appBaseUrl: baseUrl,
    clientId,
    clientSecret,
    state,
    env: () => ({
      HUBSPOT_API_BASE_URL: baseUrl,
      HUBSPOT_APP_BASE_URL: baseUrl,
      HUBSPOT_CLIENT_ID: clientId,
      HUBSPOT_CLIENT_SECRET: clientSecret,
    }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
