/**
 * Deal closing as HubSpot does it (issue 12, item 7): `autoCloseDateEnabled` sets `closedate` when a
 * deal enters a closed stage; `isClosed` is the stage's own metadata; any probability 0.0–1.0, with a
 * per-portal switch for the older 0.1 steps. Sources in sandbox/hubspot/pipelines/store.ts and
 * objects/rules.ts.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { Express } from 'express';
import request from 'supertest';
import { createHubSpotSandbox } from '../../../sandbox/hubspot/index.js';
import { authed, install } from './support/install.js';

const NOW = '2026-03-01T12:00:00.000Z';
let app: Express;
let api: ReturnType<typeof authed>;

beforeEach(async () => {
  ({ app } = createHubSpotSandbox({ now: () => Date.parse(NOW) }));
  api = authed(app, (await install(app)).access_token);
});

const stages = [
  { label: 'Open', displayOrder: 0, metadata: { probability: '0.25' } },
  { label: 'Signed', displayOrder: 1, metadata: { probability: '0.8', isClosed: 'true' } },
  { label: 'Won', displayOrder: 2, metadata: { probability: '1.0' } },
];

async function pipeline(autoCloseDateEnabled?: boolean) {
  const res = await api('post', '/crm/v3/pipelines/deals', {
    label: 'Migrated',
    displayOrder: 1,
    stages,
    ...(autoCloseDateEnabled === undefined ? {} : { autoCloseDateEnabled }),
  }).expect(201);
  const idOf = (label: string): string => res.body.stages.find((s: { label: string }) => s.label === label).id;
  return {
    id: res.body.id as string,
    autoCloseDateEnabled: res.body.autoCloseDateEnabled as boolean,
    open: idOf('Open'),
    signed: idOf('Signed'),
    won: idOf('Won'),
  };
}

describe('deal closing (item 7)', () => {
  it('keeps isClosed as given, independent of the probability, and accepts probabilities off the 0.1 steps', async () => {
    const created = await pipeline();
    const read = await api('get', `/crm/v3/pipelines/deals/${created.id}`).expect(200);
    expect(read.body.stages.map((s: { metadata: Record<string, string> }) => s.metadata)).toEqual([
      { probability: '0.25', isClosed: 'false' },
      { probability: '0.8', isClosed: 'true' },
      { probability: '1.0', isClosed: 'false' },
    ]);
    const deal = await api('post', '/crm/v3/objects/deals', {
      properties: { dealname: 'D', pipeline: created.id, dealstage: created.won },
    }).expect(201);
    expect(deal.body.properties).toMatchObject({ hs_is_closed: 'false', hs_deal_stage_probability: '1.0' });
  });

  it('refuses probabilities off the 0.1 steps when the portal switch is on', async () => {
    await request(app).patch('/_sandbox/portals/12345678').send({ probabilityInTenths: true }).expect(200);
    const refused = await api('post', '/crm/v3/pipelines/deals', { label: 'Steps', displayOrder: 1, stages }).expect(
      400,
    );
    expect(refused.body.message).toBe(
      'Deal stage probability must be a number between 0.0 and 1.0 in increments of 0.1; got 0.25',
    );
  });

  it('sets closedate to now when a deal moves into a closed stage of a pipeline with autoCloseDateEnabled', async () => {
    const created = await pipeline();
    expect(created.autoCloseDateEnabled).toBe(true);
    const deal = await api('post', '/crm/v3/objects/deals', {
      properties: { dealname: 'D', pipeline: created.id, dealstage: created.open, closedate: '2024-05-01T00:00:00Z' },
    }).expect(201);
    const moved = await api('patch', `/crm/v3/objects/deals/${deal.body.id}`, {
      properties: { dealstage: created.signed },
    }).expect(200);
    expect(moved.body.properties.closedate).toBe(NOW);
    const createdClosed = await api('post', '/crm/v3/objects/deals', {
      properties: { dealname: 'E', dealstage: 'closedwon' },
    }).expect(201);
    expect(createdClosed.body.properties.closedate).toBe(NOW);
  });

  it('keeps a closedate sent in the same write, and leaves closedate alone when the pipeline has autoCloseDateEnabled off', async () => {
    const on = await pipeline();
    const kept = await api('post', '/crm/v3/objects/deals', {
      properties: { dealname: 'D', pipeline: on.id, dealstage: on.signed, closedate: '2023-06-15T14:30:00Z' },
    }).expect(201);
    expect(kept.body.properties.closedate).toBe('2023-06-15T14:30:00.000Z');
    await api('patch', `/crm/v3/pipelines/deals/${on.id}`, { autoCloseDateEnabled: false }).expect(200);
    const off = await api('post', '/crm/v3/objects/deals', {
      properties: { dealname: 'E', pipeline: on.id, dealstage: on.signed },
    }).expect(201);
    expect(off.body.properties.closedate).toBeNull();
  });
});
