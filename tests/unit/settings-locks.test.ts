/** Data type locks and setup readiness: what the user may change, and why not. */
import { describe, expect, it } from '@jest/globals';
import type { MappingPlan } from '../../backend/src/transfer/mapping/mapping-plan.js';
import { dataTypeLocks } from '../../backend/src/transfer/settings/data-type-locks.js';
import { setupReadiness } from '../../backend/src/transfer/settings/setup-readiness.js';
import { catalogOf, mapPipedrive, objectOf } from './mapping-fixtures.js';

function planWith(entities: Parameters<typeof objectOf>[0][]): MappingPlan {
  const catalog = catalogOf(entities.map((entity) => objectOf(entity)));
  return {
    source: 'pipedrive',
    ...mapPipedrive({ ...catalog, activityTypes: [] }),
    owners: [],
    includeArchivedDeals: true,
  };
}

const lockOf = (locks: ReturnType<typeof dataTypeLocks>, type: string) => locks.find((lock) => lock.dataType === type);

describe('data type locks', () => {
  it('keeps pipelines on wherever there are deals, and says why', () => {
    const locks = dataTypeLocks(planWith(['person', 'deal']), []);
    expect(lockOf(locks, 'pipelines')).toMatchObject({
      locked: true,
      value: true,
      reason: expect.stringMatching(/Deals need/),
    });
    expect(lockOf(locks, 'archived_deals')).toMatchObject({ locked: false, requires: ['pipelines'] });
    expect(lockOf(locks, 'deal_properties')).toMatchObject({ locked: false, requires: ['pipelines'] });
  });

  it('turns off what the account has nothing for: no deals, no pipelines, workflows, archived deals or deal properties', () => {
    const locks = dataTypeLocks(planWith(['person', 'organization']), []);
    for (const type of ['pipelines', 'workflows', 'archived_deals', 'deal_properties', 'product_properties', 'users'])
      expect(lockOf(locks, type)).toMatchObject({ locked: true, value: false, reason: expect.any(String) });
    expect(lockOf(locks, 'contact_properties')).toMatchObject({ locked: false, value: null });
  });

  it('keeps currencies on while deals use a currency HubSpot lacks, naming it', () => {
    const plan = planWith(['deal']);
    const missing = dataTypeLocks(plan, [
      { code: 'EUR', used: true, inHubSpot: true },
      { code: 'CHF', used: true, inHubSpot: false },
      { code: 'JPY', used: false, inHubSpot: false },
    ]);
    expect(lockOf(missing, 'currencies')).toMatchObject({
      locked: true,
      value: true,
      reason: expect.stringMatching(/CHF/),
    });
    expect(lockOf(missing, 'currencies')?.reason).not.toMatch(/JPY/);
    const none = dataTypeLocks(plan, [{ code: 'EUR', used: true, inHubSpot: true }]);
    expect(lockOf(none, 'currencies')).toMatchObject({ locked: true, value: false });
  });
});

describe('setup readiness', () => {
  const currencies = [
    { code: 'EUR', used: true, inHubSpot: true },
    { code: 'CHF', used: true, inHubSpot: false },
    { code: 'USD', used: true, inHubSpot: false },
    { code: 'JPY', used: false, inHubSpot: false },
  ];

  it('is not ready while a used currency HubSpot lacks has no rate, and says which', () => {
    const readiness = setupReadiness({ exchangeRates: { CHF: 0.95 } }, currencies);
    expect(readiness.ready).toBe(false);
    expect(readiness.missing.map((gap) => [gap.code, gap.path])).toEqual([
      ['exchange_rate_missing', 'exchangeRates.USD'],
    ]);
  });

  it('is ready once every such currency has a rate', () => {
    expect(setupReadiness({ exchangeRates: { CHF: 0.95, USD: 1.1 } }, currencies)).toEqual({
      ready: true,
      missing: [],
    });
  });
});
