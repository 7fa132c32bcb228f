/**
 * Which plan rows the deferred association pass reads again: those with a link to a record their own task
 * or a later one writes (the order is companies → contacts → products → deals → engagements).
 */
import { describe, expect, it } from '@jest/globals';
import type { MappingPlan } from '../../backend/src/transfer/mapping/mapping-plan.js';
import { defaultSettings } from '../../backend/src/transfer/settings/default-settings.js';
import { rowsWithLaterLinks } from '../../backend/src/transfer/sync/deferred-associations.js';
import { syncRows } from '../../backend/src/transfer/sync/sync-plan.js';
import { catalogOf, customField, everyTypeEverywhere, mapPipedrive, objectOf } from './mapping-fixtures.js';

const settings = defaultSettings('00000000-0000-4000-8000-000000000001');
const planOf = (catalog: ReturnType<typeof catalogOf>): MappingPlan => ({
  source: 'pipedrive',
  ...mapPipedrive(catalog),
  owners: [],
  includeArchivedDeals: true,
});
const laterLinks = (plan: MappingPlan) => rowsWithLaterLinks(syncRows(plan, settings), plan).map((row) => row.key);

describe('rows with links to records written later', () => {
  it('are none with the built-in fields only: every built-in link points at an object written before', () => {
    const plan = planOf(
      catalogOf(
        (['organization', 'person', 'deal', 'product', 'activity', 'note'] as const).map((entity) => objectOf(entity)),
      ),
    );
    expect(laterLinks(plan)).toEqual([]);
  });

  it('are organizations (person, organization and deal fields), persons (person and deal fields) and deals (deal fields)', () => {
    expect(laterLinks(planOf(everyTypeEverywhere()))).toEqual(['organizations', 'persons', 'deals']);
  });

  it('leave out a link to an earlier object (a person’s organization field)', () => {
    const plan = planOf(
      catalogOf([objectOf('organization'), objectOf('person', [customField('org', 'Partner')]), objectOf('deal')]),
    );
    expect(laterLinks(plan)).toEqual([]);
  });
});
