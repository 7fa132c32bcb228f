/**
 * Contract test harness: a sandbox on a loopback port, the official `pipedrive` client pointed at it
 * (basePath = sandbox + /api/v2 or /v1), and a runner that calls each case and validates the answer
 * against its operation in the OpenAPI files, including the operation's x-token-cost.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { v1, v2 } from 'pipedrive';
import { createFrozenClock } from '../../../../sandbox/common/clock.js';
import {
  type PipedriveSandboxState,
  type RunningPipedriveSandbox,
  startPipedriveSandbox,
} from '../../../../sandbox/pipedrive/index.js';
import { loadSpecs, type SpecName, type Specs } from './openapi.js';

export interface CallResult {
  status: number;
  body: unknown;
  contentType: string | undefined;
  /** Daily-budget tokens this call spent. */
  tokens: number;
}

export interface ContractContext {
  sandbox: RunningPipedriveSandbox;
  state: PipedriveSandboxState;
  v1: v1.Configuration;
  v2: v2.Configuration;
  apiToken: string;
  fixtures: Fixtures;
}

/** Ids of existing records the cases read (picked from the generated data, not hard-coded). */
export interface Fixtures {
  personId: number;
  organizationId: number;
  dealId: number;
  dealWithProducts: number;
  dealWithParticipants: number;
  organizationWithRelationship: number;
  relationshipId: number;
  productId: number;
  activityId: number;
  pipelineId: number;
  stageId: number;
  noteId: number;
  fileId: number;
  filterId: number;
  userId: number;
  leadId: string;
}

export type CaseTarget =
  { spec: SpecName; operationId: string } | { route: string; check: (result: CallResult) => void };

export interface ContractCase {
  title: string;
  target: CaseTarget;
  run(context: ContractContext): Promise<CallResult>;
}

export const CONTRACT_NOW = new Date('2026-06-01T12:00:00Z');

function firstLive<T extends { id: number }>(
  records: Iterable<T>,
  accept: (record: T) => boolean = () => true,
): number {
  for (const record of records) if (accept(record)) return record.id;
  throw new Error('the generated dataset has no such record');
}

function fixturesOf(state: PipedriveSandboxState): Fixtures {
  const { records } = state;
  const relationship = records.organizationRelationship.liveRecords().next().value;
  if (!relationship) throw new Error('no organization relationship generated');
  return {
    personId: firstLive(records.person.liveRecords()),
    organizationId: firstLive(records.organization.liveRecords()),
    dealId: firstLive(records.deal.liveRecords(), (deal) => !deal.is_archived),
    dealWithProducts: records.dealProduct.liveRecords().next().value?.deal_id ?? 0,
    dealWithParticipants: records.participant.liveRecords().next().value?.deal_id ?? 0,
    organizationWithRelationship: relationship.rel_owner_org_id,
    relationshipId: relationship.id,
    productId: firstLive(records.product.liveRecords()),
    activityId: firstLive(records.activity.liveRecords()),
    pipelineId: firstLive(records.pipeline.liveRecords()),
    stageId: firstLive(records.stage.liveRecords()),
    noteId: firstLive(records.note.liveRecords()),
    fileId: firstLive(records.file.liveRecords()),
    filterId: state.store.filters[0]?.id ?? 0,
    userId: state.store.users[1]?.id ?? 0,
    leadId: state.store.leads.find((lead) => !lead.is_archived)?.id ?? '',
  };
}

/** A generated account under a frozen clock, with limits out of the way (the behaviour tests cover them). */
export async function startContractSandbox(): Promise<ContractContext> {
  const sandbox = await startPipedriveSandbox({
    dataset: { records: 800, seed: 11 },
    clock: createFrozenClock(CONTRACT_NOW),
    plan: 'ultimate',
  });
  sandbox.state.configure({ burstOverride: 1_000_000 });
  const apiToken = sandbox.state.apiToken();
  return {
    sandbox,
    state: sandbox.state,
    v1: new v1.Configuration({ apiKey: apiToken, basePath: `${sandbox.apiBaseUrl}/v1` }),
    v2: new v2.Configuration({ apiKey: apiToken, basePath: `${sandbox.apiBaseUrl}/api/v2` }),
    apiToken,
    fixtures: fixturesOf(sandbox.state),
  };
}

/**
 * Calls through the official client. The client hands back only the body (and rejects with the body
 * on errors), so the status comes from the sandbox's request log.
 */
export async function viaClient(context: ContractContext, call: () => Promise<unknown>): Promise<CallResult> {
  const spentBefore = context.state.limits.spentToday();
  let body: unknown;
  try {
    body = await call();
  } catch (error) {
    body = error;
  }
  const last = context.state.faults.recentRequests().at(-1);
  if (!last) throw new Error('the call never reached the sandbox');
  return { status: last.status, body, contentType: undefined, tokens: context.state.limits.spentToday() - spentBefore };
}

export async function viaHttp(
  context: ContractContext,
  method: string,
  path: string,
  init: { body?: unknown; headers?: Record<string, string>; auth?: boolean } = {},
): Promise<CallResult> {
  const spentBefore = context.state.limits.spentToday();
  const headers: Record<string, string> = {
    ...(init.auth === false ? {} : { 'x-api-token': context.apiToken }),
    ...init.headers,
  };
  if (init.body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const response = await fetch(`${context.sandbox.apiBaseUrl}${path}`, {
    method,
    headers,
    redirect: 'manual',
    ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });
  const contentType = response.headers.get('content-type') ?? undefined;
  const text = await response.text();
  const body: unknown = contentType?.includes('json') ? JSON.parse(text) : text;
  return { status: response.status, body, contentType, tokens: context.state.limits.spentToday() - spentBefore };
}

/** The Express route a spec operation is served on. */
export function expressRouteOf(specs: Specs, target: CaseTarget): string {
  if ('route' in target) return target.route;
  const operation = specs.operation(target.spec, target.operationId);
  const path = operation.path.replace(/\{([^}]+)\}/g, ':$1').replace(/\/$/, '');
  const prefix = path.startsWith('/oauth/') ? '' : target.spec === 'v2' ? '/api/v2' : '/v1';
  return `${operation.method.toUpperCase()} ${prefix}${path}`;
}

/** Registers one jest test per case: call, then validate status, media type, body and token cost. */
export function runContractCases(name: string, cases: () => ContractCase[]): void {
  describe(name, () => {
    let context: ContractContext;
    let specs: Specs;
    beforeAll(async () => {
      specs = loadSpecs();
      context = await startContractSandbox();
    });
    afterAll(async () => {
      await context.sandbox.close();
    });
    it.each(cases().map((contractCase) => [contractCase.title, contractCase] as const))(
      '%s',
      async (_title, contractCase) => {
        const result = await contractCase.run(context);
        const { target } = contractCase;
        if ('route' in target) {
          target.check(result);
          return;
        }
        const operation = specs.operation(target.spec, target.operationId);
        expect(operation.validate(result.status, result.body)).toBeUndefined();
        const mediaType = operation.mediaTypes[String(result.status)];
        if (result.contentType !== undefined && mediaType !== undefined)
          expect(result.contentType.split(';')[0]).toBe(mediaType);
        // Successful API calls are charged the operation's x-token-cost; OAuth costs nothing.
        if (result.status < 400) expect(result.tokens).toBe(operation.cost);
      },
    );
  });
}
