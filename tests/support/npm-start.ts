import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

/** Every variable that makes a configuration real, removed: what a fresh clone without `.env` has. */
const REAL_SETTINGS = [
  'DATABASE_URL',
  'HUBSPOT_CLIENT_ID',
  'HUBSPOT_CLIENT_SECRET',
  'PIPEDRIVE_CLIENT_ID',
  'PIPEDRIVE_CLIENT_SECRET',
  'PUBLIC_API_ORIGIN',
  'TOKEN_ENCRYPTION_KEY',
  'DEMO',
  'NODE_ENV',
];

/** A fresh clone's environment with its data in `dataDir`: no real setting but those `extra` sets. */
export function bareEnv(dataDir: string, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...extra };
  for (const name of REAL_SETTINGS) if (!(name in extra)) delete env[name];
  return env;
}

/** `npm start`'s command (package.json), run directly so the test owns the process. */
export const npmStart = (env: NodeJS.ProcessEnv): ChildProcess =>
  spawn(join('node_modules', '.bin', 'tsx'), ['backend/src/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });

/** Stops `child` if it still runs (and waits for it), then removes its data folder. */
export async function stopAndRemove(child: ChildProcess | undefined, dataDir: string): Promise<void> {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}
