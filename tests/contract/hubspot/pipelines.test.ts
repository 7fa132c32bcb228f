import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { call, contract, expectShape, failure, fixture, installApp, type Installed } from './support/contract.js';

let app: Installed;
beforeAll(async () => {
  // Professional: a Starter portal allows 2 pipelines and few currencies; these tests make more.
  app = await installApp(undefined, { tier: 'professional' });
});
afterAll(async () => {
  await app.sandbox.close();
});

const stages = [
  { label: 'Open', displayOrder: 0, metadata: { probability: '0.5' } },
  { label: 'Won', displayOrder: 1, metadata: { probability: '1.0' } },
];
const pipelines = () => app.client.crm.pipelines;
let counter = 0;
const createPipeline = async () => {
  counter += 1;
  return pipelines().pipelinesApi.create('deals', { label: `Pipeline ${counter}`, displayOrder: counter, stages });
};

describe('HubSpot pipelines v3 contract', () => {
  contract('GET /crm/v3/pipelines/:objectType', 'lists deal pipelines with their stages', async () => {
    const raw = await call(app.client, 'GET', '/crm/v3/pipelines/deals');
    expectShape((raw.body['results'] as unknown[])[0], fixture('pipeline'));
    const typed = await pipelines().pipelinesApi.getAll('deals');
    expect(typed.results[0]?.id).toBe('default');
  });

  contract('POST /crm/v3/pipelines/:objectType', 'creates (201); a probability outside 0.0–1.0 is 400', async () => {
    const created = await createPipeline();
    expect(created.stages.map((s) => s.metadata?.['probability'])).toEqual(['0.5', '1.0']);
    const bad = await call(app.client, 'POST', '/crm/v3/pipelines/deals', {
      label: 'Bad',
      displayOrder: 9,
      stages: [{ label: 'S', displayOrder: 0, metadata: { probability: '1.5' } }],
    });
    expect(bad.status).toBe(400);
    expectShape(bad.body, fixture('error-envelope'));
  });

  contract('GET /crm/v3/pipelines/:objectType/:pipelineId', 'reads one pipeline; unknown is 404', async () => {
    expect((await pipelines().pipelinesApi.getById('deals', 'default')).label).toBe('Sales Pipeline');
    expect((await failure(pipelines().pipelinesApi.getById('deals', '1'))).code).toBe(404);
  });

  contract('PUT /crm/v3/pipelines/:objectType/:pipelineId', 'replaces label and stages', async () => {
    const created = await createPipeline();
    const replaced = await pipelines().pipelinesApi.replace('deals', created.id, {
      label: 'Replaced',
      displayOrder: 5,
      stages: [{ label: 'Only', displayOrder: 0, metadata: { probability: '0.1' } }],
    });
    expect(replaced.stages.map((s) => s.label)).toEqual(['Only']);
  });

  contract('PATCH /crm/v3/pipelines/:objectType/:pipelineId', 'updates the label', async () => {
    const created = await createPipeline();
    expect((await pipelines().pipelinesApi.update('deals', created.id, { label: 'Renamed' })).label).toBe('Renamed');
  });

  contract('DELETE /crm/v3/pipelines/:objectType/:pipelineId', 'archives (204)', async () => {
    const created = await createPipeline();
    await pipelines().pipelinesApi.archive('deals', created.id);
    expect((await failure(pipelines().pipelinesApi.getById('deals', created.id))).code).toBe(404);
  });

  contract('GET /crm/v3/pipelines/:objectType/:pipelineId/stages', 'lists stages in order', async () => {
    const typed = await pipelines().pipelineStagesApi.getAll('deals', 'default');
    expect(typed.results[0]?.id).toBe('appointmentscheduled');
  });

  contract(
    'POST /crm/v3/pipelines/:objectType/:pipelineId/stages',
    'adds a stage (201); missing probability is 400',
    async () => {
      const created = await createPipeline();
      const stage = await pipelines().pipelineStagesApi.create('deals', created.id, {
        label: 'Later',
        displayOrder: 2,
        metadata: { probability: '0.7' },
      });
      expect(stage.metadata?.['probability']).toBe('0.7');
      const bad = await call(app.client, 'POST', `/crm/v3/pipelines/deals/${created.id}/stages`, {
        label: 'No probability',
        displayOrder: 3,
        metadata: {},
      });
      expect(bad.status).toBe(400);
    },
  );

  contract('GET /crm/v3/pipelines/:objectType/:pipelineId/stages/:stageId', 'reads a stage', async () => {
    const stage = await pipelines().pipelineStagesApi.getById('deals', 'default', 'closedwon');
    expect(stage.metadata?.['isClosed']).toBe('true');
  });

  contract('PUT /crm/v3/pipelines/:objectType/:pipelineId/stages/:stageId', 'replaces a stage', async () => {
    const created = await createPipeline();
    const stageId = created.stages[0]?.id ?? '';
    const stage = await pipelines().pipelineStagesApi.replace('deals', created.id, stageId, {
      label: 'Reworked',
      displayOrder: 0,
      metadata: { probability: '0.4' },
    });
    expect(stage.label).toBe('Reworked');
  });

  contract('PATCH /crm/v3/pipelines/:objectType/:pipelineId/stages/:stageId', 'updates a stage label', async () => {
    const created = await createPipeline();
    const stageId = created.stages[0]?.id ?? '';
    expect(
      (await pipelines().pipelineStagesApi.update('deals', created.id, stageId, { label: 'Renamed stage' })).label,
    ).toBe('Renamed stage');
  });

  contract(
    'DELETE /crm/v3/pipelines/:objectType/:pipelineId/stages/:stageId',
    'archives an empty stage (204)',
    async () => {
      const created = await createPipeline();
      const stageId = created.stages[0]?.id ?? '';
      await pipelines().pipelineStagesApi.archive('deals', created.id, stageId);
      expect((await failure(pipelines().pipelineStagesApi.getById('deals', created.id, stageId))).code).toBe(404);
    },
  );
});
