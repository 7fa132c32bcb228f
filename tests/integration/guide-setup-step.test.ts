import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jobsRepository } from '../../backend/src/db/repositories/jobs.repository.js';
import { GuideResponse } from '../../shared/src/contracts/index.js';
import { type AuditHarness, startAuditHarness } from '../support/audit-harness.js';

let harness: AuditHarness;

beforeAll(async () => {
  harness = await startAuditHarness({ portalId: 4712, pipedrive: { dataset: { records: 200, seed: 3 } } });
}, 60_000);
afterAll(async () => {
  await harness.close();
});

const steps = async () => {
  const guide = GuideResponse.parse((await harness.api('GET', '/api/v1/guide')).body);
  const of = (id: string) => guide.steps.find((step) => step.id === id);
  return { configure: of('configure'), sync: of('sync') };
};

describe('User guide: Prepare HubSpot follows the latest setup transfer', () => {
  it('opens after a complete audit, shows the setup running, and lets Sync records wait until it is complete', async () => {
    const audit = await harness.runAudit();
    expect(audit.job.status).toBe('COMPLETE');
    expect((await steps()).configure?.state).toBe('available');
    expect((await steps()).sync).toMatchObject({ state: 'locked', reason: 'Prepare HubSpot first.' });

    // The setup transfer's job, as the setup service creates and moves it.
    const setup = await jobsRepository.create(harness.db.pool, {
      portalId: harness.portalId,
      connectionId: audit.job.connectionId,
      kind: 'setup',
      createdByUserId: 1,
    });
    expect((await steps()).configure?.state).toBe('in_progress');
    await jobsRepository.transition(harness.db.pool, setup.id, 'PROCESSING');
    await jobsRepository.transition(harness.db.pool, setup.id, 'FAILED', 'HubSpot refused');
    expect((await steps()).configure).toMatchObject({
      state: 'needs_attention',
      reason: 'The last setup failed. Run it again.',
    });
    expect((await steps()).sync?.reason).toBe('Prepare HubSpot first.');

    const again = await jobsRepository.create(harness.db.pool, {
      portalId: harness.portalId,
      connectionId: audit.job.connectionId,
      kind: 'setup',
      createdByUserId: 1,
    });
    await jobsRepository.transition(harness.db.pool, again.id, 'PROCESSING');
    await jobsRepository.transition(harness.db.pool, again.id, 'COMPLETE');
    const done = await steps();
    expect(done.configure?.state).toBe('complete');
    expect(done.sync?.state).toBe('available');
  });
});
