import type { ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from '@jest/globals';
import { freePort } from '../../backend/src/db/embedded-server.js';
import { bareEnv, npmStart, stopAndRemove } from '../support/npm-start.js';

const dataDir = join(tmpdir(), `jest-start-${process.pid}-${Date.now()}`);
let child: ChildProcess | undefined;

afterAll(() => stopAndRemove(child, dataDir));

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

/** The exit code and everything printed by a process expected to stop by itself. */
function exitOf(process: ChildProcess): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    process.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    process.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    process.once('exit', (code) => resolve({ code, output }));
  });
}

it('npm start with DATABASE_URL but no HubSpot secret exits non-zero naming the missing variables (no silent demo mode)', async () => {
  const partial = npmStart(
    bareEnv(dataDir, { DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none', HUBSPOT_CLIENT_ID: 'id', PORT: '0' }),
  );
  const { code, output } = await exitOf(partial);
  expect(code).not.toBe(0);
  for (const name of ['HUBSPOT_CLIENT_SECRET', 'PIPEDRIVE_CLIENT_ID', 'PIPEDRIVE_CLIENT_SECRET'])
    expect(output).toContain(name);
  expect(output).not.toContain('HUBSPOT_CLIENT_ID:');
  expect(output).not.toContain('running in demo mode');
}, 30_000);

it('npm start with nothing real configured runs the demo (its own Postgres), prints the preview, answers /healthz without X-Powered-By', async () => {
  const port = await freePort();
  child = npmStart(bareEnv(dataDir, { PORT: String(port) }));
  const output = await waitForOutput(child, 'Health:');
  expect(output).toContain('demo mode');
  expect(output).toContain(`Preview: http://localhost:${port}/preview/settings`);
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(res.status).toBe(200);
  expect(res.headers.get('x-powered-by')).toBeNull();
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  const preview = await fetch(`http://127.0.0.1:${port}/preview/home`);
  expect(preview.headers.get('x-powered-by')).toBeNull();
  expect(preview.headers.get('x-frame-options')).toBe('DENY');
  const missingAsset = await fetch(`http://127.0.0.1:${port}/preview/assets/nothing-here.js`);
  expect(missingAsset.status).toBe(404);
  const body = await missingAsset.text();
  expect(body).not.toMatch(/at .*\(|\/work\/|node_modules/);
}, 90_000);
