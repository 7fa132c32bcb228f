import type { ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { freePort } from '../../backend/src/db/embedded-server.js';
import { bareEnv, npmStart, stopAndRemove } from '../support/npm-start.js';

/**
 * `npm start` in demo mode runs the whole job on the demo account (a small one here: DEMO_RECORDS),
 * prints a summary that matches what the HubSpot sandbox holds, keeps serving, and "Start over" resets
 * the demo portal and the connection.
 */
const dataDir = join(tmpdir(), `jest-start-demo-${process.pid}-${Date.now()}`);
const DEMO_PORTAL_ID = 12345678;
let child: ChildProcess;
let port: number;
let output = '';

function untilPrinted(marker: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${marker}" within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = () => {
      if (!output.includes(marker)) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolve();
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before "${marker}":\n${output}`)));
    check();
  });
}

beforeAll(async () => {
  port = await freePort();
  child = npmStart(bareEnv(dataDir, { PORT: String(port), DEMO_RECORDS: '250' }));
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await untilPrinted('Still serving', 150_000);
}, 160_000);

afterAll(() => stopAndRemove(child, dataDir));

interface CrmRecord {
  properties: Record<string, string>;
  archived: boolean;
}
const hubspotBase = () => /HubSpot sandbox:\s+(\S+)/.exec(output)?.[1] ?? '';
async function demoPortal(): Promise<{ records: Record<string, CrmRecord[]> }> {
  const res = await fetch(`${hubspotBase()}/_sandbox/portals/${DEMO_PORTAL_ID}/state`);
  return (await res.json()) as { records: Record<string, CrmRecord[]> };
}
const live = (records: CrmRecord[] | undefined) => (records ?? []).filter((record) => !record.archived);

/** The summary's row for an object: created, updated, skipped, failed. */
function summaryRow(object: string): number[] {
  const line = output.split('\n').find((candidate) => candidate.trim().startsWith(`${object} `));
  if (!line) throw new Error(`no summary line for ${object}:\n${output}`);
  return line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map((value) => Number(value.replace(/,/g, '')));
}

/** A signed call through the preview's HubSpot fetch proxy, as the app's pages make it. */
async function viaPreview(path: string) {
  const res = await fetch(`http://127.0.0.1:${port}/preview/api/fetch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ requestUri: `https://api.smart-transfer.example${path}`, method: 'GET' }),
  });
  return (await res.json()) as { status: string; context: { appServerStatusCode?: [string] }; responseBody?: unknown };
}

it('runs connect → audit → setup → sync by itself, prints progress and a summary that matches the HubSpot sandbox', async () => {
  expect(output).toContain('demo mode');
  for (const step of ['Connecting Pipedrive', 'Auditing', 'Preparing HubSpot', 'Syncing records'])
    expect(output).toContain(step);
  // Not a terminal: plain progress lines, no carriage returns.
  expect(output).toMatch(/sync: [\d,]+ \/ [\d,]+ records \(100 %\)/);
  expect(output).not.toContain('\r');
  expect(output).toContain('The demo transfer is done');
  expect(output).toMatch(/Associations: [1-9][\d,]* created/);
  expect(output).toMatch(/Errors: [\d,]+/);
  expect(output).toContain(`Preview: http://localhost:${port}/preview/home`);

  const portal = await demoPortal();
  const rows = { organizations: 'companies', persons: 'contacts', deals: 'deals' };
  for (const [row, object] of Object.entries(rows)) {
    const [created = 0, updated = 0] = summaryRow(row);
    expect(created).toBeGreaterThan(0);
    const inHubSpot = live(portal.records[object]);
    expect(inHubSpot).toHaveLength(created + updated);
    // Every one carries the Pipedrive id it came from (setup's lineage property).
    for (const record of inHubSpot)
      expect(Object.keys(record.properties).some((name) => name.endsWith('__record_id'))).toBe(true);
  }
  const sync = await viaPreview('/api/v1/sync?source=pipedrive');
  expect(sync.status).toBe('success');
  expect((sync.responseBody as { job: { status: string } }).job.status).toBe('COMPLETE');
}, 60_000);

it('keeps serving, and Start over (JSON from this machine only) empties the demo portal and disconnects Pipedrive', async () => {
  const url = `http://127.0.0.1:${port}/demo/start-over`;
  const notJson = await fetch(url, { method: 'POST', body: 'x=1', headers: { 'content-type': 'text/plain' } });
  expect(notJson.status).toBe(415);
  expect(live((await demoPortal()).records['companies']).length).toBeGreaterThan(0);

  const page = await (await fetch(`http://127.0.0.1:${port}/preview/settings`)).text();
  expect(page).toContain('"startOverUrl":"/demo/start-over"');

  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(res.status).toBe(200);
  const portal = await demoPortal();
  for (const object of ['companies', 'contacts', 'deals']) expect(live(portal.records[object])).toEqual([]);
  // The app is installed again (signed calls work) but Pipedrive is no longer connected: walk it yourself.
  const sync = await viaPreview('/api/v1/sync?source=pipedrive');
  expect(sync.context.appServerStatusCode?.[0]).toBe('409');
  expect(JSON.stringify(sync.responseBody)).toContain('not_connected');
}, 60_000);
