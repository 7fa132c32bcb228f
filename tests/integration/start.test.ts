import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from '@jest/globals';
import { freePort } from '../../backend/src/db/embedded-server.js';

const dataDir = join(tmpdir(), `jest-start-${process.pid}-${Date.now()}`);
let child: ChildProcess | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Resolves with everything printed once `marker` appears on stdout; rejects if the process exits first. */
function waitForOutput(process: ChildProcess, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    process.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(marker)) resolve(output);
    });
    process.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    process.once('exit', (code) => reject(new Error(`exited with ${code} before "${marker}":\n${output}`)));
  });
}

it('npm start (demo mode, its own Postgres) answers /healthz', async () => {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  for (const name of ['DATABASE_URL', 'HUBSPOT_CLIENT_ID', 'HUBSPOT_CLIENT_SECRET', 'PUBLIC_API_ORIGIN', 'TOKEN_ENCRYPTION_KEY']) delete env[name];
  child = spawn(join('node_modules', '.bin', 'tsx'), ['backend/src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = await waitForOutput(child, 'Health:');
  expect(output).toContain('demo mode');
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
}, 60_000);
