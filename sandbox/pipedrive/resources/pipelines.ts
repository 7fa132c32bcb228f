/** v2 /pipelines and /stages. Neither takes updated_since (the live API answers 400). */
import { z } from 'zod';
import type { QueryParams } from '../http/params.js';
import type { RouteRegistry } from '../http/routes.js';
import { formatV2Time } from '../http/time.js';
import type { PipelineRecord, StageRecord } from '../store/types.js';
import { ensureLive, parseBody, type ResourceContext } from './context.js';
import { defined, id } from './inputs.js';
import { type Matcher, type RecordWriter, registerV2Crud } from './v2-crud.js';

const PipelineBody = z.object({
  name: z.string().min(1).optional(),
  is_deal_probability_enabled: z.boolean().optional(),
});
const StageBody = z.object({
  name: z.string().min(1).optional(),
  pipeline_id: id.optional(),
  deal_probability: z.number().int().min(0).max(100).optional(),
  is_deal_rot_enabled: z.boolean().optional(),
  days_to_rotten: z.number().int().nullable().optional(),
});

export function renderPipeline(pipeline: PipelineRecord): Record<string, unknown> {
  return {
    id: pipeline.id,
    name: pipeline.name,
    order_nr: pipeline.order_nr,
    is_deleted: pipeline.is_deleted,
    is_deal_probability_enabled: pipeline.is_deal_probability_enabled,
    add_time: formatV2Time(pipeline.add_time),
    update_time: formatV2Time(pipeline.update_time),
  };
}

export function renderStage(stage: StageRecord): Record<string, unknown> {
  return {
    id: stage.id,
    order_nr: stage.order_nr,
    name: stage.name,
    is_deleted: stage.is_deleted,
    deal_probability: stage.deal_probability,
    pipeline_id: stage.pipeline_id,
    is_deal_rot_enabled: stage.is_deal_rot_enabled,
    days_to_rotten: stage.days_to_rotten,
    add_time: formatV2Time(stage.add_time),
    update_time: formatV2Time(stage.update_time),
  };
}

/** New pipelines and stages go to the end of their list. */
function nextOrder(records: Iterable<{ order_nr: number }>): number {
  let max = 0;
  for (const record of records) max = Math.max(max, record.order_nr);
  return max + 1;
}

export function registerPipelines(
  routes: RouteRegistry,
  context: ResourceContext,
): { pipelines: RecordWriter; stages: RecordWriter } {
  const pipelines = context.records.pipeline;
  const stages = context.records.stage;
  const pipelineWriter = registerV2Crud(routes, {
    collection: pipelines,
    path: '/api/v2/pipelines',
    noun: 'Pipeline',
    list: {
      operationId: 'getPipelines',
      cost: 5,
      sortFields: ['id', 'update_time', 'add_time'],
      updatedSince: false,
      updatedUntil: false,
    },
    get: { operationId: 'getPipeline', cost: 1 },
    add: {
      operationId: 'addPipeline',
      cost: 5,
      status: 200,
      parse: (input) => {
        const body = parseBody(PipelineBody.required({ name: true }), input);
        return {
          name: body.name,
          order_nr: nextOrder(pipelines.liveRecords()),
          is_deal_probability_enabled: body.is_deal_probability_enabled ?? false,
        };
      },
    },
    update: { operationId: 'updatePipeline', cost: 5, parse: (input) => defined(parseBody(PipelineBody, input)) },
    remove: { operationId: 'deletePipeline', cost: 3 },
    render: renderPipeline,
  });
  const stageWriter = registerV2Crud(routes, {
    collection: stages,
    path: '/api/v2/stages',
    noun: 'Stage',
    list: {
      operationId: 'getStages',
      cost: 5,
      sortFields: ['id', 'update_time', 'add_time', 'order_nr'],
      updatedSince: false,
      updatedUntil: false,
      filters: (params: QueryParams): Matcher[] => {
        const pipeline = params.int('pipeline_id');
        return pipeline === undefined ? [] : [(index) => stages.table.columnAt('pipeline_id', index) === pipeline];
      },
    },
    get: { operationId: 'getStage', cost: 1 },
    add: {
      operationId: 'addStage',
      cost: 5,
      status: 200,
      parse: (input) => {
        const body = parseBody(StageBody.required({ name: true, pipeline_id: true }), input);
        ensureLive(pipelines, body.pipeline_id, 'pipeline_id');
        const siblings = [...stages.liveRecords()].filter((stage) => stage.pipeline_id === body.pipeline_id);
        return {
          name: body.name,
          pipeline_id: body.pipeline_id,
          order_nr: nextOrder(siblings),
          deal_probability: body.deal_probability ?? 100,
          is_deal_rot_enabled: body.is_deal_rot_enabled ?? false,
          days_to_rotten: body.days_to_rotten ?? null,
        };
      },
    },
    update: {
      operationId: 'updateStage',
      cost: 5,
      parse: (input) => {
        const body = parseBody(StageBody, input);
        if (body.pipeline_id !== undefined) ensureLive(pipelines, body.pipeline_id, 'pipeline_id');
        return defined(body);
      },
    },
    remove: { operationId: 'deleteStage', cost: 3 },
    render: renderStage,
  });
  return { pipelines: pipelineWriter, stages: stageWriter };
}
