import { describe, expect, it } from '@jest/globals';
import type { HubSpotPropertyOption } from '../../backend/src/hubspot/hubspot-properties.client.js';
import type { TransferBatch } from '../../backend/src/jobs/transfer-run.js';
import type { SourceCatalog } from '../../backend/src/sources/connector.js';
import type { MappingPlan, PlannedObject } from '../../backend/src/transfer/mapping/mapping-plan.js';
import type { MappedRecord } from '../../backend/src/transfer/sync/sync-records.js';
import { createValueGuard } from '../../backend/src/transfer/sync/value-guard.js';
import type { TransferSettings } from '../../shared/src/contracts/index.js';

const row = { key: 'deals', sourceObject: 'deals', hubspotObject: 'deals' } as PlannedObject;
const field = {
  key: 'tier',
  label: 'Tier',
  sourceType: 'enum',
  isCustom: true,
  supported: true,
  targets: [{ kind: 'created', type: 'enumeration', name: 'pd_tier' }],
  // As at setup: option 1 only; 2 and 3 were added at the source later.
  options: [{ id: '1', label: 'Gold' }],
  reason: null,
};
const plan = { fields: { deals: [field] } } as unknown as MappingPlan;
const settings = { fields: {} } as unknown as TransferSettings;
const catalog = {
  objects: [
    {
      key: 'deals',
      fields: [
        {
          ...field,
          options: [
            { id: '1', label: 'Gold' },
            { id: '2', label: 'Silver' },
            { id: '3', label: 'Bronze' },
          ],
        },
      ],
    },
  ],
} as unknown as SourceCatalog;

const option = (value: string, label: string, displayOrder: number): HubSpotPropertyOption => ({
  value,
  label,
  displayOrder,
  hidden: false,
});

/** A portal property whose options a PATCH replaces as a whole, answering after a while (as HubSpot does). */
function portal() {
  let options = [option('1', 'Gold', 0)];
  const api = {
    properties: async () => [
      {
        name: 'pd_tier',
        label: 'Tier',
        type: 'enumeration',
        fieldType: 'select',
        groupName: 'g',
        readOnly: false,
        options,
      },
    ],
    propertyDefinitions: {
      setOptions: async (_objectType: string, _name: string, next: HubSpotPropertyOption[]) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        options = next;
      },
    },
  };
  return { api, options: () => options.map((o) => o.value) };
}

const tx = { intend: async () => undefined, confirm: async () => undefined } as unknown as TransferBatch;
const dealWith = (id: string, tier: string) =>
  ({ record: { id }, input: { properties: { pd_tier: tier }, pending: [], warnings: [] } }) as unknown as MappedRecord;

describe('options added before a batch while several batches are in flight', () => {
  it('adds each batch’s new option to the property without losing the other’s (one PATCH at a time per property)', async () => {
    const hubspot = portal();
    const guard = createValueGuard({
      api: hubspot.api as never,
      catalog: async () => catalog,
      run: {
        transfer: { id: 'transfer' },
        commit: async (work: (batch: TransferBatch) => Promise<unknown>) => work(tx),
      } as never,
      plan,
      settings,
    });
    const [first, second] = await Promise.all([guard(row, [dealWith('10', '2')]), guard(row, [dealWith('11', '3')])]);
    expect(hubspot.options()).toEqual(['1', '2', '3']);
    expect([first.warnings, second.warnings]).toEqual([[], []]);
    expect(second.batch[0]?.input.properties).toEqual({ pd_tier: '3' });
  });
});
