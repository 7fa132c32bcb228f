import { describe, expect, it } from '@jest/globals';
import { PIPEDRIVE_RECORD_SHAPE as PIPEDRIVE } from '../../backend/src/sources/pipedrive/record-shape.js';
import type { MappingPlan, PlannedObject } from '../../backend/src/transfer/mapping/mapping-plan.js';
import { defaultSettings } from '../../backend/src/transfer/settings/default-settings.js';
import {
  passesFilter,
  syncRows,
  syncTasks,
  writableProperties,
  writeModeOf,
} from '../../backend/src/transfer/sync/sync-plan.js';

const row = (key: string, sourceObject: string, hubspotObject: string): PlannedObject => ({
  key,
  sourceLabel: key,
  hubspotObject,
  hubspotLabel: hubspotObject,
  properties: 0,
  supportedProperties: 0,
  unsupportedProperties: 0,
  sourceObject,
  sourceTypes: sourceObject === 'activities' ? [hubspotObject] : null,
  takesOtherTypes: false,
  propertyGroup: { name: `pipedrive_${key}`, label: key },
});

const plan = {
  objects: [
    row('notes', 'notes', 'notes'),
    row('deals', 'deals', 'deals'),
    row('call_activities', 'activities', 'calls'),
    row('persons', 'persons', 'contacts'),
    row('products', 'products', 'products'),
    row('organizations', 'organizations', 'companies'),
    row('task_activities', 'activities', 'tasks'),
  ],
} as unknown as MappingPlan;
const settings = defaultSettings('00000000-0000-4000-8000-000000000001');
const record = (values: Record<string, unknown>, updatedAt: string | null = null) => ({ id: '7', updatedAt, values });

describe('the sync plan', () => {
  it('orders the tasks: the id-map rebuild step, companies → contacts → products → deals → engagements → associations', () => {
    expect(syncTasks(syncRows(plan, settings))).toEqual([
      'id_map',
      'organizations',
      'persons',
      'products',
      'deals',
      'call_activities',
      'task_activities',
      'notes',
      'associations',
    ]);
  });

  it('has no id-map rebuild step when it creates nothing (every object has a unique source-id property)', () => {
    const upserted = syncRows(plan, settings).filter((row) => ['companies', 'deals'].includes(row.hubspotObject));
    expect(syncTasks(upserted)).toEqual(['organizations', 'deals', 'associations']);
  });

  it('leaves out an engagement type the settings turn off', () => {
    const keys = syncRows(plan, { ...settings, dataTypes: { ...settings.dataTypes, calls: false } }).map((r) => r.key);
    expect(keys).not.toContain('call_activities');
    expect(keys).toContain('task_activities');
  });

  it('upserts companies and deals, adopts contacts by e-mail, creates the rest', () => {
    expect(['companies', 'deals', 'contacts', 'products', 'notes'].map(writeModeOf)).toEqual([
      'upsert',
      'upsert',
      'contacts',
      'create',
      'create',
    ]);
  });

  it('keeps only records a record filter takes (owner, pipeline, created and updated days)', () => {
    const filter = {
      sourceFilterId: null,
      ownerId: '3',
      pipelineId: '2',
      createdAfter: '2026-01-10',
      updatedAfter: null,
    };
    const passes = (
      rule: Parameters<typeof passesFilter>[0],
      values: Record<string, unknown>,
      updatedAt: string | null = null,
    ) => passesFilter(rule, record(values, updatedAt), PIPEDRIVE);
    expect(passes(filter, { owner_id: 3, pipeline_id: 2, add_time: '2026-01-10 08:00:00' })).toBe(true);
    expect(passes(filter, { owner_id: 4, pipeline_id: 2, add_time: '2026-01-10 08:00:00' })).toBe(false);
    expect(passes(filter, { owner_id: 3, pipeline_id: 1, add_time: '2026-01-10 08:00:00' })).toBe(false);
    expect(passes(filter, { owner_id: 3, pipeline_id: 2, add_time: '2026-01-09 23:59:59' })).toBe(false);
    const updated = { ...filter, ownerId: null, pipelineId: null, createdAfter: null, updatedAfter: '2026-02-01' };
    expect(passes(updated, {}, '2026-02-01T00:00:00Z')).toBe(true);
    expect(passes(updated, {}, '2026-01-31T23:00:00Z')).toBe(false);
    expect(passes(undefined, {})).toBe(true);
  });

  it('dates an engagement without a date when it was added, and leaves the source id to the writers', () => {
    const calls = row('call_activities', 'activities', 'calls');
    const writable = (properties: Record<string, string>) =>
      writableProperties(calls, record({ add_time: '2026-03-01 10:00:00' }), properties, PIPEDRIVE);
    expect(
      writable({
        hs_call_title: 'Intro',
        pipedrive_call_activities__record_id: '7',
      }),
    ).toEqual({ hs_call_title: 'Intro', hs_timestamp: '2026-03-01T10:00:00.000Z' });
    expect(writable({ hs_timestamp: '2026-04-01T00:00:00Z' })).toEqual({ hs_timestamp: '2026-04-01T00:00:00Z' });
  });
});
