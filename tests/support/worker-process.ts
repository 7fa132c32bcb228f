import { type ChildProcess, spawn } from 'node:child_process';
import type { AppConfig } from '../../backend/src/config/config.js';
import type { PipedriveConfig } from '../../backend/src/sources/pipedrive/pipedrive-config.js';

/** The environment a separate `npm run worker` process needs to share the harness's database and sandboxes. */
export function workerEnv(config: AppConfig, databaseUrl: string): NodeJS.ProcessEnv {
  const pipedrive = config.sources.pipedrive as PipedriveConfig;
  return {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    PUBLIC_API_ORIGIN: config.publicApiOrigin,
    TOKEN_ENCRYPTION_KEY: config.tokenEncryptionKey.toString('base64'),
    HUBSPOT_CLIENT_ID: config.hubspot.clientId,
    HUBSPOT_CLIENT_SECRET: config.hubspot.clientSecret,
    HUBSPOT_APP_BASE_URL: config.hubspot.appBaseUrl,
    HUBSPOT_API_BASE_URL: config.hubspot.apiBaseUrl,
    HUBSPOT_REQUESTS_PER_10S: String(config.hubspot.requestsPer10s),
    PIPEDRIVE_CLIENT_ID: pipedrive.clientId,
    PIPEDRIVE_CLIENT_SECRET: pipedrive.clientSecret,
    PIPEDRIVE_OAUTH_BASE_URL: pipedrive.oauthBaseUrl,
    PIPEDRIVE_API_BASE_URL: pipedrive.apiBaseUrl,
    JOB_HEARTBEAT_SECONDS: '10',
    JOB_SUPERVISE_SECONDS: '1',
  };
}

/** Starts `backend/src/worker.ts` (what `npm run worker` runs), or another worker script, and resolves once it says it is running. */
export function startWorkerProcess(env: NodeJS.ProcessEnv, script = 'backend/src/worker.ts'): Promise<ChildProcess> {
  // One process (node with tsx's loader), so a signal reaches the worker itself, not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker is running')) resolve(child);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before starting:\n${output}`)));
  });
}

export async function stopProcess(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}
