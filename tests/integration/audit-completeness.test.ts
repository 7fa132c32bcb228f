import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PIPEDRIVE_TEST_DATASETS, type RunningPipedriveSandbox } from '../../sandbox/pipedrive/index.js';
import type { AuditResult } from '../../shared/src/contracts/index.js';
import { type AuditHarness, startAuditHarness } from '../support/audit-harness.js';

/**
 * The audit against two hand-made accounts, with every expected count computed here from the dataset
 * file itself (never from the product, never from the sandbox's store): soft-deleted rows listed by the
 * sandbox (`listDeleted`), archived deals, deal products, participants, files, relationships, leads and
 * filters; then as a non-admin user and with a scope removed.
 */
type Row = Record<string, unknown>;
interface Dataset {
  pipelines: { id: number; stages: { id: number }[] }[];
  [list: string]: unknown;
}

const load = (file: string): Dataset => JSON.parse(readFileSync(file, 'utf8')) as Dataset;
const rowsOf = (dataset: Dataset, list: string): Row[] => (dataset[list] as Row[] | undefined) ?? [];
const isLive = (row: Row) => row.is_deleted !== true && row.active_flag !== false;
const statusOf = (deal: Row) => (typeof deal.status === 'string' ? deal.status : 'open');
/** Pipedrive's visibility: a `visible_to` 1 record is seen by its owner and admins only. */
const visibleTo = (userId: number, admin: boolean) => (row: Row) =>
  admin || row.visible_to !== 1 || row.owner_id === userId;

async function runAudit(harness: AuditHarness): Promise<AuditResult> {
  const audit = await harness.runAudit();
  expect(audit.job.statusReason).toBeNull();
  expect(audit.job.status).toBe('COMPLETE');
  return audit.result as AuditResult;
}

const objectRow = (result: AuditResult, key: string) => result.objects.find((row) => row.key === key);
const holding = (result: AuditResult, key: string) => result.holdings.find((row) => row.key === key);

async function auditOf(
  portalId: number,
  file: string,
  beforeConnect?: (pipedrive: RunningPipedriveSandbox) => void,
): Promise<{ harness: AuditHarness; result: AuditResult }> {
  const harness = await startAuditHarness({
    portalId,
    pipedrive: { dataset: { file } },
    ...(beforeConnect ? { beforeConnect } : {}),
  });
  return { harness, result: await runAudit(harness) };
}

describe('the audit of an account with deleted, archived and left-behind records', () => {
  const dataset = load(PIPEDRIVE_TEST_DATASETS.auditCompleteness);
  const live = (list: string) => rowsOf(dataset, list).filter(isLive);
  const liveDeals = live('deals');
  const liveDealIds = new Set(liveDeals.map((deal) => deal.id));
  const current = liveDeals.filter((deal) => deal.is_archived !== true);
  const archived = liveDeals.filter((deal) => deal.is_archived === true);
  const byStatus = (deals: Row[]) => {
    const counts: Record<string, number> = {};
    for (const deal of deals) counts[statusOf(deal)] = (counts[statusOf(deal)] ?? 0) + 1;
    return counts;
  };
  let harness: AuditHarness;
  let result: AuditResult;

  beforeAll(async () => {
    ({ harness, result } = await auditOf(41001, PIPEDRIVE_TEST_DATASETS.auditCompleteness));
  }, 90_000);
  afterAll(() => harness.close());

  it('is a dataset with deleted rows of every kind and archived won, lost and open deals', () => {
    for (const list of ['persons', 'organizations', 'products', 'deals', 'activities', 'notes', 'files'])
      expect(rowsOf(dataset, list).filter((row) => !isLive(row)).length).toBeGreaterThan(0);
    expect(Object.keys(byStatus(archived)).sort()).toEqual(['lost', 'open', 'won']);
  });

  it('counts live records only, and archived deals apart from the others', () => {
    expect(objectRow(result, 'persons')?.records).toBe(live('persons').length);
    expect(objectRow(result, 'organizations')?.records).toBe(live('organizations').length);
    expect(objectRow(result, 'products')?.records).toBe(live('products').length);
    expect(objectRow(result, 'notes')?.records).toBe(live('notes').length);
    const activityRows = result.objects.filter((row) => row.key.endsWith('activities'));
    expect(activityRows.reduce((sum, row) => sum + row.records, 0)).toBe(live('activities').length);
    expect(objectRow(result, 'deals')?.records).toBe(current.length);
    expect(objectRow(result, 'deals')?.breakdown).toEqual(byStatus(current));
    expect(holding(result, 'archived_deals')).toMatchObject({
      records: archived.length,
      breakdown: byStatus(archived),
      becomes: 'Deals',
      count: 'exact',
    });
    expect(result.includeArchivedDeals).toBe(true);
  });

  it('splits deals by pipeline and stage, and the parts add up to the deal totals', () => {
    const pipelineOfStage = new Map(
      dataset.pipelines.flatMap((pipeline) => pipeline.stages.map((stage) => [stage.id, pipeline.id])),
    );
    for (const pipeline of result.pipelines) {
      const inPipeline = (deals: Row[]) =>
        deals.filter((deal) => String(pipelineOfStage.get(deal.stage_id as number)) === pipeline.id);
      const expected = (deals: Row[]) => ({
        open: inPipeline(deals).filter((deal) => statusOf(deal) === 'open').length,
        won: inPipeline(deals).filter((deal) => statusOf(deal) === 'won').length,
        lost: inPipeline(deals).filter((deal) => statusOf(deal) === 'lost').length,
        openByStage: Object.fromEntries(
          pipeline.stages.map((stage) => [
            stage.id,
            inPipeline(deals).filter((deal) => statusOf(deal) === 'open' && String(deal.stage_id) === stage.id).length,
          ]),
        ),
      });
      expect(pipeline.dealCounts).toEqual(expected(current));
      expect(pipeline.archivedDealCounts).toEqual(expected(archived));
    }
    const total = result.pipelines.reduce((sum, pipeline) => {
      const counts = pipeline.dealCounts;
      const stages = Object.values(counts?.openByStage ?? {}).reduce((a, b) => a + b, 0);
      return sum + stages + (counts?.won ?? 0) + (counts?.lost ?? 0);
    }, 0);
    expect(total).toBe(objectRow(result, 'deals')?.records);
    expect(result.pipelines.reduce((sum, pipeline) => sum + (pipeline.deals ?? 0), 0)).toBe(current.length);
  });

  it('counts deal products, participants, files, relationships, leads and filters with their target', () => {
    const onLiveDeal = (list: string) => live(list).filter((row) => liveDealIds.has(row.deal_id)).length;
    expect(holding(result, 'deal_products')).toMatchObject({
      records: onLiveDeal('dealProducts'),
      becomes: 'Line items',
    });
    expect(holding(result, 'deal_participants')).toMatchObject({
      records: onLiveDeal('participants'),
      becomes: 'Deal–contact associations',
    });
    const files = live('files');
    expect(holding(result, 'files')).toMatchObject({
      records: files.length,
      bytes: files.reduce((sum, file) => sum + Number(file.file_size), 0),
      becomes: 'Attachments',
    });
    const relationships = live('organizationRelationships');
    expect(holding(result, 'organization_relationships')).toMatchObject({
      records: relationships.length,
      breakdown: byType(relationships),
      becomes: 'Company associations',
    });
    const leads = live('leads');
    expect(holding(result, 'leads')?.records).toBe(leads.filter((lead) => lead.is_archived !== true).length);
    expect(holding(result, 'archived_leads')?.records).toBe(leads.filter((lead) => lead.is_archived === true).length);
    expect(holding(result, 'filters')?.records).toBe(rowsOf(dataset, 'filters').length);
    for (const item of result.holdings) expect(item.note.length).toBeGreaterThan(20);
  });

  it('lists what will not arrive in HubSpot, with counts and reasons', () => {
    const leads = live('leads');
    expect(result.notTransferred.map(({ key, records }) => [key, records])).toEqual([
      ['leads', leads.filter((lead) => lead.is_archived !== true).length],
      ['archived_leads', leads.filter((lead) => lead.is_archived === true).length],
      ['filters', rowsOf(dataset, 'filters').length],
    ]);
    for (const item of result.notTransferred) expect(item.reason).toMatch(/\w{4,}.*\./);
  });

  it('says who is connected: an admin with every scope, so nothing to warn about', () => {
    expect(harness.connectMessage).toBe(
      'You can close this tab and go back to HubSpot: Smart Transfer is ready to audit your data.',
    );
    expect(result.access).toMatchObject({ admin: true, missingScopes: [], warnings: [], action: null });
    expect(result.access?.scopes).toContain('deals:read');
  });
});

function byType(rows: Row[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[String(row.type)] = (counts[String(row.type)] ?? 0) + 1;
  return counts;
}

describe('the audit of an account that holds only what the transfer moves', () => {
  let harness: AuditHarness;
  let result: AuditResult;
  beforeAll(async () => {
    ({ harness, result } = await auditOf(41002, PIPEDRIVE_TEST_DATASETS.transferredOnly));
  }, 90_000);
  afterAll(() => harness.close());

  it('has an empty not-transferred list and no archived deals', () => {
    expect(result.notTransferred).toEqual([]);
    expect(holding(result, 'archived_deals')?.records).toBe(0);
    expect(result.holdings.every((item) => item.count === 'exact')).toBe(true);
  });
});

describe('the audit as a non-admin user', () => {
  const dataset = load(PIPEDRIVE_TEST_DATASETS.auditCompleteness);
  const user = 2;
  const seen = (list: string) => rowsOf(dataset, list).filter(isLive).filter(visibleTo(user, false));
  let harness: AuditHarness;
  let result: AuditResult;
  beforeAll(async () => {
    ({ harness, result } = await auditOf(41003, PIPEDRIVE_TEST_DATASETS.auditCompleteness, (pipedrive) =>
      pipedrive.state.configure({ installingUserId: user }),
    ));
  }, 90_000);
  afterAll(() => harness.close());

  it('counts what that user can see', () => {
    // The dataset hides records from user 2, so the test means something.
    expect(seen('persons').length).toBeLessThan(rowsOf(dataset, 'persons').filter(isLive).length);
    expect(objectRow(result, 'persons')?.records).toBe(seen('persons').length);
    expect(objectRow(result, 'organizations')?.records).toBe(seen('organizations').length);
    const deals = seen('deals').filter((deal) => deal.is_archived !== true);
    expect(objectRow(result, 'deals')?.records).toBe(deals.length);
    expect(holding(result, 'leads')?.records).toBe(seen('leads').filter((lead) => lead.is_archived !== true).length);
  });

  it('says so as soon as the user connects', () => {
    expect(harness.connectMessage).toMatch(/You connected as Rene Regular, who is not a Pipedrive admin/);
  });

  it('says plainly at the top that records are hidden from this user, with the way out', () => {
    expect(result.access?.admin).toBe(false);
    expect(result.access?.warnings[0]).toMatch(/not an admin.*records hidden from this user/);
    expect(result.access?.action).toBe('connect_as_admin');
  });
});

describe('the audit with a scope removed', () => {
  const dataset = load(PIPEDRIVE_TEST_DATASETS.auditCompleteness);
  let harness: AuditHarness;
  let result: AuditResult;
  beforeAll(async () => {
    ({ harness, result } = await auditOf(41004, PIPEDRIVE_TEST_DATASETS.auditCompleteness, (pipedrive) =>
      pipedrive.state.configure({ scope: 'base,contacts:read' }),
    ));
  }, 90_000);
  afterAll(() => harness.close());

  it('names the missing scopes as soon as the user connects', () => {
    expect(harness.connectMessage).toMatch(/lacks “deals:read” \(deals, archived deals, pipelines and stages\)/);
  });

  it('still counts what the grant can read', () => {
    expect(objectRow(result, 'persons')?.records).toBe(rowsOf(dataset, 'persons').filter(isLive).length);
    expect(objectRow(result, 'persons')?.unreadable).toBeNull();
  });

  it('reports the objects Pipedrive refused as unreadable, never as zero, and the missing scopes', () => {
    expect(objectRow(result, 'deals')?.unreadable).toMatch(/scope/);
    expect(objectRow(result, 'products')?.unreadable).toMatch(/scope/);
    expect(holding(result, 'archived_deals')).toMatchObject({ records: null, count: 'unreadable' });
    expect(holding(result, 'leads')).toMatchObject({ records: null, count: 'unreadable' });
    expect(result.notTransferred.find((item) => item.key === 'archived_deals')).toMatchObject({ records: null });
    expect(result.access?.missingScopes.map((missing) => missing.scope)).toEqual(
      expect.arrayContaining(['deals:read', 'products:read', 'leads:read']),
    );
    expect(result.access?.warnings.join(' ')).toMatch(/“deals:read” scope.*refused to list Deals/s);
    expect(result.access?.action).toBe('connect_as_admin');
  });
});
