import { describe, expect, it } from '@jest/globals';
import { PIPEDRIVE_RULES } from '../../backend/src/sources/pipedrive/mapping-rules.js';
import { PIPEDRIVE_RECORD_SHAPE } from '../../backend/src/sources/pipedrive/record-shape.js';
import type { RecordShape } from '../../backend/src/sources/record-shape.js';
import { buildMappingPlan } from '../../backend/src/transfer/mapping/build-mapping-plan.js';
import { mapRecord, rowForRecord } from '../../backend/src/transfer/mapping/record-mapper.js';
import { defaultSettings } from '../../backend/src/transfer/settings/default-settings.js';
import { passesFilter } from '../../backend/src/transfer/sync/sync-plan.js';
import { catalogOf, objectOf } from './mapping-fixtures.js';

const PLAN = buildMappingPlan({
  source: 'pipedrive',
  rules: PIPEDRIVE_RULES,
  catalog: catalogOf(
    [objectOf('deal', [])],
    [{ id: '1', name: 'Sales', order: 1, stages: [{ id: '11', name: 'Qualified', order: 1, probability: 20 }] }],
  ),
  owners: [],
  portal: {},
});
const SETTINGS = defaultSettings('00000000-0000-4000-8000-000000000001');

/** A source that keeps a deal's state as W / L / O, its close instant in `closed_on`, its owner in `rep`. */
const OTHER: RecordShape = {
  ...PIPEDRIVE_RECORD_SHAPE,
  owner: (record) => record.values.rep,
  status: (record) => ({ W: 'won', L: 'lost' })[String(record.values.state)] ?? 'open',
  closeTimes: (record) => [record.values.closed_on],
  expectedCloseDay: (record) => record.values.due_on,
};

function map(values: Record<string, unknown>, shape?: RecordShape) {
  const record = { id: '7', updatedAt: null, values };
  const row = rowForRecord(PLAN, SETTINGS, 'deals', record);
  if (!row) throw new Error('no deals row');
  return mapRecord({
    row,
    record,
    settings: SETTINGS,
    plan: PLAN,
    context: { timeZone: 'UTC', recordLinkBase: null, ...(shape ? { shape } : {}) },
  });
}

describe("a source's record shape", () => {
  it("is where the mapper reads a deal's status, close instant and expected close day", () => {
    const won = map({ state: 'W', closed_on: '2026-03-09T10:00:00Z', stage_id: 11, pipeline_id: 1 }, OTHER);
    expect(won.properties.closedate).toBe('2026-03-09T10:00:00.000Z');
    expect(won.pending).toContainEqual({ property: 'dealstage', itemKey: '1/closed_won' });
    const open = map({ state: 'O', due_on: '2026-04-05', stage_id: 11, pipeline_id: 1 }, OTHER);
    expect(open.properties.closedate).toBe('2026-04-05T00:00:00.000Z');
    expect(open.pending).toContainEqual({ property: 'dealstage', itemKey: '1/11' });
    // Pipedrive's keys mean nothing to that source.
    expect(map({ status: 'won', won_time: '2026-03-09T10:00:00Z' }, OTHER).properties).not.toHaveProperty('closedate');
  });

  it("is the plan's source module's by default (Pipedrive's keys for a Pipedrive plan)", () => {
    expect(map({ status: 'won', won_time: '2026-03-09T10:00:00Z' }).properties.closedate).toBe(
      '2026-03-09T10:00:00.000Z',
    );
  });

  it("is where the sync's record filter reads the owner", () => {
    const filter = { sourceFilterId: null, ownerId: '5', pipelineId: null, createdAfter: null, updatedAfter: null };
    const record = { id: '1', updatedAt: null, values: { rep: 5, owner_id: 6 } };
    expect(passesFilter(filter, record, OTHER)).toBe(true);
    expect(passesFilter(filter, record, PIPEDRIVE_RECORD_SHAPE)).toBe(false);
  });
});
