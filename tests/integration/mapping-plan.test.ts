import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mappingPlansRepository } from '../../backend/src/db/repositories/mapping-plans.repository.js';
import { objectTypeOf } from '../../sandbox/hubspot/object-types.js';
import { parsePropertyCreate } from '../../sandbox/hubspot/properties/rules.js';
import type { AuditResponse, AuditResult } from '../../shared/src/contracts/index.js';
import { type AuditHarness, FINISHED, startAuditHarness } from '../support/audit-harness.js';

const PORTAL_ID = 4242;
let harness: AuditHarness;
let audit: AuditResponse;
let result: AuditResult;
/** A deal custom field whose label the portal already uses on a property of its own. */
let collidingKey: string;

beforeAll(async () => {
  harness = await startAuditHarness({ portalId: PORTAL_ID, pipedrive: { dataset: { records: 300, seed: 7 } } });
  const field = harness.pipedrive.state.store.fields
    .custom('deal')
    .find((candidate) => candidate.field_type === 'varchar');
  if (!field) throw new Error('the dataset has no deal text field');
  collidingKey = field.key;
  // Someone in the portal made a deal property with the same label (not one of HubSpot's defaults).
  const portal = harness.hubspot.state.portals.get(PORTAL_ID);
  if (!portal) throw new Error('no sandbox portal');
  portal.properties.create(
    objectTypeOf('deals'),
    parsePropertyCreate({
      name: 'team_made_property',
      label: field.name,
      type: 'string',
      fieldType: 'text',
      groupName: 'dealinformation',
    }),
    new Date().toISOString(),
  );
  audit = await harness.runAudit();
  expect(audit.job.status).toBe('COMPLETE');
  result = audit.result as AuditResult;
}, 90_000);

afterAll(async () => {
  await harness.close();
});

describe('the mapping plan', () => {
  it('is read back from Postgres after the job’s checkpoint is cleared', async () => {
    const { rows } = await harness.db.pool.query<{ connection_id: string }>(
      `UPDATE jobs SET checkpoint = '{}' WHERE id = $1 RETURNING connection_id`,
      [audit.id],
    );
    const connectionId = rows[0]?.connection_id as string;
    const stored = await mappingPlansRepository.latestForConnection(harness.db.pool, connectionId);
    expect(stored?.auditId).toBe(audit.id);
    const plan = stored?.plan;
    expect(plan?.source).toBe('pipedrive');
    expect(plan?.fields).toEqual(result.fields);
    // The plan's pipelines are the result's without the audit's deal counts.
    expect(plan?.pipelines).toEqual(
      result.pipelines.map((pipeline) => ({ ...pipeline, deals: null, dealCounts: null, archivedDealCounts: null })),
    );
    // The choice the setup reads: archived deals become ordinary HubSpot deals unless turned off.
    expect(plan?.includeArchivedDeals).toBe(true);
    expect(plan?.owners).toEqual(result.users);
    expect(plan?.objects.map((row) => row.key)).toEqual(result.objects.map((row) => row.key));
    // What only the plan keeps: each object's property group and the source types it takes.
    expect(plan?.objects.find((row) => row.key === 'deals')?.propertyGroup).toEqual({
      name: 'pipedrive_deal',
      label: 'Pipedrive deal fields',
    });
    expect(plan?.objects.find((row) => row.hubspotObject === 'calls')?.sourceTypes).toContain('call');
    const created = Object.values(plan?.fields ?? {})
      .flat()
      .flatMap((field) => field.targets)
      .filter((target) => target.kind === 'created');
    expect(created.length).toBeGreaterThan(20);
  });

  it('keeps the latest audit’s plan for the connection', async () => {
    const { id } = await harness.startAudit();
    const second = await harness.untilAudit(
      id,
      (current) => FINISHED.includes(current.job.status),
      'the second audit to finish',
    );
    expect(second.job.status).toBe('COMPLETE');
    const { rows } = await harness.db.pool.query<{ connection_id: string }>(
      'SELECT connection_id FROM jobs WHERE id = $1',
      [id],
    );
    const stored = await mappingPlansRepository.latestForConnection(harness.db.pool, rows[0]?.connection_id as string);
    expect(stored?.auditId).toBe(id);
  }, 90_000);

  it('tells a created property apart from a live portal property with the same label', () => {
    const field = result.fields.deals?.find((candidate) => candidate.key === collidingKey);
    const label = harness.pipedrive.state.store.fields
      .custom('deal')
      .find((candidate) => candidate.key === collidingKey)?.name;
    expect(field?.targets.map((target) => [target.kind, target.label])).toEqual([['created', `${label} (Pipedrive)`]]);
  });
});
