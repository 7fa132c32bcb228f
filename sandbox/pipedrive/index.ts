/**
 * The Pipedrive sandbox: a local Pipedrive API (v2 and v1 paths, OAuth, limits, webhooks, faults) on
 * a loopback port, state in memory. See sandbox/README.md.
 */
import type { Express } from 'express';
import { listen } from '../common/listen.js';
import { buildApp } from './app.js';
import { type PipedriveSandboxOptions, PipedriveSandboxState } from './state.js';

export type { DatasetInput } from './dataset/format.js';
export { PIPEDRIVE_TEST_DATASETS, syncFixture } from './datasets/index.js';
export type { Plan } from './limits.js';
export type { DatasetSource, PipedriveSandboxOptions, SandboxSettings } from './state.js';
export { PipedriveSandboxState } from './state.js';

export interface PipedriveSandbox {
  app: Express;
  /** The sandbox's state and controls, for in-process tests (the /_sandbox endpoint offers the same). */
  state: PipedriveSandboxState;
}

export function createPipedriveSandbox(options: PipedriveSandboxOptions = {}): PipedriveSandbox {
  const state = new PipedriveSandboxState(options);
  return { app: buildApp(state), state };
}

export interface RunningPipedriveSandbox {
  /** `api_domain`: v2 under `${apiBaseUrl}/api/v2`, v1 under `${apiBaseUrl}/v1`. */
  apiBaseUrl: string;
  /** Serves /oauth/authorize, /oauth/token, /oauth/revoke (oauth.pipedrive.com); same origin here. */
  oauthBaseUrl: string;
  clientId: string;
  clientSecret: string;
  state: PipedriveSandboxState;
  /** PIPEDRIVE_API_BASE_URL, PIPEDRIVE_OAUTH_BASE_URL, PIPEDRIVE_CLIENT_ID, PIPEDRIVE_CLIENT_SECRET. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

/** How often webhook retries are checked against the clock while the sandbox serves. */
const RETRY_TICK_MS = 1000;

export async function startPipedriveSandbox(
  options: PipedriveSandboxOptions & { port?: number; host?: string } = {},
): Promise<RunningPipedriveSandbox> {
  const { port = 0, host = '127.0.0.1', ...sandboxOptions } = options;
  const { app, state } = createPipedriveSandbox(sandboxOptions);
  const server = await listen(app, port, host);
  const baseUrl = server.baseUrl;
  state.apiBaseUrl = baseUrl;
  const retries = setInterval(() => state.webhooks.runDue(), RETRY_TICK_MS);
  retries.unref();
  return {
    apiBaseUrl: baseUrl,
    oauthBaseUrl: baseUrl,
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    state,
    env: () => ({
      PIPEDRIVE_API_BASE_URL: baseUrl,
      PIPEDRIVE_OAUTH_BASE_URL: baseUrl,
      PIPEDRIVE_CLIENT_ID: state.clientId,
      PIPEDRIVE_CLIENT_SECRET: state.clientSecret,
    }),
    close: async () => {
      clearInterval(retries);
      await state.webhooks.idle();
      await server.close();
    },
  };
}
