import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConnectionResponse, Job } from '../../shared/src/contracts/index.js';
import { type AuditHarness, FINISHED, startAuditHarness } from '../support/audit-harness.js';
import { waitFor } from '../support/wait-for.js';

let harness: AuditHarness;

beforeAll(async () => {
  harness = await startAuditHarness({
    portalId: 4711,
    pipedrive: { dataset: { records: 20_000, seed: 5 } },
    retryPolicy: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 20 },
  });
}, 60_000);
afterAll(async () => {
  await harness.close();
});

/** Every persons page takes a while, so the audit is still running when the test acts on it. */
const slowPersons = () =>
  harness.pipedriveControl('POST', '/faults/targeted', {
    method: 'GET',
    path: '/api/v2/persons',
    times: 'always',
    delayMs: 250,
  });
const clearFaults = () => harness.pipedriveControl('DELETE', '/faults/targeted');
const jobAction = async (id: string, action: string) => harness.api('POST', `/api/v1/jobs/${id}/${action}`);
const personsRow = async (id: string) =>
  (await harness.audit(id)).result?.objects.find((row) => row.key === 'persons')?.records;

describe('pausing, resuming and canceling an audit', () => {
  it('pauses at a checkpoint, then resumes and finishes with the same counts as an uninterrupted audit', async () => {
    await slowPersons();
    const started = await harness.startAudit();
    await harness.untilAudit(
      started.id,
      (audit) => audit.job.status === 'PROCESSING' && audit.job.progress.done > 0,
      'counting to start',
    );
    const paused = await jobAction(started.id, 'pause');
    expect(paused.status).toBe(200);
    expect(Job.parse(paused.body).status).toBe('PAUSED');
    const whilePaused = await harness.audit(started.id);
    expect(whilePaused.result).toBeNull();
    await clearFaults();
    expect((await jobAction(started.id, 'resume')).status).toBe(200);
    const resumed = await harness.untilAudit(
      started.id,
      (audit) => FINISHED.includes(audit.job.status),
      'the resumed audit to finish',
    );
    expect(resumed.job.status).toBe('COMPLETE');
    expect(await personsRow(started.id)).toBe([...harness.pipedrive.state.records.person.liveRecords()].length);
  });

  it('cancels a running audit for good', async () => {
    await slowPersons();
    const started = await harness.startAudit();
    await harness.untilAudit(started.id, (audit) => audit.job.status === 'PROCESSING', 'the audit to start');
    const canceled = await jobAction(started.id, 'cancel');
    expect(Job.parse(canceled.body).status).toBe('CANCELED');
    expect((await jobAction(started.id, 'resume')).body.error.code).toBe('job_state_conflict');
    await clearFaults();
    const after = await harness.audit(started.id);
    expect(after.job.status).toBe('CANCELED');
    expect(after.result).toBeNull();
  });
});

describe('when Pipedrive fails during an audit', () => {
  it('a 5xx that persists ends as FAILED with a reason, after RETRYING', async () => {
    await harness.pipedriveControl('POST', '/faults/targeted', {
      method: 'GET',
      path: '/api/v2/products',
      times: 'always',
      respond: { status: 503 },
    });
    const started = await harness.startAudit();
    const seen = new Set<string>();
    const failed = await waitFor(
      async () => {
        const audit = await harness.audit(started.id);
        seen.add(audit.job.status);
        return audit;
      },
      (audit) => FINISHED.includes(audit.job.status),
      60_000,
      'the audit to give up',
    );
    await clearFaults();
    expect(seen.has('RETRYING')).toBe(true);
    expect(failed.job.status).toBe('FAILED');
    expect(failed.job.statusReason).toBe('Pipedrive is not responding right now. We keep retrying for a while.');
  });

  it('a spent daily budget leaves the audit RETRYING with the reason, waiting for the reset', async () => {
    await harness.pipedriveControl('PATCH', '/settings', { dailyBudgetOverride: 0 });
    const started = await harness.startAudit();
    const waiting = await harness.untilAudit(
      started.id,
      (audit) => audit.job.status === 'RETRYING',
      'the audit to wait for the budget',
    );
    expect(waiting.job.statusReason).toBe(
      "Pipedrive's daily API budget for your account is used up. This continues automatically when it resets.",
    );
    await harness.pipedriveControl('PATCH', '/settings', { dailyBudgetOverride: null });
    await harness.pipedriveControl('POST', '/limits/reset');
    expect(Job.parse((await jobAction(started.id, 'cancel')).body).status).toBe('CANCELED');
  });

  it('a revoked grant (401) fails the audit with a reason and marks the connection "reconnect needed"', async () => {
    await harness.pipedriveControl('POST', '/faults/targeted', {
      method: 'GET',
      path: '/api/v2/*',
      times: 'always',
      respond: { status: 401 },
    });
    const started = await harness.startAudit();
    const failed = await harness.untilAudit(
      started.id,
      (audit) => FINISHED.includes(audit.job.status),
      'the audit to fail',
    );
    await clearFaults();
    expect(failed.job.status).toBe('FAILED');
    expect(failed.job.statusReason).toBe(
      "Pipedrive no longer accepts Smart Transfer's access. Reconnect Pipedrive, then run it again.",
    );
    const connection = ConnectionResponse.parse((await harness.api('GET', '/api/v1/connections/pipedrive')).body);
    expect(connection.status).toBe('reconnect_needed');
    const guide = (await harness.api('GET', '/api/v1/guide')).body as { steps: { id: string; state: string }[] };
    expect(guide.steps.find((step) => step.id === 'connect')?.state).toBe('needs_attention');
    const refused = await harness.api('POST', '/api/v1/audits', { source: 'pipedrive' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('reconnect_needed');
  });
});

describe('bad audit requests', () => {
  it('answers clear 4xx errors and starts nothing', async () => {
    const before = await harness.db.pool.query('SELECT count(*)::int AS n FROM jobs');
    const malformed = await harness.api('POST', '/api/v1/audits', { source: 'pipedrive', portalId: 1 });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'invalid_request']);
    const unknownSource = await harness.api('POST', '/api/v1/audits', { source: 'excel' });
    expect([unknownSource.status, unknownSource.body.error.code]).toEqual([400, 'invalid_request']);
    const badId = await harness.api('GET', '/api/v1/audits/not-a-uuid');
    expect([badId.status, badId.body.error.code]).toEqual([400, 'invalid_request']);
    const unknownId = await harness.api('GET', '/api/v1/audits/00000000-0000-4000-8000-000000000000');
    expect([unknownId.status, unknownId.body.error.code]).toEqual([404, 'job_not_found']);
    const after = await harness.db.pool.query('SELECT count(*)::int AS n FROM jobs');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it("never shows one portal's audit to another", async () => {
    const { rows } = await harness.db.pool.query<{ id: string }>('SELECT id FROM jobs LIMIT 1');
    const id = rows[0]?.id as string;
    await harness.db.pool.query(`INSERT INTO portals (id, status) VALUES (9999, 'installed') ON CONFLICT DO NOTHING`);
    for (const path of [`/api/v1/audits/${id}`, `/api/v1/audits/${id}/comparison`]) {
      const res = await harness.api('GET', path, undefined, 9999);
      expect([res.status, res.body.error.code]).toEqual([404, 'job_not_found']);
    }
    const action = await harness.api('POST', `/api/v1/jobs/${id}/cancel`, undefined, 9999);
    expect(action.status).toBe(404);
    const link = await harness.api('POST', `/api/v1/audits/${id}/export-link`, undefined, 9999);
    expect(link.status).toBe(404);
    const notConnected = await harness.api('POST', '/api/v1/audits', { source: 'pipedrive' }, 9999);
    expect([notConnected.status, notConnected.body.error.code]).toEqual([409, 'not_connected']);
  });
});
