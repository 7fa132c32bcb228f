import { Button, EmptyState, Heading, StepIndicator, Table, Tile } from '@hubspot/ui-extensions';
import { PageBreadcrumbs, PageLink } from '@hubspot/ui-extensions/pages';
import { describe, expect, it } from '@jest/globals';
import {
  APPS,
  BEFORE_SETUP,
  cleanUpAfterEach,
  CONNECTED,
  fakeBackend,
  jsonResponse,
  renderHome,
} from './support/index.ts';

cleanUpAfterEach();

describe("app home pages (the SDK's page router)", () => {
  it('opens a deep link to the wizard directly, and keeps the apps loaded while moving between pages', async () => {
    const { callsTo } = fakeBackend({
      'GET /api/v1/apps': [CONNECTED],
      ...BEFORE_SETUP,
    });
    const { find, maybeFind, waitFor, follow, path, mocks, appNames } = renderHome('/sources/pipedrive/setup');
    await waitFor(() => expect(maybeFind(StepIndicator)).not.toBeNull());
    expect(find(Heading).text).toBe('Prepare HubSpot for your Pipedrive data');
    const crumbs = find(PageBreadcrumbs)
      .findAll(PageBreadcrumbs.PageLink)
      .map((link) => [link.text, link.props.to]);
    expect(crumbs).toEqual([
      ['All apps', '/'],
      ['Pipedrive audit', '/sources/pipedrive/audit'],
    ]);
    expect(find(PageBreadcrumbs.Current).text).toBe('Prepare HubSpot');

    follow(find(PageBreadcrumbs.PageLink, { testId: 'back-to-audit' }));
    await waitFor(() => expect(maybeFind(Table, { testId: 'audit-objects' })).not.toBeNull());
    follow(find(PageBreadcrumbs.PageLink, { testId: 'back-to-apps' }));
    await waitFor(() => expect(appNames()).toHaveLength(4));
    expect(path()).toBe('/');
    // One list of apps for the three pages; nothing navigated by the page itself.
    expect(callsTo('GET /api/v1/apps')).toHaveLength(1);
    expect(mocks.actions.navigateToPage.calls).toEqual([]);
  });

  it('navigates with navigateToPage: the results of an audit, then Prepare HubSpot', async () => {
    fakeBackend({
      'GET /api/v1/apps': [CONNECTED],
      ...BEFORE_SETUP,
    });
    const { find, findByTestId, maybeFind, waitFor, path, mocks } = renderHome();
    const open = () => findByTestId(Tile, 'source-pipedrive').maybeFind(Button, { testId: 'audit-open-results' });
    await waitFor(() => expect(open()).not.toBeNull());
    open()?.trigger('onClick');
    await waitFor(() => expect(maybeFind(Table, { testId: 'audit-objects' })).not.toBeNull());
    expect(path()).toBe('/sources/pipedrive/audit');
    expect(find(Heading).text).toBe('Your Pipedrive audit');

    find(Button, { testId: 'open-setup' }).trigger('onClick');
    await waitFor(() => expect(maybeFind(StepIndicator)).not.toBeNull());
    expect(path()).toBe('/sources/pipedrive/setup');
    expect(mocks.actions.navigateToPage.calls).toEqual([
      [{ to: '/sources/pipedrive/audit' }],
      [{ to: '/sources/pipedrive/setup' }],
    ]);
  });

  it('sends a link to an app that is not connected back to the list of apps', async () => {
    fakeBackend({ 'GET /api/v1/apps': [jsonResponse(APPS)] });
    const { waitFor, appNames, path, mocks } = renderHome('/sources/pipedrive/audit');
    await waitFor(() => expect(appNames()).toEqual(['Pipedrive', 'Zoho CRM', 'Salesforce', 'ActiveCampaign']));
    expect(path()).toBe('/');
    expect(mocks.actions.navigateToPage.calls).toEqual([[{ to: '/' }]]);
  });

  it('says so for a path the app home has no page for, with a link back to the apps', async () => {
    fakeBackend({ 'GET /api/v1/apps': [jsonResponse(APPS)] });
    const { find, findByTestId, waitFor, appNames, follow } = renderHome('/no/such/page');
    const notFound = findByTestId(EmptyState, 'page-not-found');
    expect(notFound.props.title).toBe('This page does not exist');
    follow(find(PageLink, { testId: 'not-found-to-apps' }));
    await waitFor(() => expect(appNames()).toHaveLength(4));
  });
});
