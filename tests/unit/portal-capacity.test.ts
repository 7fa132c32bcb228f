import { describe, expect, it } from '@jest/globals';
import { itemsOverLimit } from '../../backend/src/transfer/setup/portal-capacity.js';
import { type SetupItem, setupItemIdentity } from '../../backend/src/transfer/setup/setup-items.js';

const pipeline = (id: string, label: string): SetupItem => ({
  task: 'pipelines',
  itemType: 'pipeline',
  hubspotObject: 'deals',
  itemKey: `pipeline/${id}`,
  label,
  kind: 'pipeline',
  stages: [],
});
const label = (name: string): SetupItem => ({
  task: 'properties',
  itemType: 'association_label',
  hubspotObject: 'deals',
  itemKey: `companies/${name}`,
  label: name,
  kind: 'association_label',
  from: 'deals',
  to: 'companies',
  name,
});

describe("the room a portal's tier leaves", () => {
  const pipelines = [pipeline('1', 'Sales'), pipeline('2', 'Renewals'), pipeline('3', 'Partners')];

  it('gives it to the earlier items and fails the rest with the limit and what to do', () => {
    // Starter: 2 deal pipelines, the default one in use.
    const over = itemsOverLimit(pipelines, new Map([['pipelines/deals', { limit: 2, usage: 1 }]]), () => true);
    expect([...over.keys()]).toEqual([setupItemIdentity(pipelines[1]!), setupItemIdentity(pipelines[2]!)]);
    const reason = over.get(setupItemIdentity(pipelines[2]!));
    expect(reason?.message).toMatch(
      /allows 2 deal pipelines, and 1 exist already \(1 more are created by this setup first\)/,
    );
    expect(reason?.message).toMatch(/“Partners”/);
    expect(reason?.hint).toMatch(/Upgrade .* or deselect this pipeline/);
  });

  it('takes no room for an item HubSpot already has (reused)', () => {
    const reused = new Set(['Sales']);
    const over = itemsOverLimit(
      pipelines,
      new Map([['pipelines/deals', { limit: 3, usage: 2 }]]),
      (item) => !reused.has(item.label),
    );
    expect([...over.keys()]).toEqual([setupItemIdentity(pipelines[2]!)]);
  });

  it('counts each kind against its own limit, and checks nothing whose limit is unknown', () => {
    const items = [...pipelines, label('partner'), label('reseller')];
    const over = itemsOverLimit(items, new Map([['labels/deals/companies', { limit: 10, usage: 9 }]]), () => true);
    expect([...over.keys()]).toEqual([setupItemIdentity(items[4]!)]);
    expect(over.get(setupItemIdentity(items[4]!))?.message).toMatch(/10 association labels from deals to companies/);
  });
});
