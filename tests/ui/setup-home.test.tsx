import { Button, Heading, StatisticsItem, StepIndicator, Table, Tile } from '@hubspot/ui-extensions';
import { PageBreadcrumbs } from '@hubspot/ui-extensions/pages';
import { describe, expect, it } from '@jest/globals';
import {
  BEFORE_SETUP,
  cleanUpAfterEach,
  CONNECTED,
  fakeBackend,
  fetchOptions,
  renderHome,
  url,
} from './support/index.ts';

cleanUpAfterEach();

describe('app home: from the audit on to Prepare HubSpot', () => {
  it('continues from the audit to the wizard, and back', async () => {
    const { callsTo } = fakeBackend({
      'GET /api/v1/apps': [CONNECTED],
      ...BEFORE_SETUP,
    });
    const { find, findByTestId, maybeFind, waitFor, follow, path } = renderHome();
    await waitFor(() => expect(findByTestId(Tile, 'source-pipedrive').maybeFind(StatisticsItem)).not.toBeNull());
    findByTestId(Tile, 'source-pipedrive').find(Button, { testId: 'audit-open-results' }).trigger('onClick');
    await waitFor(() => expect(maybeFind(Table, { testId: 'audit-objects' })).not.toBeNull());
    expect(callsTo('GET /api/v1/connections/pipedrive/settings')).toHaveLength(0);

    find(Button, { testId: 'open-setup' }).trigger('onClick');
    await waitFor(() => expect(maybeFind(StepIndicator)).not.toBeNull());
    expect(find(Heading).text).toBe('Prepare HubSpot for your Pipedrive data');
    expect(find(StepIndicator).props.currentStep).toBe(0);
    expect(callsTo('GET /api/v1/connections/pipedrive/settings')).toEqual([
      [url('/api/v1/connections/pipedrive/settings'), fetchOptions('GET')],
    ]);

    expect(path()).toBe('/sources/pipedrive/setup');

    follow(find(PageBreadcrumbs.PageLink, { testId: 'back-to-audit' }));
    await waitFor(() => expect(maybeFind(Table, { testId: 'audit-objects' })).not.toBeNull());
    expect(path()).toBe('/sources/pipedrive/audit');
    expect(maybeFind(StepIndicator)).toBeNull();
  });
});
