import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import type { SetupSelection } from '../../backend/src/transfer/setup/setup-selection-shape.js';
import { SetupResponse, SetupReview } from '../../shared/src/contracts/index.js';
import { type AuditHarness, FINISHED, startAuditHarness } from '../support/audit-harness.js';
import { pauseSetupAfter, readSetup } from '../support/setup-pause.js';
import { scenarioSelection } from '../support/setup-scenario.js';
import { waitFor } from '../support/wait-for.js';

/** A Starter portal (2 deal pipelines, the default one in use) and a Pipedrive account with 3 pipelines. */
const PORTAL = 5353;
let harness: AuditHarness;
/** Repeats the first pipeline right after it: HubSpot takes a pipeline name once, so the repeat fails. */
let repeatFirstPipeline = false;

/** The labels of the deal pipelines HubSpot has, sorted (the sandbox's inspection reads HubSpot's own state). */
async function hubspotPipelines(): Promise<string[]> {
  const state = (await harness.hubspotControl('GET', `/portals/${PORTAL}/state`)) as {
    pipelines: { deals: { label: string }[] };
  };
  return state.pipelines.deals.map((pipeline) => pipeline.label).sort();
}

async function review(): Promise<SetupReview> {
  const res = await harness.api('GET', '/api/v1/setup/review?source=pipedrive');
  expect(res.status).toBe(200);
  return SetupReview.parse(res.body);
}

const setup = (id: string) => readSetup(harness, id);

async function startSetup(): Promise<string> {
  const started = await harness.api('POST', '/api/v1/setup', { source: 'pipedrive' });
  expect(started.status).toBe(202);
  return SetupResponse.parse(started.body).id;
}

const finished = (id: string) =>
  waitFor(
    () => setup(id),
    (s) => FINISHED.includes(s.job.status),
    120_000,
    'the setup to finish',
  );

/** The tiles count what the review listed, outcome for outcome. */
function expectTilesToMatch(done: SetupResponse, reviewed: SetupReview): void {
  expect(done.summary).toEqual({
    created: reviewed.totals.create,
    reused: reviewed.totals.reuse,
    failed: reviewed.totals.fail,
    skipped: reviewed.totals.skip,
  });
}

function selectionFor(selection: SetupSelection): SetupSelection {
  const [first, ...rest] = selection.pipelines;
  if (!repeatFirstPipeline || !first) return selection;
  return {
    ...selection,
    pipelines: [first, { ...first, sourcePipelineId: `${first.sourcePipelineId}-again` }, ...rest],
  };
}

beforeAll(async () => {
  harness = await startAuditHarness({
    portalId: PORTAL,
    pipedrive: { dataset: { records: 60, seed: 5 } },
    ownerEmails: () => ['admin@sandbox.example'],
    setupSelection: (plan) => selectionFor(scenarioSelection(plan)),
  });
  expect((await harness.runAudit()).job.status).toBe('COMPLETE');
}, 120_000);
afterAll(async () => {
  await harness.close();
});

describe("setup within the portal's tier", () => {
  it('reviews the pipelines the tier has no room for as failing with the reason, creates the others, logs the rest', async () => {
    const reviewed = await review();
    const pipelines = reviewed.objects.flatMap((object) => object.items).filter((item) => item.itemType === 'pipeline');
    expect(pipelines.map((item) => [item.label, item.outcome])).toEqual([
      ['Sales', 'create'],
      ['Enterprise', 'fail'],
      ['Partnerships 🤝', 'fail'],
    ]);
    for (const item of pipelines.slice(1)) {
      expect(item.reason).toMatch(/allows 2 deal pipelines/);
      expect(item.reason).toMatch(/Upgrade the HubSpot subscription .* or deselect this pipeline/);
    }

    const id = await startSetup();
    const done = await finished(id);
    expect(done.job.status).toBe('COMPLETE');
    // Never half-created: HubSpot has the default pipeline and the one there was room for.
    expect(await hubspotPipelines()).toEqual(['Sales', 'Sales Pipeline']);
    expectTilesToMatch(done, reviewed);

    const link = await harness.api('POST', `/api/v1/transfers/${id}/errors/export-link`);
    expect(link.status).toBe(201);
    const csv = await request(harness.app)
      .get(new URL((link.body as { url: string }).url).pathname)
      .expect(200);
    const rows = parse(csv.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    const limited = rows.filter((row) => row['HubSpot category'] === 'LIMIT_REACHED');
    expect(limited.map((row) => row['Item'])).toEqual(['Enterprise', 'Partnerships 🤝']);
    for (const row of limited) {
      expect(row['Message']).toMatch(/allows 2 deal pipelines/);
      expect(row['Hint']).toMatch(/Upgrade .* or deselect/);
    }
    expect(rows).toHaveLength(done.summary.failed);
  }, 180_000);

  it('counts each reviewed item once across a pause, failures before the pause included', async () => {
    // Room for every pipeline now; the repeated first pipeline fails (a clash) before the others are created.
    await harness.hubspotControl('PATCH', `/portals/${PORTAL}`, { tier: 'professional' });
    repeatFirstPipeline = true;
    const reviewed = await review();
    expect(reviewed.totals.fail).toBe(1);
    // Slow pipeline creates keep the run in its pipelines task long enough to pause it after the clash.
    await harness.hubspotControl('POST', '/faults/targeted', {
      method: 'POST',
      path: '/crm/v3/pipelines/:objectType',
      times: 'always',
      delayMs: 1_500,
    });
    const id = await startSetup();
    const paused = await pauseSetupAfter(harness, id, 'pipelines', 'failed', 'the repeated pipeline to fail');
    expect(paused.tasks.find((task) => task.object === 'pipelines')?.status).not.toBe('done');
    await harness.hubspotControl('DELETE', '/faults/targeted');
    expect((await harness.api('POST', `/api/v1/jobs/${id}/resume`)).status).toBe(200);
    const done = await finished(id);
    expect(done.job.status).toBe('COMPLETE');
    expect(await hubspotPipelines()).toEqual(['Enterprise', 'Partnerships 🤝', 'Sales', 'Sales Pipeline']);
    expectTilesToMatch(done, reviewed);
  }, 180_000);
});
