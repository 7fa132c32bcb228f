/**
 * Deal pipelines and stages (pipelines v3). Every portal starts with the "Sales Pipeline" (`default`)
 * and its seven stages. Deal stages need `metadata.probability` "between 0.0 and 1.0"
 * (https://developers.hubspot.com/docs/api/crm/pipelines, current text; older text said "in
 * increments of 0.1", which a per-portal switch enforces). `isClosed` is the stage's own metadata,
 * set independently of the probability (HubSpot's pipeline audit payload shows `isClosed: true` with
 * probability 0.8); when it is not given the stage is open (the stricter reading: nothing derives it).
 * A pipeline carries `autoCloseDateEnabled` (same audit payload): when on, a deal moving into a closed
 * stage gets `closedate` = now (objects/rules.ts).
 */
import { conflict, notFound, validationError } from '../errors.js';
import { IdSequence } from '../ids.js';

export interface Stage {
  id: string;
  label: string;
  displayOrder: number;
  metadata: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT';
}

export interface Pipeline {
  id: string;
  label: string;
  displayOrder: number;
  stages: Stage[];
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  autoCloseDateEnabled: boolean;
}

export interface StageInput {
  label: string;
  displayOrder: number;
  metadata: Record<string, string>;
}

/**
 * Probability as HubSpot stores it ("0.0", "0.25", "1.0"): any value from 0.0 to 1.0, or with
 * `inTenths` only the 0.1 steps.
 */
export function normalizeProbability(raw: unknown, inTenths: boolean): string {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  const tenths = value * 10;
  const offStep = Math.abs(tenths - Math.round(tenths)) > 1e-9;
  if (!Number.isFinite(value) || value < 0 || value > 1 || (inTenths && offStep)) {
    const rule = inTenths ? 'between 0.0 and 1.0 in increments of 0.1' : 'between 0.0 and 1.0';
    throw validationError(`Deal stage probability must be a number ${rule}; got ${String(raw)}`, {
      context: { probability: [String(raw)] },
    });
  }
  return offStep ? String(value) : (Math.round(tenths) / 10).toFixed(1);
}

export function stageMetadata(raw: unknown, inTenths: boolean): Record<string, string> {
  const metadata =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (metadata['probability'] === undefined)
    throw validationError('Deal stages require metadata.probability', { context: { metadata: ['probability'] } });
  const probability = normalizeProbability(metadata['probability'], inTenths);
  const isClosed = String(metadata['isClosed']) === 'true';
  return {
    ...Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, String(v)])),
    probability,
    isClosed: String(isClosed),
  };
}

const DEFAULT_STAGES: Array<[id: string, label: string, probability: string]> = [
  ['appointmentscheduled', 'Appointment Scheduled', '0.2'],
  ['qualifiedtobuy', 'Qualified To Buy', '0.4'],
  ['presentationscheduled', 'Presentation Scheduled', '0.6'],
  ['decisionmakerboughtin', 'Decision Maker Bought-In', '0.8'],
  ['contractsent', 'Contract Sent', '0.9'],
  ['closedwon', 'Closed Won', '1.0'],
  ['closedlost', 'Closed Lost', '0.0'],
];
const DEFAULT_CLOSED_STAGES = new Set(['closedwon', 'closedlost']);

export class PipelineStore {
  private readonly pipelines: Pipeline[] = [];
  private readonly ids = new IdSequence(700000001);

  /** `maxPipelines` follows the portal's tier; `inTenths` is the portal's probability-steps switch. */
  constructor(
    at: string,
    private readonly maxPipelines: () => number,
    readonly inTenths: () => boolean,
  ) {
    this.pipelines.push({
      id: 'default',
      label: 'Sales Pipeline',
      displayOrder: 0,
      createdAt: at,
      updatedAt: at,
      archived: false,
      autoCloseDateEnabled: true,
      stages: DEFAULT_STAGES.map(([id, label, probability], displayOrder) => ({
        id,
        label,
        displayOrder,
        createdAt: at,
        updatedAt: at,
        archived: false,
        writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
        metadata: { isClosed: String(DEFAULT_CLOSED_STAGES.has(id)), probability },
      })),
    });
  }

  list(): Pipeline[] {
    return this.pipelines
      .filter((p) => !p.archived)
      .sort((a, b) => a.displayOrder - b.displayOrder || a.label.localeCompare(b.label));
  }

  /** The pipeline a deal lands in when `pipeline` is omitted: the first by display order. */
  defaultPipeline(): Pipeline | undefined {
    return this.list()[0];
  }

  find(id: string): Pipeline | undefined {
    return this.pipelines.find((p) => p.id === id && !p.archived);
  }

  get(id: string): Pipeline {
    const pipeline = this.find(id);
    if (!pipeline) throw notFound(`Unable to find pipeline ${id}`);
    return pipeline;
  }

  liveStages(pipeline: Pipeline): Stage[] {
    return pipeline.stages.filter((s) => !s.archived).sort((a, b) => a.displayOrder - b.displayOrder);
  }

  stage(pipeline: Pipeline, stageId: string): Stage {
    const stage = pipeline.stages.find((s) => s.id === stageId && !s.archived);
    if (!stage) throw notFound(`Unable to find stage ${stageId} in pipeline ${pipeline.id}`);
    return stage;
  }

  /** The pipeline holding a stage id (stage ids are unique in a portal). */
  pipelineOfStage(stageId: string): Pipeline | undefined {
    return this.list().find((p) => p.stages.some((s) => s.id === stageId && !s.archived));
  }

  create(
    input: { label: string; displayOrder: number; stages: StageInput[]; autoCloseDateEnabled?: boolean },
    at: string,
  ): Pipeline {
    const max = this.maxPipelines();
    if (this.list().length >= max) {
      throw validationError(`This account has reached its limit of ${max} deal pipelines`, {
        subCategory: 'PipelineError.PIPELINE_LIMIT_REACHED',
      });
    }
    this.checkLabel(input.label);
    const pipeline: Pipeline = {
      id: String(this.ids.next()),
      label: input.label,
      displayOrder: input.displayOrder,
      stages: [],
      createdAt: at,
      updatedAt: at,
      archived: false,
      // HubSpot's new pipelines have it on; the stricter reading for a client that migrates close dates.
      autoCloseDateEnabled: input.autoCloseDateEnabled ?? true,
    };
    this.replaceStages(pipeline, input.stages, at);
    this.pipelines.push(pipeline);
    return pipeline;
  }

  private checkLabel(label: string, except?: Pipeline): void {
    if (this.list().some((p) => p !== except && p.label.toLowerCase() === label.toLowerCase())) {
      throw conflict(`A pipeline with label ${label} already exists`);
    }
  }

  /** PUT semantics: the stages become exactly these; a stage keeping its label keeps its id. */
  replaceStages(pipeline: Pipeline, inputs: StageInput[], at: string): void {
    if (inputs.length === 0) throw validationError('A pipeline needs at least one stage');
    const labels = inputs.map((s) => s.label.toLowerCase());
    if (new Set(labels).size !== labels.length) throw validationError('Stage labels must be unique within a pipeline');
    const previous = pipeline.stages;
    pipeline.stages = inputs.map((input) => {
      const kept = previous.find((s) => !s.archived && s.label.toLowerCase() === input.label.toLowerCase());
      return {
        ...input,
        id: kept?.id ?? String(this.ids.next()),
        createdAt: kept?.createdAt ?? at,
        updatedAt: at,
        archived: false,
        writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
      };
    });
    pipeline.updatedAt = at;
  }

  update(
    pipeline: Pipeline,
    patch: { label?: string; displayOrder?: number; archived?: boolean; autoCloseDateEnabled?: boolean },
    at: string,
  ): Pipeline {
    if (patch.autoCloseDateEnabled !== undefined) pipeline.autoCloseDateEnabled = patch.autoCloseDateEnabled;
    if (patch.label !== undefined) {
      this.checkLabel(patch.label, pipeline);
      pipeline.label = patch.label;
    }
    if (patch.displayOrder !== undefined) pipeline.displayOrder = patch.displayOrder;
    if (patch.archived !== undefined) this.setArchived(pipeline, patch.archived, at);
    pipeline.updatedAt = at;
    return pipeline;
  }

  archive(pipeline: Pipeline, at: string): void {
    if (this.list().length === 1) throw validationError('An account needs at least one deal pipeline');
    this.setArchived(pipeline, true, at);
  }

  private setArchived(pipeline: Pipeline, archived: boolean, at: string): void {
    pipeline.archived = archived;
    if (archived) pipeline.archivedAt = at;
    else delete pipeline.archivedAt;
  }

  addStage(pipeline: Pipeline, input: StageInput, at: string): Stage {
    if (this.liveStages(pipeline).some((s) => s.label.toLowerCase() === input.label.toLowerCase())) {
      throw conflict(`A stage with label ${input.label} already exists in pipeline ${pipeline.id}`);
    }
    const stage: Stage = {
      ...input,
      id: String(this.ids.next()),
      createdAt: at,
      updatedAt: at,
      archived: false,
      writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
    };
    pipeline.stages.push(stage);
    pipeline.updatedAt = at;
    return stage;
  }

  updateStage(
    pipeline: Pipeline,
    stage: Stage,
    patch: Partial<StageInput> & { archived?: boolean },
    at: string,
  ): Stage {
    if (patch.label !== undefined) {
      const label = patch.label;
      if (this.liveStages(pipeline).some((s) => s !== stage && s.label.toLowerCase() === label.toLowerCase())) {
        throw conflict(`A stage with label ${label} already exists in pipeline ${pipeline.id}`);
      }
      stage.label = label;
    }
    if (patch.displayOrder !== undefined) stage.displayOrder = patch.displayOrder;
    if (patch.metadata !== undefined) stage.metadata = patch.metadata;
    if (patch.archived !== undefined) {
      stage.archived = patch.archived;
      if (patch.archived) stage.archivedAt = at;
    }
    stage.updatedAt = at;
    return stage;
  }

  snapshot(): Pipeline[] {
    return this.list();
  }
}
