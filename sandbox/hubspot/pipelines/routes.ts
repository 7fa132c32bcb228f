/** Pipelines v3 for deals: /crm/v3/pipelines/deals[/{pipelineId}[/stages[/{stageId}]]]. */
import type { Express } from 'express';
import { conflict, validationError } from '../errors.js';
import { arrayField, booleanField, isRecord, type Json, numberField, requireFields, stringField } from '../input.js';
import { objectTypeOf } from '../object-types.js';
import type { Portal } from '../portal.js';
import { portalOf } from '../request-context.js';
import { type Pipeline, type PipelineStore, type StageInput, stageMetadata } from './store.js';

/** The sandbox keeps deal pipelines only (tickets and custom objects are not emulated). */
function dealPipelines(portal: Portal, rawType: string): PipelineStore {
  const type = objectTypeOf(rawType);
  if (type.name !== 'deals')
    throw validationError(`Pipelines are not supported for object type ${type.name} in this sandbox`);
  return portal.pipelines;
}

function stageInput(store: PipelineStore, raw: unknown): StageInput {
  const body = requireFields(raw, 'PipelineStageInput', ['label', 'displayOrder', 'metadata']);
  return {
    label: stringField(body, 'label') ?? '',
    displayOrder: numberField(body, 'displayOrder') ?? 0,
    metadata: stageMetadata(body['metadata'], store.inTenths()),
  };
}

function pipelineInput(
  store: PipelineStore,
  raw: unknown,
): { label: string; displayOrder: number; stages: StageInput[]; autoCloseDateEnabled?: boolean } {
  const body = requireFields(raw, 'PipelineInput', ['label', 'displayOrder', 'stages']);
  const autoCloseDateEnabled = booleanField(body, 'autoCloseDateEnabled');
  return {
    label: stringField(body, 'label') ?? '',
    displayOrder: numberField(body, 'displayOrder') ?? 0,
    stages: (arrayField(body, 'stages') ?? []).map((stage) => stageInput(store, stage)),
    ...(autoCloseDateEnabled !== undefined ? { autoCloseDateEnabled } : {}),
  };
}

function present(store: PipelineStore, pipeline: Pipeline): Pipeline {
  return { ...pipeline, stages: store.liveStages(pipeline) };
}

function dealsIn(portal: Portal, pipeline: Pipeline, stageId?: string): number {
  const deals = portal.records.live(objectTypeOf('deals'));
  return deals.filter(
    (d) => d.properties['pipeline'] === pipeline.id && (stageId === undefined || d.properties['dealstage'] === stageId),
  ).length;
}

export function registerPipelineRoutes(app: Express, now: () => string): void {
  const base = '/crm/v3/pipelines/:objectType';

  app.get(base, (req, res) => {
    const store = dealPipelines(portalOf(res), req.params.objectType);
    res.json({ results: store.list().map((p) => present(store, p)) });
  });

  app.post(base, (req, res) => {
    const store = dealPipelines(portalOf(res), req.params.objectType);
    res.status(201).json(present(store, store.create(pipelineInput(store, req.body), now())));
  });

  app.get(`${base}/:pipelineId`, (req, res) => {
    const store = dealPipelines(portalOf(res), req.params.objectType);
    res.json(present(store, store.get(req.params.pipelineId)));
  });

  app.put(`${base}/:pipelineId`, (req, res) => {
    const store = dealPipelines(portalOf(res), req.params.objectType);
    const pipeline = store.get(req.params.pipelineId);
    const input = pipelineInput(store, req.body);
    const { stages: _stages, ...patch } = input;
    store.update(pipeline, patch, now());
    store.replaceStages(pipeline, input.stages, now());
    res.json(present(store, pipeline));
  });

  app.patch(`${base}/:pipelineId`, (req, res) => {
    const store = dealPipelines(portalOf(res), req.params.objectType);
    const body: Json = isRecord(req.body) ? req.body : {};
    const label = stringField(body, 'label');
    const displayOrder = numberField(body, 'displayOrder');
    const archived = booleanField(body, 'archived');
    const autoCloseDateEnabled = booleanField(body, 'autoCloseDateEnabled');
    const patch = {
      ...(label !== undefined ? { label } : {}),
      ...(displayOrder !== undefined ? { displayOrder } : {}),
      ...(archived !== undefined ? { archived } : {}),
      ...(autoCloseDateEnabled !== undefined ? { autoCloseDateEnabled } : {}),
    };
    res.json(present(store, store.update(store.get(req.params.pipelineId), patch, now())));
  });

  app.delete(`${base}/:pipelineId`, (req, res) => {
    const portal = portalOf(res);
    const store = dealPipelines(portal, req.params.objectType);
    const pipeline = store.get(req.params.pipelineId);
    if (req.query['validateDealStageUsagesBeforeDelete'] === 'true' && dealsIn(portal, pipeline) > 0) {
      throw conflict(`Pipeline ${pipeline.id} still has ${dealsIn(portal, pipeline)} deals`);
    }
    store.archive(pipeline, now());
    res.status(204).end();
  });

  app.get(`${base}/:pipelineId/stages`, (req, res) => {
    const store = dealPipelines(portalOf(res), req.params.objectType);
    res.json({ results: store.liveStages(store.get(req.params.pipelineId)) });
  });

  app.post(`${base}/:pipelineId/stages`, (req, res) => {
    const store = dealPipelines(portalOf(res), req.params.objectType);
    res.status(201).json(store.addStage(store.get(req.params.pipelineId), stageInput(store, req.body), now()));
  });

  app.get(`${base}/:pipelineId/stages/:stageId`, (req, res) => {
    const store = dealPipelines(portalOf(res), req.params.objectType);
    res.json(store.stage(store.get(req.params.pipelineId), req.params.stageId));
  });

  const updateStage = (partial: boolean) => (req: import('express').Request, res: import('express').Response) => {
    const store = dealPipelines(portalOf(res), String(req.params['objectType']));
    const pipeline = store.get(String(req.params['pipelineId']));
    const stage = store.stage(pipeline, String(req.params['stageId']));
    if (!partial) return res.json(store.updateStage(pipeline, stage, stageInput(store, req.body), now()));
    const body: Json = isRecord(req.body) ? req.body : {};
    const label = stringField(body, 'label');
    const displayOrder = numberField(body, 'displayOrder');
    const archived = booleanField(body, 'archived');
    res.json(
      store.updateStage(
        pipeline,
        stage,
        {
          ...(label !== undefined ? { label } : {}),
          ...(displayOrder !== undefined ? { displayOrder } : {}),
          ...(body['metadata'] !== undefined ? { metadata: stageMetadata(body['metadata'], store.inTenths()) } : {}),
          ...(archived !== undefined ? { archived } : {}),
        },
        now(),
      ),
    );
  };
  app.put(`${base}/:pipelineId/stages/:stageId`, updateStage(false));
  app.patch(`${base}/:pipelineId/stages/:stageId`, updateStage(true));

  app.delete(`${base}/:pipelineId/stages/:stageId`, (req, res) => {
    const portal = portalOf(res);
    const store = dealPipelines(portal, req.params.objectType);
    const pipeline = store.get(req.params.pipelineId);
    const stage = store.stage(pipeline, req.params.stageId);
    // HubSpot refuses to delete a stage that still holds deals.
    if (dealsIn(portal, pipeline, stage.id) > 0)
      throw conflict(`Stage ${stage.id} still has ${dealsIn(portal, pipeline, stage.id)} deals`);
    store.updateStage(pipeline, stage, { archived: true }, now());
    res.status(204).end();
  });
}
